import type { Unit } from "../qualification/types.ts";
import type { Template } from "../registry/types.ts";
import { criteriaEvidenced } from "./criteriaEvidenced.ts";

/** What `evidenceByCriterion` needs of a document, however the caller stores it. */
export interface EvidenceSource {
  /** The template the document was written against (its own version's); unknown documents evidence nothing. */
  template: Template | undefined;
  data: unknown;
}

/**
 * The documents that evidence each criterion of a unit, for an evidence matrix or a marking page:
 * under each criterion, in the order given, every document whose `criteriaEvidenced` names it (an
 * observation or a testimony only under the criteria its own "Assessment criteria" list names).
 *
 * @param unit - the unit
 * @param documents - the learner's documents, in any shape
 * @param source - the template and data of a document (e.g. `d => ({ template: registry.get(d.template, d.version), data: d.data })`)
 * @returns by `unit:criterion` (e.g. `501:3.4`), every criterion of the unit, each with its documents
 */
export function evidenceByCriterion<T>(unit: Unit, documents: readonly T[], source: (document: T) => EvidenceSource): Map<string, T[]> {
  const byCriterion = new Map<string, T[]>();
  for (const outcome of unit.learningOutcomes) for (const criterion of outcome.criteria) byCriterion.set(`${unit.id}:${criterion.id}`, []);
  for (const document of documents) {
    const { template, data } = source(document);
    if (!template) continue;
    for (const criterion of criteriaEvidenced(template, data)) byCriterion.get(criterion)?.push(document);
  }
  return byCriterion;
}
