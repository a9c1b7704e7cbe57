import type { Registry } from "../registry/createRegistry.ts";
import { unitRules } from "./unitRules.ts";

/**
 * The template ids whose documents a unit version's rules read: every template a declared check
 * reads (sessions included, where a check counts them). A unit's submission takes
 * the documents of these templates (beside those whose `x-ilm.criteria` name the unit), so the
 * assessor's findings are the learner's findings.
 *
 * @param qualificationId - e.g. `ilm-8588`
 * @param unitId - e.g. `501`
 * @param version - the unit's rule-set version (the current one when omitted)
 * @param registry - where the unit and templates are found
 * @returns the template ids, empty for an unknown unit
 */
export function templatesReadBy(registry: Registry, qualificationId: string, unitId: string, version?: string): Set<string> {
  const qualification = registry.qualification(qualificationId);
  const unit = registry.unit(qualificationId, unitId, version);
  if (!qualification || !unit) return new Set();
  const rules = unitRules(registry, qualification, unit);
  const read = new Set<string>();
  for (const criterion of rules.criteria.values()) for (const id of criterion.reads) read.add(id);
  return read;
}
