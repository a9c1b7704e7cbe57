import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { eqaReviews, type EqaReviewKind } from "../schema/eqa.ts";
import { users } from "../schema/people.ts";
import { newId, nowIso } from "../util/ids.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { getSubmission } from "./submissions.ts";
import { all, run } from "../access/engine.ts";

/** An EQA's comment on, or external verification of, a ratified unit, with the EQA's name. */
export interface EqaReview {
  id: string;
  submissionId: string;
  kind: EqaReviewKind;
  comment: string;
  eqaUserId: string;
  eqaName: string;
  createdAt: string;
}

/** Why an EQA review was refused beyond scope and role. */
export type EqaRefusal = { ok: false; reason: "not-ratified" | "already-verified" | "empty" };

/**
 * An external quality assurer of the centre comments on a unit the IQA has ratified (`comment`, text
 * required), or verifies it externally (`verified`, once per submission, comment optional). Nothing
 * about the assessor's decisions, the ratification or the documents changes: the EQA only adds.
 *
 * @param db - the connection
 * @param scope - an EQA of the submission's centre
 * @param input - the submission, what is recorded, and the comment
 * @returns the review's id, or why not
 */
export async function addEqaReview(
  db: Db,
  scope: Scope,
  input: { submissionId: string; kind: EqaReviewKind; comment: string },
): Promise<{ ok: true; id: string } | NotFound | Forbidden | TooLong | EqaRefusal> {
  const comment = input.comment.trim();
  const long = tooLong({ comment: [comment, TEXT_LIMITS.comments] });
  if (long) return long;
  return writeTransaction(db, async () => {
    const submission = await getSubmission(db, scope, input.submissionId);
    if (!submission) return NOT_FOUND;
    if (scope.role !== "eqa") return FORBIDDEN;
    if (input.kind !== "comment" && input.kind !== "verified") return FORBIDDEN;
    if (submission.result === null) return { ok: false as const, reason: "not-ratified" as const };
    if (input.kind === "comment" && !comment) return { ok: false as const, reason: "empty" as const };
    if (input.kind === "verified") {
      const earlier = await all(db, db.select({ id: eqaReviews.id }).from(eqaReviews).where(and(eq(eqaReviews.submissionId, submission.id), eq(eqaReviews.kind, "verified"))));
      if (earlier.length) return { ok: false as const, reason: "already-verified" as const };
    }
    const row = { id: newId(), centreId: scope.centreId, submissionId: submission.id, kind: input.kind, comment, eqaUserId: scope.userId, createdAt: nowIso() };
    await run(db, db.insert(eqaReviews).values(row));
    await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: input.kind === "verified" ? "eqa.verify" : "eqa.comment",
      entityType: "submission",
      entityId: submission.id,
      after: { id: row.id, kind: row.kind, comment: row.comment },
    });
    return { ok: true as const, id: row.id };
  });
}

/**
 * The EQA comments and verification of a submission, oldest first.
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @returns the reviews; empty when the submission is not visible
 */
export async function listEqaReviews(db: Db, scope: Scope, submissionId: string): Promise<EqaReview[]> {
  if (!(await getSubmission(db, scope, submissionId))) return [];
  const rows = await all(db, db
    .select({ row: eqaReviews, name: users.name })
    .from(eqaReviews)
    .innerJoin(users, eq(users.id, eqaReviews.eqaUserId))
    .where(and(eq(eqaReviews.submissionId, submissionId), eq(eqaReviews.centreId, scope.centreId)))
    .orderBy(eqaReviews.createdAt));
  return rows.map(({ row, name }) => ({ id: row.id, submissionId: row.submissionId, kind: row.kind, comment: row.comment, eqaUserId: row.eqaUserId, eqaName: name, createdAt: row.createdAt }));
}
