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
 * @throws Error naming the criterion when a decision is given for a criterion the unit does not have
 *   (a decision meant for another unit, or another version of this one, must not go unnoticed)
 */
export function unitOutcome(unit: Unit, decisions: Record<string, CriterionDecision | undefined>): UnitOutcome {
  const referred: string[] = [];
  const undecided: string[] = [];
  const criteria = unitCriteria(unit);
  const known = new Set(criteria.flatMap((c) => [c.id, `${unit.id}:${c.id}`]));
  for (const [key, decision] of Object.entries(decisions)) {
    if (decision !== undefined && !known.has(key)) throw new Error(`Unit ${unit.id} version ${unit.version} has no criterion ${key.slice(0, 40)}: its decision cannot count`);
  }
  for (const criterion of criteria) {
    const id = `${unit.id}:${criterion.id}`;
    const decision = decisions[id] ?? decisions[criterion.id];
    if (decision === "Referral") referred.push(id);
    else if (decision !== "Pass") undecided.push(id);
  }
  const outcome = referred.length > 0 ? "Referral" : undecided.length > 0 ? "Not yet decided" : "Pass";
  return { outcome, referred, undecided };
}
