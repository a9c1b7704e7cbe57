import type { Template } from "../registry/types.ts";
import { firstValueIn, roleReaders, type RoleReaders } from "../roles/fieldsByRole.ts";

/**
 * The criteria a document evidences, as `unit:criterion`: those its template names in `x-ilm.criteria`,
 * of the unit the document says it is for (a field of the role `unit-ref`: an introduction to Unit 503
 * is no evidence for 501), narrowed, where the template has fields of the role `assessment-criteria`
 * (the "Assessment criteria" lists of an observation, a testimony, a professional discussion), to the
 * criteria the document's own lists name. An observation that speaks to 501:3.4 is evidence for
 * 501:3.4 only, not for every criterion it might have spoken to; one whose lists name nothing
 * evidences nothing yet.
 *
 * @param template - the document's template
 * @param data - the document
 * @returns the criteria, in the order of `x-ilm.criteria`
 */
export function criteriaEvidenced(template: Template, data: unknown): string[] {
  const readers = roleReaders(template);
  const lists = readers.get("assessment-criteria");
  if (template.annotations.criteriaFrom === "document") return ofOwnUnit([...namedIn(lists, data)], readers, data);
  const declared = ofOwnUnit(template.annotations.criteria ?? [], readers, data);
  if (lists === undefined || declared.length === 0) return declared;
  const named = namedIn(lists, data);
  return declared.filter((criterion) => named.has(criterion));
}

/** The criteria the document's `assessment-criteria` lists name, in the order they appear. */
function namedIn(lists: ReturnType<RoleReaders["get"]>, data: unknown): Set<string> {
  const named = new Set<string>();
  for (const list of lists ?? []) {
    list.read(data, (value) => {
      if (Array.isArray(value)) for (const item of value) if (typeof item === "string") named.add(item);
    });
  }
  return named;
}

/** The criteria of the document's own unit, where its template has a `unit-ref` field and it is filled in. */
function ofOwnUnit(criteria: string[], readers: RoleReaders, data: unknown): string[] {
  if (!readers.has("unit-ref")) return criteria;
  const unit = firstValueIn(readers, data, "unit-ref");
  if (typeof unit !== "string" || unit === "") return criteria;
  return criteria.filter((criterion) => criterion.startsWith(`${unit}:`));
}
