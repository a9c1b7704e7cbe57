import type { Criterion, Qualification, Unit } from "./types.ts";

/**
 * Finds a unit of a qualification.
 *
 * @param qualification - the qualification data
 * @param unitId - the unit's id, e.g. `501`
 * @param version - the rule-set version a registration pinned; the current version when omitted
 * @returns the unit, or `undefined` when there is no such unit or version
 */
export function findUnit(qualification: Qualification, unitId: string, version?: string): Unit | undefined {
  return qualification.units.find((unit) => unit.id === unitId && (version === undefined ? unit.current : unit.version === version));
}

/**
 * Lists a unit's criteria in order, each with the number of its learning outcome.
 *
 * @param unit - the unit
 * @returns every criterion of the unit
 */
export function unitCriteria(unit: Unit): Array<Criterion & { learningOutcome: string }> {
  return unit.learningOutcomes.flatMap((lo) => lo.criteria.map((criterion) => ({ ...criterion, learningOutcome: lo.number })));
}
