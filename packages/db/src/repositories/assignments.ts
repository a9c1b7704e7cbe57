import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { assessorAssignments } from "../schema/learners.ts";
import { memberships } from "../schema/people.ts";
import { newId, nowIso } from "../util/ids.ts";
import { getLearner } from "./learners.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { all, get, run } from "../access/engine.ts";

/** An assessor's assignment to a learner. */
export type Assignment = typeof assessorAssignments.$inferSelect;

/**
 * Assigns an assessor of the centre to a learner of the centre (centre admins only). Assigning
 * twice is harmless: the existing assignment is returned.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param pair - the assessor's user id and the learner's id
 * @returns the assignment's id, or why not
 */
export async function assignAssessor(db: Db, scope: Scope, pair: { assessorUserId: string; learnerId: string }): Promise<{ ok: true; id: string } | Forbidden | NotFound> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, async () => {
    const assessor = (await get(db, db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, pair.assessorUserId), eq(memberships.centreId, scope.centreId), eq(memberships.role, "assessor")))));
    if (!assessor || !(await getLearner(db, scope, pair.learnerId))) return NOT_FOUND;
    const existing = (await get(db, db
      .select({ id: assessorAssignments.id })
      .from(assessorAssignments)
      .where(and(eq(assessorAssignments.assessorUserId, pair.assessorUserId), eq(assessorAssignments.learnerId, pair.learnerId)))));
    if (existing) return { ok: true as const, id: existing.id };
    const row = { id: newId(), centreId: scope.centreId, ...pair, createdAt: nowIso() };
    (await run(db, db.insert(assessorAssignments).values(row)));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "assignment.create", entityType: "assignment", entityId: row.id, after: row }));
    return { ok: true as const, id: row.id };
  });
}

/**
 * Ends an assessor's assignment to a learner (centre admins only).
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param pair - the assessor's user id and the learner's id
 * @returns ok, or not-found when there was no such assignment in the centre
 */
export async function unassignAssessor(db: Db, scope: Scope, pair: { assessorUserId: string; learnerId: string }): Promise<{ ok: true } | Forbidden | NotFound> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, async () => {
    const where = and(
      eq(assessorAssignments.assessorUserId, pair.assessorUserId),
      eq(assessorAssignments.learnerId, pair.learnerId),
      eq(assessorAssignments.centreId, scope.centreId),
    );
    const before = (await get(db, db.select().from(assessorAssignments).where(where)));
    if (!before) return NOT_FOUND;
    (await run(db, db.delete(assessorAssignments).where(where)));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "assignment.delete", entityType: "assignment", entityId: before.id, before }));
    return { ok: true as const };
  });
}

/**
 * The centre's assignments (centre admins and IQAs see all; an assessor sees their own).
 *
 * @param db - the connection
 * @param scope - the caller
 * @returns the assignments; empty for learners
 */
export async function listAssignments(db: Db, scope: Scope): Promise<Assignment[]> {
  if (scope.role === "learner") return [];
  return (await all(db, db
    .select()
    .from(assessorAssignments)
    .where(
      and(
        eq(assessorAssignments.centreId, scope.centreId),
        scope.role === "assessor" ? eq(assessorAssignments.assessorUserId, scope.userId) : undefined,
      ),
    )));
}
