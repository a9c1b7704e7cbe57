import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { assessorDecisions } from "../schema/assessment.ts";
import { newId, nowIso } from "../util/ids.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { saveAssessmentComments } from "./assessmentComments.ts";
import { finishAssessment, getSubmission } from "./submissions.ts";
import { all, get, run } from "../access/engine.ts";

/** An assessor's decision on one criterion. */
export type AssessorDecision = Omit<typeof assessorDecisions.$inferSelect, "centreId">;

/** A decision to record: Pass/Referral, or marks for a marked scheme. */
export interface DecisionInput {
  submissionId: string;
  /** e.g. `501:2.2` */
  criterion: string;
  decision?: "Pass" | "Referral";
  marks?: number;
  feedback: string;
}

/**
 * The assigned assessor records (or changes) the provisional decision on one criterion of a
 * submission that is awaiting assessment. The decision and its audit entry commit together.
 *
 * @param db - the connection
 * @param scope - an assessor assigned to the submission's learner
 * @param input - submission, criterion, Pass/Referral or marks, feedback
 * @returns the decision's id, or why not
 */
export async function recordDecision(
  db: Db,
  scope: Scope,
  input: DecisionInput,
): Promise<{ ok: true; id: string } | NotFound | Forbidden | TooLong | { ok: false; reason: "not-submitted" | "no-outcome" }> {
  if (input.decision === undefined && input.marks === undefined) return { ok: false, reason: "no-outcome" };
  const long = tooLong({ criterion: [input.criterion, 40], feedback: [input.feedback, TEXT_LIMITS.comments] });
  if (long) return long;
  return writeTransaction(db, async () => {
    const submission = (await getSubmission(db, scope, input.submissionId));
    if (!submission) return NOT_FOUND;
    if (scope.role !== "assessor") return FORBIDDEN;
    if (submission.status !== "submitted") return { ok: false as const, reason: "not-submitted" as const };
    const where = and(eq(assessorDecisions.submissionId, submission.id), eq(assessorDecisions.criterion, input.criterion));
    const before = (await get(db, db.select().from(assessorDecisions).where(where)));
    const values = {
      decision: input.decision ?? null,
      marks: input.marks ?? null,
      feedback: input.feedback,
      assessorUserId: scope.userId,
      state: "provisional" as const,
      decidedAt: nowIso(),
    };
    const id = before?.id ?? newId();
    if (before) (await run(db, db.update(assessorDecisions).set(values).where(where)));
    else (await run(db, db.insert(assessorDecisions).values({ id, centreId: scope.centreId, submissionId: submission.id, criterion: input.criterion, ...values })));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "decision.record",
      entityType: "assessor_decision",
      entityId: id,
      ...(before ? { before } : {}),
      after: { ...before, id, submissionId: submission.id, criterion: input.criterion, ...values },
    }));
    return { ok: true as const, id };
  });
}

/**
 * The decisions on a submission, by criterion.
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @returns the decisions; empty when the submission is not visible
 */
export async function listDecisions(db: Db, scope: Scope, submissionId: string): Promise<AssessorDecision[]> {
  if (!(await getSubmission(db, scope, submissionId))) return [];
  return (await all(db, db
    .select()
    .from(assessorDecisions)
    .where(and(eq(assessorDecisions.submissionId, submissionId), eq(assessorDecisions.centreId, scope.centreId)))
    .orderBy(assessorDecisions.criterion)))
    .map(({ centreId: _centreId, ...rest }) => rest);
}


/** What {@link recordAssessment} answers. */
export type RecordAssessmentResult =
  | { ok: true; finished: boolean }
  | NotFound
  | Forbidden
  | TooLong
  | { ok: false; reason: "not-submitted" | "no-outcome" | "bad-target" | "not-open" }
  | { ok: false; reason: "undecided"; criteria: string[] };

/**
 * The assessor's marking of a submission in one transaction: the decisions on the criteria marked, the
 * learning-outcome comments and, when `finish`, the end of the assessment (the decision goes to quality
 * assurance as provisional). Finishing needs a decision on every one of `criteria` (stored before or sent
 * now): otherwise nothing at all is stored and the undecided criteria come back. Without `finish` the
 * marks are a draft the learner does not see.
 *
 * @param db - the connection
 * @param scope - the assessor assigned to the learner
 * @param input - submission, decisions, comments by target (`lo:N`), every criterion of the unit, finish
 * @returns whether it finished, or why nothing was stored
 */
export async function recordAssessment(
  db: Db,
  scope: Scope,
  input: { submissionId: string; decisions: Omit<DecisionInput, "submissionId">[]; comments: Record<string, string>; criteria: string[]; finish: boolean },
): Promise<RecordAssessmentResult> {
  try {
    return await writeTransaction(db, async (): Promise<RecordAssessmentResult> => {
      const submission = (await getSubmission(db, scope, input.submissionId));
      if (!submission) return NOT_FOUND;
      if (scope.role !== "assessor") return FORBIDDEN;
      if (submission.status !== "submitted") return { ok: false, reason: "not-submitted" };
      if (input.finish) {
        const stored = new Set((await listDecisions(db, scope, submission.id)).map((d) => d.criterion));
        const sent = new Set(input.decisions.map((d) => d.criterion));
        const undecided = input.criteria.filter((c) => !stored.has(c) && !sent.has(c));
        if (undecided.length) return { ok: false, reason: "undecided", criteria: undecided };
      }
      // A refusal part-way throws, so that the transaction rolls back what this call already wrote.
      const refuse = (result: RecordAssessmentResult): never => {
        throw new RefusedAssessment(result);
      };
      for (const decision of input.decisions) {
        const result = (await recordDecision(db, scope, { ...decision, submissionId: submission.id }));
        if (!result.ok) refuse(result);
      }
      if (Object.keys(input.comments).length) {
        const saved = (await saveAssessmentComments(db, scope, { submissionId: submission.id, comments: input.comments }));
        if (!saved.ok) refuse(saved);
      }
      if (input.finish) {
        const finished = (await finishAssessment(db, scope, { submissionId: submission.id, status: "assessed" }));
        if (!finished.ok) refuse(finished.reason === "not-submitted" ? { ok: false, reason: "not-submitted" } : finished);
      }
      return { ok: true, finished: input.finish };
    });
  } catch (error) {
    if (error instanceof RefusedAssessment) return error.result;
    throw error;
  }
}

/** Carries a refusal out of the transaction so that it rolls back. */
class RefusedAssessment extends Error {
  constructor(readonly result: RecordAssessmentResult) {
    super("assessment refused");
  }
}
