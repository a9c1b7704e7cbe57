import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { assessorDecisions, qaRatifications, submissions } from "../schema/assessment.ts";
import { newId, nowIso } from "../util/ids.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { getSubmission, setSubmissionStatus } from "./submissions.ts";
import { all, run } from "../access/engine.ts";

/** An IQA's ratification or return. */
export type QaRatification = Omit<typeof qaRatifications.$inferSelect, "centreId">;

/**
 * The IQA ratifies an assessed submission (its decisions become `ratified`) or returns it to the
 * assessor with comments (decisions become `returned`, the submission goes back to the queue).
 *
 * @param db - the connection
 * @param scope - an IQA of the centre
 * @param input - the submission, ratify or return, comments
 * @returns the ratification's id, or why not
 */
export async function ratifySubmission(
  db: Db,
  scope: Scope,
  input: { submissionId: string; decision: "ratify" | "return"; comments: string },
): Promise<{ ok: true; id: string } | NotFound | Forbidden | TooLong | { ok: false; reason: "not-assessed" | "already-ratified" }> {
  const long = tooLong({ comments: [input.comments, TEXT_LIMITS.comments] });
  if (long) return long;
  return writeTransaction(db, async () => {
    const submission = (await getSubmission(db, scope, input.submissionId));
    if (!submission) return NOT_FOUND;
    if (scope.role !== "iqa") return FORBIDDEN;
    if (submission.status === "submitted" || submission.status === "returned") return { ok: false as const, reason: "not-assessed" as const };
    if (submission.result !== null) return { ok: false as const, reason: "already-ratified" as const };
    const row = {
      id: newId(),
      centreId: scope.centreId,
      submissionId: submission.id,
      iqaUserId: scope.userId,
      decision: input.decision,
      comments: input.comments,
      decidedAt: nowIso(),
    };
    (await run(db, db.insert(qaRatifications).values(row)));
    const state = input.decision === "ratify" ? ("ratified" as const) : ("returned" as const);
    (await run(db, db.update(assessorDecisions)
      .set({ state })
      .where(and(eq(assessorDecisions.submissionId, submission.id), eq(assessorDecisions.centreId, scope.centreId)))));
    if (input.decision === "return") (await setSubmissionStatus(db, submission.id, "submitted"));
    // Ratified: the unit's result is settled (a Referral opens the next attempt; see submitUnit).
    let result: "Pass" | "Referral" | undefined;
    if (input.decision === "ratify") {
      const decided = (await all(db, db.select({ decision: assessorDecisions.decision }).from(assessorDecisions).where(eq(assessorDecisions.submissionId, submission.id))));
      result = decided.some((d) => d.decision === "Referral") ? "Referral" : "Pass";
      (await run(db, db.update(submissions).set({ result }).where(eq(submissions.id, submission.id))));
    }
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: `qa.${input.decision}`,
      entityType: "submission",
      entityId: submission.id,
      before: { status: submission.status },
      after: { status: input.decision === "return" ? "submitted" : submission.status, decisionsState: state, ratification: row, ...(result ? { result } : {}) },
    }));
    return { ok: true as const, id: row.id };
  });
}

/**
 * The ratifications of a submission, oldest first.
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @returns the ratifications; empty when the submission is not visible
 */
export async function listRatifications(db: Db, scope: Scope, submissionId: string): Promise<QaRatification[]> {
  if (!(await getSubmission(db, scope, submissionId))) return [];
  return (await all(db, db
    .select()
    .from(qaRatifications)
    .where(and(eq(qaRatifications.submissionId, submissionId), eq(qaRatifications.centreId, scope.centreId)))
    .orderBy(qaRatifications.decidedAt)))
    .map(({ centreId: _centreId, ...rest }) => rest);
}

