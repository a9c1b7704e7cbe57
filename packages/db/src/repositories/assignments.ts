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
export function assignAssessor(db: Db, scope: Scope, pair: { assessorUserId: string; learnerId: string }): { ok: true; id: string } | Forbidden | NotFound {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, () => {
    const assessor = db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, pair.assessorUserId), eq(memberships.centreId, scope.centreId), eq(memberships.role, "assessor")))
      .get();
    if (!assessor || !getLearner(db, scope, pair.learnerId)) return NOT_FOUND;
    const existing = db
      .select({ id: assessorAssignments.id })
      .from(assessorAssignments)
      .where(and(eq(assessorAssignments.assessorUserId, pair.assessorUserId), eq(assessorAssignments.learnerId, pair.learnerId)))
      .get();
    if (existing) return { ok: true as const, id: existing.id };
    const row = { id: newId(), centreId: scope.centreId, ...pair, createdAt: nowIso() };
    db.insert(assessorAssignments).values(row).run();
    appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "assignment.create", entityType: "assignment", entityId: row.id, after: row });
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
export function unassignAssessor(db: Db, scope: Scope, pair: { assessorUserId: string; learnerId: string }): { ok: true } | Forbidden | NotFound {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, () => {
    const where = and(
      eq(assessorAssignments.assessorUserId, pair.assessorUserId),
      eq(assessorAssignments.learnerId, pair.learnerId),
      eq(assessorAssignments.centreId, scope.centreId),
    );
    const before = db.select().from(assessorAssignments).where(where).get();
    if (!before) return NOT_FOUND;
    db.delete(assessorAssignments).where(where).run();
    appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "assignment.delete", entityType: "assignment", entityId: before.id, before });
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
export function listAssignments(db: Db, scope: Scope): Assignment[] {
  if (scope.role === "learner") return [];
  return db
    .select()
    .from(assessorAssignments)
    .where(
      and(
        eq(assessorAssignments.centreId, scope.centreId),
        scope.role === "assessor" ? eq(assessorAssignments.assessorUserId, scope.userId) : undefined,
      ),
    )
    .all();
}
