import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { criteriaEvidenced, registry as builtInRegistry, type PortfolioDocument, type Registry, type Template } from "@ilm-forms/core";
import { asObject, resolveSchema } from "../layout/resolveSchema.ts";
import { documentCaption } from "../naming/documentCaption.ts";
import type { Learner } from "../render/types.ts";

/** The repository's `schemas/` folder (this module is used from the repository only: tests and benches). */
export const schemasDir = resolve(import.meta.dirname, "../../../../schemas");

export interface ExamplePortfolioOptions {
  route: "certificate" | "diploma";
  /** Clients coached (default 2 for the certificate, 4 for the diploma). */
  clients?: number;
  /** Sessions a client (default 3). */
  sessions?: number;
  registry?: Registry;
}

/**
 * Builds a learner's whole portfolio from the schemas' valid examples (the first of each file): the
 * authentication sheets, the evidence matrices filled with references to the evidence, Unit 500's
 * assignment, every client's diary pages, session records, reflective logs and feedback, supervision,
 * the Unit 503 documents and marked result sheets. A stand-in until core offers a demo generator.
 *
 * @param options - route, clients, sessions
 * @returns the learner and the documents, in no particular order
 */
export function examplePortfolio(options: ExamplePortfolioOptions): { learner: Learner; documents: PortfolioDocument[] } {
  const registry = options.registry ?? builtInRegistry;
  const practical = options.route === "diploma" ? "502" : "501";
  const clients = options.clients ?? (options.route === "diploma" ? 4 : 2);
  const sessions = options.sessions ?? 3;
  const learner: Learner = { name: "Priya Shah", registrationNo: "ILM123456" };
  const documents: PortfolioDocument[] = [];
  const add = (name: string, data: Record<string, unknown>) => {
    const id = `${name}-${documents.filter((d) => d.template === `ilm-8588/${name}`).length + 1}`;
    documents.push({ id, template: `ilm-8588/${name}`, data });
  };
  for (const unit of ["500", practical, "503"]) {
    add("authenticity-declaration", { ...example("authenticity-declaration"), unit, learnerName: learner.name, registrationNo: learner.registrationNo });
  }
  add("assignment-500", { ...example("assignment-500"), learnerName: learner.name, registrationNo: learner.registrationNo });
  add("professional-discussion", example("professional-discussion"));
  const observation = example("assessor-observation");
  add("assessor-observation", { ...observation, unit: practical, learnerName: learner.name, observations: retarget(observation.observations, practical) });
  const testimony = example("witness-testimony");
  add("witness-testimony", { ...testimony, unit: practical, learnerName: learner.name, criteria: retarget([{ criteria: testimony.criteria }], practical)[0]!.criteria });
  for (let client = 1; client <= clients; client++) {
    const clientRef = `Client ${client}`;
    const perClient = (name: string, extra: Record<string, unknown> = {}) => add(name, withRoles(registry, name, example(name), { clientRef, ...extra }));
    for (const name of ["diary-cover", "programme-plan", "development-needs", "diagnostics", "contract"]) perClient(name);
    perClient("hours-log", {
      sessions: Array.from({ length: sessions }, (_, s) => ({ sessionNo: s + 1, sessionDate: sessionDate(client, s), duration: 90 })),
    });
    for (let s = 0; s < sessions; s++) {
      perClient("session-record", { sessionNo: s + 1, date: sessionDate(client, s) });
      perClient("reflective-log", { sessionNo: s + 1, date: sessionDate(client, s) });
    }
    perClient("client-feedback");
  }
  add("supervisor-feedback", example("supervisor-feedback"));
  for (let s = 0; s < (practical === "502" ? 3 : 1); s++) add("supervision-record", example("supervision-record"));
  for (const name of ["session-conclusions", "tools-justification", "communication-assessment"]) add(name, { ...example(name), unit: practical, learnerName: learner.name });
  for (const name of ["coach-swot", "pdp", "cpd-monitoring"]) add(name, example(name));
  add("journal-summary-statements", { ...example("journal-summary-statements"), learnerName: learner.name });
  for (const unit of [practical, "503"]) add("portfolio-introduction", { ...example("portfolio-introduction"), unit, learnerName: learner.name });
  for (const unit of [practical, "503"]) {
    const template = registry.get(`ilm-8588/evidence-matrix-${unit}`);
    if (template) documents.push({ id: `evidence-matrix-${unit}`, template: template.id, data: fillMatrix(registry, template, documents, learner) });
  }
  for (const unit of ["500", practical, "503"]) {
    const template = registry.get(`ilm-8588/result-sheet-${unit}`);
    if (template) documents.push({ id: `result-sheet-${unit}`, template: template.id, data: fillResultSheet(template, learner) });
  }
  return { learner, documents };
}

/** An example's "Assessment criteria" lists moved to the unit of the portfolio (the examples are 501's). */
function retarget(rows: unknown, unit: string): Array<{ criteria: string[] }> {
  return (rows as Array<{ criteria: string[] }>).map((row) => ({ ...row, criteria: row.criteria.map((c) => c.replace(/^50[12]:/, `${unit}:`)) }));
}

function example(name: string): Record<string, unknown> {
  const file = JSON.parse(readFileSync(join(schemasDir, "ilm-8588", "examples", `${name}.json`), "utf8")) as { valid: Record<string, unknown>[] };
  return structuredClone(file.valid[0]!);
}

function sessionDate(client: number, session: number): string {
  const day = 2 + ((client * 3 + session * 7) % 26);
  return `2026-0${3 + Math.min(session, 5)}-${String(day).padStart(2, "0")}`;
}

/** Sets the top-level fields that carry a role (client reference, session number, session date). */
function withRoles(registry: Registry, name: string, data: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const template = registry.get(`ilm-8588/${name}`);
  const out = { ...data };
  const byRole: Record<string, unknown> = { "client-ref": values.clientRef, "session-no": values.sessionNo, "session-date": values.date };
  for (const [key, raw] of Object.entries(asObject(template?.schema.properties) ?? {})) {
    const role = asObject(resolveSchema(asObject(raw) ?? {}, template!.schema)["x-ilm"])?.role;
    if (typeof role === "string" && byRole[role] !== undefined) out[key] = byRole[role];
  }
  if (Array.isArray(values.sessions)) out.sessions = values.sessions;
  return out;
}

function fillMatrix(registry: Registry, template: Template, documents: PortfolioDocument[], learner: Learner): Record<string, unknown> {
  const sections: Record<string, Record<string, unknown>> = {};
  for (const [number, raw] of Object.entries(asObject(asObject(template.schema.properties)?.sections)?.properties ?? {})) {
    sections[number] = {};
    for (const [id, criterion] of Object.entries(asObject(asObject(raw)?.properties) ?? {})) {
      const key = asObject(asObject(criterion)?.["x-ilm"])?.criterion;
      const evidence = documents
        .filter((document) => {
          const evidenceTemplate = registry.get(document.template);
          return evidenceTemplate !== undefined && criteriaEvidenced(evidenceTemplate, document.data).includes(String(key));
        })
        .slice(0, 4)
        .map((document) => {
          const evidenceTemplate = registry.get(document.template)!;
          const detail = documentCaption(evidenceTemplate, document.data);
          return { title: detail ? `${evidenceTemplate.title} (${detail})` : evidenceTemplate.title, reference: document.id };
        });
      sections[number]![id] = evidence;
    }
  }
  return { learnerName: learner.name, signature: learner.name, dateCompleted: "2026-09-30", sections, references: "Whitmore, J. (2017) Coaching for Performance. 5th edn. London: Nicholas Brealey." };
}

function fillResultSheet(template: Template, learner: Learner): Record<string, unknown> {
  const learningOutcomes: Record<string, unknown> = {};
  for (const [number, raw] of Object.entries(asObject(asObject(template.schema.properties)?.learningOutcomes)?.properties ?? {})) {
    const criteria: Record<string, unknown> = {};
    for (const id of Object.keys(asObject(asObject(asObject(raw)?.properties)?.criteria)?.properties ?? {})) {
      criteria[id] = { feedback: `AC ${id}: the evidence is sufficient, correct and appropriate; see the references in the evidence matrix.`, decision: "Pass" };
    }
    learningOutcomes[number] = { criteria, comments: `Learning outcome ${number} is met.` };
  }
  return {
    centreNumber: "123456",
    centreName: "Northfield Training Centre",
    learnerRegistrationNo: learner.registrationNo,
    learnerName: learner.name,
    learningOutcomes,
    assessorDecision: "Pass",
    assessorSignature: { name: "Alex Morgan", role: "Assessor", date: "2026-10-12" },
    unitOutcome: "Pass",
    qaSignature: { name: "Sam Okafor", role: "Internal Quality Assurer", date: "2026-10-20" },
  };
}
