import type { Qualification } from "../qualification/types.ts";
import type { UnitOutcome } from "./unitOutcome.ts";

/** Whether a learner has achieved a route of a qualification. */
export interface QualificationOutcome {
  route: string;
  achieved: boolean;
  /** Units of the route not yet passed. */
  outstanding: string[];
}

/**
 * A route (Certificate: 500, 501, 503; Diploma: 500, 502, 503, as the qualification data lists them)
 * is achieved when every one of its units is Pass.
 *
 * @param qualification - the qualification data, with its routes
 * @param routeId - e.g. `certificate`
 * @param outcomes - each unit's outcome (or just "Pass"/"Referral"), by unit id
 * @returns whether the route is achieved and which units are outstanding
 */
export function qualificationOutcome(qualification: Qualification, routeId: string, outcomes: Record<string, UnitOutcome | UnitOutcome["outcome"] | undefined>): QualificationOutcome {
  const route = qualification.routes?.find((r) => r.id === routeId);
  if (!route) throw new Error(`${qualification.id} has no route ${routeId}`);
  const outstanding = route.units.filter((unit) => {
    const outcome = outcomes[unit];
    return (typeof outcome === "string" ? outcome : outcome?.outcome) !== "Pass";
  });
  return { route: route.id, achieved: outstanding.length === 0, outstanding };
}
