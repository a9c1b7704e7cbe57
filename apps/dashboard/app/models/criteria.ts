import { registry } from "@ilm-forms/core";

/**
 * The wording of a criterion named `unit:ac`, from the qualification data.
 *
 * @param qualification - e.g. `ilm-8588`
 * @param ref - e.g. `501:2.1`
 * @param version - the unit's rule-set version
 * @returns the criterion's text, or an empty string
 */
export function criterionText(qualification: string, ref: string, version?: string): string {
  const [unitId, criterionId] = ref.split(":");
  const unit = registry.unit(qualification, unitId ?? "", version);
  for (const lo of unit?.learningOutcomes ?? []) {
    const criterion = lo.criteria.find((c) => c.id === criterionId);
    if (criterion) return criterion.text;
  }
  return "";
}
