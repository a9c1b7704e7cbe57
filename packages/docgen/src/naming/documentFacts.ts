import type { Template } from "@ilm-forms/core";
import { asObject, resolveSchema } from "../layout/resolveSchema.ts";

/** What identifies a document among its siblings, read from the fields' roles. */
export interface DocumentFacts {
  /** The unit the document belongs to, when the document or template says so. */
  unit?: string;
  clientRef?: string;
  sessionNo?: number;
  /** ISO date of the session, or of the document. */
  date?: string;
  /** The learner's registration number, when the document carries one. */
  registrationNo?: string;
}

const REGISTRATION_KEYS = ["registrationNo", "learnerRegistrationNo"];

// The roles of a template's top-level fields, worked out once per template.
const rolesByTemplate = new WeakMap<Template, [string, unknown][]>();

function rolesOf(template: Template): [string, unknown][] {
  let roles = rolesByTemplate.get(template);
  if (!roles) {
    const properties = asObject(template.schema.properties) ?? {};
    roles = Object.entries(properties)
      .map(([key, raw]): [string, unknown] => [key, asObject(resolveSchema(asObject(raw) ?? {}, template.schema)["x-ilm"])?.role])
      .filter(([, role]) => role !== undefined);
    rolesByTemplate.set(template, roles);
  }
  return roles;
}

/**
 * Reads a document's identifying facts from its top-level fields by their `x-ilm` roles (client
 * reference, session number, session date or date, the unit it is for) and from the template's
 * annotations (the unit of a generated template, the units its criteria belong to).
 *
 * @param template - the document's template
 * @param data - the document
 * @param units - the units of the portfolio the document is in: a template that serves several units
 *   (the diary serves 501 and 502) takes the one among them that the portfolio is for
 * @returns the facts found; any may be missing
 */
export function documentFacts(template: Template, data: Record<string, unknown>, units?: ReadonlySet<string>): DocumentFacts {
  const facts: DocumentFacts = {};
  let ownUnit: string | undefined;
  for (const [key, role] of rolesOf(template)) {
    const value = data[key];
    if (role === "unit-ref" && typeof value === "string" && value) ownUnit ??= value;
    if (role === "client-ref" && typeof value === "string" && !facts.clientRef) facts.clientRef = value;
    else if (role === "session-no" && typeof value === "number") facts.sessionNo = value;
    else if (role === "session-date" && typeof value === "string") facts.date = value;
    else if (role === "date" && typeof value === "string" && !facts.date) facts.date = value;
  }
  for (const key of REGISTRATION_KEYS) if (typeof data[key] === "string" && data[key]) facts.registrationNo = data[key] as string;
  const generated = template.annotations.generatedFrom?.unit;
  const criteria = template.annotations.criteria ?? [];
  if (generated) facts.unit = generated;
  else if (ownUnit !== undefined) facts.unit = ownUnit;
  else {
    const candidates = [...new Set(criteria.map((criterion) => criterion.split(":")[0]!))];
    const inPortfolio = units ? candidates.filter((unit) => units.has(unit)) : [];
    if (candidates.length === 1) facts.unit = candidates[0];
    else if (inPortfolio.length === 1) facts.unit = inPortfolio[0];
  }
  return facts;
}
