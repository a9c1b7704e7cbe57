import type { Registry, Template } from "@ilm-forms/core";
import { documentFacts } from "../naming/documentFacts.ts";
import type { DocumentInput } from "../render/types.ts";

/** The group a document falls in, in the order the handbook asks a portfolio to be presented. */
export type PortfolioPart = "authenticity" | "evidence-matrix" | "introduction" | "evidence" | "result-sheet";

/** Where each part prints: an introduction is evidence, printed first among its unit's evidence. */
const PART_RANK: Record<PortfolioPart, number> = { authenticity: 0, "evidence-matrix": 1, introduction: 2, evidence: 2, "result-sheet": 3 };

/**
 * The part of the portfolio a template belongs to: the authentication sheet(s) first, then the
 * evidence matrix ("present this at the beginning of their portfolio after the authentication
 * sheet(s)"), then the evidence, each unit's introduction before the rest of its evidence; result
 * sheets, which the assessor fills in, come last. Read from the template's annotations
 * (`x-ilm.portfolioPart`, `x-ilm.generatedFrom.kind`), never from its id.
 *
 * @param template - the document's template
 * @returns the part
 */
export function portfolioPart(template: Template): PortfolioPart {
  const kind = template.annotations.generatedFrom?.kind;
  if (kind === "evidence-matrix") return "evidence-matrix";
  if (kind === "result-sheet") return "result-sheet";
  const part = template.annotations.portfolioPart;
  return part === "authenticity" || part === "introduction" ? part : "evidence";
}

/**
 * Puts a portfolio's documents in the handbook's order: part (see {@link portfolioPart}), then unit,
 * then a unit's introduction before its other evidence, then the first criterion the template
 * evidences (so the diary's planning pages come before its session records), then client, session
 * number, date, template id and document id, so the order does not depend on the order the documents
 * arrive in.
 *
 * @param registry - where the templates come from
 * @param documents - the documents in any order
 * @returns a new array in print order
 */
export function orderPortfolio<T extends DocumentInput>(registry: Registry, documents: readonly T[]): T[] {
  const keyed = documents.map((document, index) => {
    const template = registry.get(document.template, document.version);
    const facts = template ? documentFacts(template, document.data) : {};
    const criterion = template?.annotations.criteria?.[0];
    const part = template ? portfolioPart(template) : "evidence";
    return {
      document,
      index,
      part: PART_RANK[part],
      lead: part === "introduction" ? 0 : 1,
      unit: facts.unit ?? criterion?.split(":")[0] ?? "",
      criterion: criterion ? criterion.split(":")[1] ?? "" : "~",
      client: facts.clientRef ?? "",
      session: facts.sessionNo ?? 0,
      date: facts.date ?? "",
    };
  });
  keyed.sort(
    (a, b) =>
      a.part - b.part ||
      naturalCompare(a.unit, b.unit) ||
      a.lead - b.lead ||
      naturalCompare(a.criterion, b.criterion) ||
      naturalCompare(a.client, b.client) ||
      a.session - b.session ||
      a.date.localeCompare(b.date) ||
      a.document.template.localeCompare(b.document.template) ||
      naturalCompare(a.document.id ?? "", b.document.id ?? "") ||
      a.index - b.index,
  );
  return keyed.map((entry) => entry.document);
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
