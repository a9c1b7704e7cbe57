import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { assessmentComments } from "../schema/assessment.ts";
import { newId, nowIso } from "../util/ids.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { getSubmission } from "./submissions.ts";
import { all, get, run } from "../access/engine.ts";

/** A comment beside the per-criterion feedback, as the result sheet prints it. */
export interface AssessmentComment {
  /** `lo:<number>` (the assessor's on a learning outcome) or `qa:lo:<number>` (quality assurance's). */
  target: string;
  comment: string;
  authorUserId: string;
  updatedAt: string;
}

const TARGET = /^(qa:)?lo:\d{1,2}$/;

/**
 * Saves comments on a submission, each under its target: the assigned assessor writes `lo:N` while the
 * unit is with them; an IQA writes `qa:lo:N` while it is with quality assurance. An empty comment
 * removes nothing and stores nothing. Every comment and its audit entry commit together.
 *
 * @param db - the connection
 * @param scope - the assessor or IQA
 * @param input - the submission and comments by target
 * @returns ok, or why not
 */
export async function saveAssessmentComments(
  db: Db,
  scope: Scope,
  input: { submissionId: string; comments: Record<string, string> },
): Promise<{ ok: true } | NotFound | Forbidden | TooLong | { ok: false; reason: "bad-target" | "not-open" }> {
  for (const [target, comment] of Object.entries(input.comments)) {
    if (!TARGET.test(target)) return { ok: false, reason: "bad-target" };
    const long = tooLong({ [target]: [comment, TEXT_LIMITS.comments] });
    if (long) return long;
  }
  return writeTransaction(db, async () => {
    const submission = (await getSubmission(db, scope, input.submissionId));
    if (!submission) return NOT_FOUND;
    const qa = scope.role === "iqa";
    if (scope.role !== "assessor" && !qa) return FORBIDDEN;
    if (Object.keys(input.comments).some((t) => t.startsWith("qa:") !== qa)) return FORBIDDEN;
    if (qa ? submission.status !== "assessed" || submission.result !== null : submission.status !== "submitted") return { ok: false as const, reason: "not-open" as const };
    for (const [target, comment] of Object.entries(input.comments)) {
      const where = and(eq(assessmentComments.submissionId, submission.id), eq(assessmentComments.target, target));
      const before = (await get(db, db.select().from(assessmentComments).where(where)));
      if ((before?.comment ?? "") === comment) continue;
      const values = { comment, authorUserId: scope.userId, updatedAt: nowIso() };
      if (before) (await run(db, db.update(assessmentComments).set(values).where(where)));
      else (await run(db, db.insert(assessmentComments).values({ id: newId(), centreId: scope.centreId, submissionId: submission.id, target, ...values })));
      (await appendAudit(db, {
        centreId: scope.centreId,
        actorUserId: scope.userId,
        action: "comment.save",
        entityType: "submission",
        entityId: submission.id,
        ...(before ? { before: { target, comment: before.comment } } : {}),
        after: { target, comment },
      }));
    }
    return { ok: true as const };
  });
}

/**
 * The comments on a submission the caller may see.
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @returns the comments by target; empty when the submission is not visible
 */
export async function listAssessmentComments(db: Db, scope: Scope, submissionId: string): Promise<AssessmentComment[]> {
  if (!(await getSubmission(db, scope, submissionId))) return [];
  return (await all(db, db
    .select({ target: assessmentComments.target, comment: assessmentComments.comment, authorUserId: assessmentComments.authorUserId, updatedAt: assessmentComments.updatedAt })
    .from(assessmentComments)
    .where(and(eq(assessmentComments.submissionId, submissionId), eq(assessmentComments.centreId, scope.centreId)))
    .orderBy(assessmentComments.target)));
}
