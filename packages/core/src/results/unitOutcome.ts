import { unitCriteria } from "../qualification/findUnit.ts";
import type { Unit } from "../qualification/types.ts";

/** An assessor's decision on one criterion, as the result sheet records it. */
export type CriterionDecision = "Pass" | "Referral";

/** A unit's outcome, and why. */
export interface UnitOutcome {
  outcome: "Pass" | "Referral" | "Not yet decided";
  /** Criteria decided Referral, as `unit:criterion`. */
  referred: string[];
  /** Criteria with no decision yet. */
  undecided: string[];
}

/**
 * A unit is Pass only when every one of its criteria is Pass; any Referral refers the unit; a
 * criterion without a decision leaves the unit undecided.
 *
 * @param unit - the unit (its criteria come from the qualification data)
 * @param decisions - the assessor's decision per criterion, keyed `2.1` or `501:2.1`
 * @returns the outcome, the referred criteria and the undecided ones
 */
export function unitOutcome(unit: Unit, decisions: Record<string, CriterionDecision | undefined>): UnitOutcome {
  const referred: string[] = [];
  const undecided: string[] = [];
  for (const criterion of unitCriteria(unit)) {
    const id = `${unit.id}:${criterion.id}`;
    const decision = decisions[id] ?? decisions[criterion.id];
    if (decision === "Referral") referred.push(id);
    else if (decision !== "Pass") undecided.push(id);
  }
  const outcome = referred.length > 0 ? "Referral" : undecided.length > 0 ? "Not yet decided" : "Pass";
  return { outcome, referred, undecided };
}
