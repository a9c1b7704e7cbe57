import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { submissionDocuments, submissions } from "../schema/assessment.ts";
import { getSubmission, type Submission } from "./submissions.ts";
import { all, get } from "../access/engine.ts";

/** A document as it was submitted in one attempt. */
export interface SubmittedDocument {
  documentId: string;
  version: number;
  templateId: string;
  templateVersion: string;
  data: Record<string, unknown>;
}

/**
 * The documents of a submission exactly as submitted (empty for a submission made before the copies
 * were kept: read the current documents then).
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @returns the submitted documents
 */
export async function listSubmittedDocuments(db: Db, scope: Scope, submissionId: string): Promise<SubmittedDocument[]> {
  if (!(await getSubmission(db, scope, submissionId))) return [];
  return (await all(db, db
    .select()
    .from(submissionDocuments)
    .where(and(eq(submissionDocuments.submissionId, submissionId), eq(submissionDocuments.centreId, scope.centreId)))))
    .map((row) => ({ documentId: row.documentId, version: row.version, templateId: row.templateId, templateVersion: row.templateVersion, data: JSON.parse(row.data) as Record<string, unknown> }));
}

/**
 * The attempt before this one: the latest earlier submission of the same unit that was ratified as a
 * Referral (what the learner was asked to work on).
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submission - this submission
 * @returns the previous attempt's submission, or undefined for a first attempt
 */
export async function previousAttempt(db: Db, scope: Scope, submission: Submission): Promise<Submission | undefined> {
  const row = (await get(db, db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.centreId, scope.centreId),
        eq(submissions.learnerId, submission.learnerId),
        eq(submissions.qualification, submission.qualification),
        eq(submissions.unit, submission.unit),
        eq(submissions.result, "Referral"),
        lt(submissions.submittedAt, submission.submittedAt),
      ),
    )
    .orderBy(desc(submissions.submittedAt))));
  return row ? (await getSubmission(db, scope, row.id)) : undefined;
}
