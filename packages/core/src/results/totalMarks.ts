import { unitCriteria } from "../qualification/findUnit.ts";
import type { Unit } from "../qualification/types.ts";

/** A marks scheme's total, or what is wrong with the marks given. */
export interface MarksTotal {
  total: number;
  outOf: number;
  /** Plain-English problems: a mark above its criterion's maximum, a missing or non-whole mark. */
  errors: string[];
}

/**
 * Adds up the marks of a marks-based unit (the extended diary): each criterion's mark must be a whole
 * number from 0 to its maximum, and the total is out of the unit's total marks.
 *
 * @param unit - a unit with `maxMarks` on its criteria and `totalMarks`
 * @param marks - the mark per criterion, keyed `2.1`
 * @returns the total, what it is out of, and any errors (the total counts only valid marks)
 */
export function totalMarks(unit: Unit, marks: Record<string, number | undefined>): MarksTotal {
  const criteria = unitCriteria(unit);
  const errors: string[] = [];
  let total = 0;
  for (const criterion of criteria) {
    const max = criterion.maxMarks;
    if (max === undefined) throw new Error(`Unit ${unit.id} criterion ${criterion.id} has no maximum mark`);
    const mark = marks[criterion.id];
    if (mark === undefined) errors.push(`Criterion ${criterion.id} has no mark yet (out of ${max}).`);
    else if (!Number.isInteger(mark) || mark < 0) errors.push(`Criterion ${criterion.id}: ${mark} is not a whole number of marks from 0 to ${max}.`);
    else if (mark > max) errors.push(`Criterion ${criterion.id}: ${mark} is more than its maximum of ${max}.`);
    else total += mark;
  }
  const known = new Set(criteria.map((c) => c.id));
  for (const id of Object.keys(marks)) if (!known.has(id)) errors.push(`Unit ${unit.id} has no criterion ${id}.`);
  const outOf = unit.totalMarks ?? criteria.reduce((sum, c) => sum + (c.maxMarks ?? 0), 0);
  return { total, outOf, errors };
}
