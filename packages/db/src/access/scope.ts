import { sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Role } from "../schema/people.ts";

/** Who is asking: every repository function takes it first and answers only within it. */
export interface Scope {
  userId: string;
  centreId: string;
  role: Role;
}

/** How far a role sees the learners of its centre. */
export type Reach = "centre" | "assigned" | "own";

/**
 * Centre admins, IQAs and EQAs see every learner of their centre, assessors the learners assigned to
 * them, learners themselves.
 *
 * @param role - the caller's role
 * @returns the reach of that role
 */
export function reachOf(role: Role): Reach {
  if (role === "assessor") return "assigned";
  if (role === "learner") return "own";
  return "centre";
}

/**
 * The SQL condition "the learner in this column is visible to the caller", with the caller's id
 * as the `userId` placeholder so the statement can be prepared once per reach.
 *
 * @param reach - from {@link reachOf}
 * @param learnerId - the column holding a learner id
 * @returns a condition to AND with the centre condition
 */
export function learnerVisible(reach: Reach, learnerId: AnySQLiteColumn): SQL {
  // Written as IN (sub-select) rather than a correlated EXISTS so that SQLite can drive the query
  // from the caller's few learners (index on assessor_assignments(assessor_user_id, learner_id)) and
  // not scan the whole centre: an assessor's queue stays the same speed however large the centre grows.
  if (reach === "assigned") {
    return sql`${learnerId} in (select aa.learner_id from assessor_assignments aa where aa.assessor_user_id = ${sql.placeholder("userId")})`;
  }
  if (reach === "own") {
    return sql`${learnerId} in (select ol.id from learners ol where ol.user_id = ${sql.placeholder("userId")})`;
  }
  return sql`1 = 1`;
}
