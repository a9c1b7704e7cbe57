import type { Unit } from "../qualification/types.ts";
import { totalMarks } from "./totalMarks.ts";

/** A marks unit's outcome: its total out of the marks available; Pass or Referral only where the data declares a pass mark. */
export interface MarkedOutcome {
  total: number;
  outOf: number;
  /** The unit's pass mark, only when its qualification data declares one. */
  passMark?: number;
  /** Pass or Referral, only when the data declares a pass mark and every criterion is marked. */
  outcome?: "Pass" | "Referral";
  /** What the learner, the assessor and the result sheet read: "72 out of 100", or "72 out of 100 (pass mark 60): Pass". */
  words: string;
  /** Problems with the marks (missing, above a maximum, not whole); the outcome is withheld while there are any. */
  errors: string[];
}

/**
 * The outcome of a unit marked out of its total marks. A marks unit's outcome is its total ("72 out of
 * 100"): it becomes Pass or Referral only when the unit's data declares `passMark`, because no pass mark
 * may be invented (the extended diary's source gives the maxima and no pass mark).
 *
 * @param unit - a unit with `maxMarks` on its criteria and `totalMarks` (and optionally `passMark`)
 * @param marks - the mark per criterion, keyed `2.1` or `<unit>:2.1`
 * @returns the total, what it is out of, the words to show and print, and Pass/Referral only where declared
 * @throws Error when a criterion of the unit has no maximum (the unit is not a marks unit)
 */
export function markedOutcome(unit: Unit, marks: Record<string, number | null | undefined>): MarkedOutcome {
  const prefix = `${unit.id}:`;
  const byCriterion: Record<string, number | undefined> = {};
  for (const [key, mark] of Object.entries(marks)) {
    if (mark === null || mark === undefined) continue;
    byCriterion[key.startsWith(prefix) ? key.slice(prefix.length) : key] = mark;
  }
  const { total, outOf, errors } = totalMarks(unit, byCriterion);
  const passMark = unit.passMark;
  const outcome = passMark === undefined || errors.length > 0 ? undefined : total >= passMark ? ("Pass" as const) : ("Referral" as const);
  const words = `${total} out of ${outOf}${passMark === undefined ? "" : ` (pass mark ${passMark})`}${outcome ? `: ${outcome}` : ""}`;
  return { total, outOf, ...(passMark === undefined ? {} : { passMark }), ...(outcome ? { outcome } : {}), words, errors };
}
