import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { learnerVisible, reachOf, type Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { submissionDocuments, submissions, type SubmissionStatus } from "../schema/assessment.ts";
import { registrations } from "../schema/learners.ts";
import { canonicalJson } from "../util/canonicalJson.ts";
import { newId, nowIso, sha256Hex } from "../util/ids.ts";
import { listAttachments, type Attachment } from "./attachments.ts";
import { getDocument, type StoredDocument } from "./documents.ts";
import { getOwnLearner } from "./learners.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { all, allPrepared, get, getPrepared, isPostgres, run } from "../access/engine.ts";

/** A submission with its document list parsed. */
export interface Submission extends Omit<typeof submissions.$inferSelect, "documents" | "centreId"> {
  documents: { id: string; version: number }[];
}

/** An evidence file as a submission's hash covers it: which file, where it is attached, and its content's hash. */
export type SubmittedFile = Pick<Attachment, "id" | "documentId" | "criteria" | "name" | "sha256">;

/**
 * The SHA-256 of exactly what is submitted: the canonical JSON of each document's id, template,
 * template version, version and data, ordered by id, and, when the unit has evidence files (the files
 * of those documents and the unit's general evidence, {@link submissionFiles}), each file's id, document,
 * criteria, name and content hash, ordered by id. Show it beside the authenticity declaration; pass it
 * back as `expectedContentHash` so a document or a file changed in between is caught. Without files the
 * hash is what it always was (submissions made before files are unchanged).
 *
 * @param docs - the documents
 * @param files - the files attached to them and to the unit
 * @returns lower-case hex
 */
export function submissionContentHash(docs: Pick<StoredDocument, "id" | "templateId" | "templateVersion" | "version" | "data">[], files: SubmittedFile[] = []): string {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const content = [...docs].sort(byId).map(({ id, templateId, templateVersion, version, data }) => ({ id, templateId, templateVersion, version, data }));
  if (files.length === 0) return sha256Hex(canonicalJson(content));
  const evidence = [...files].sort(byId).map(({ id, documentId, criteria, name, sha256 }) => ({ id, documentId, criteria, name, sha256 }));
  return sha256Hex(canonicalJson({ documents: content, files: evidence }));
}

/**
 * The evidence files a submission of a unit holds: those attached to its documents and the unit's
 * general evidence.
 *
 * @param db - the connection
 * @param scope - anyone who may see the learner
 * @param input - the learner, the unit, and the documents submitted
 * @returns the files, oldest first
 */
export async function submissionFiles(db: Db, scope: Scope, input: { learnerId: string; qualification: string; unit: string; documentIds: string[] }): Promise<Attachment[]> {
  const ids = new Set(input.documentIds);
  return (await listAttachments(db, scope, { learnerId: input.learnerId })).filter((a) =>
    a.documentId !== null ? ids.has(a.documentId) : a.qualification === input.qualification && a.unit === input.unit,
  );
}

/** What {@link submitUnit} answers. */
export type SubmitUnitResult =
  | { ok: true; id: string; contentHash: string }
  | NotFound
  | Forbidden
  | TooLong
  | { ok: false; reason: "changed"; contentHash: string }
  | { ok: false; reason: "not-registered" | "no-documents" | "no-declaration" | "open" | "passed" };

/**
 * A learner submits a unit for assessment with the authenticity declaration (typed name and date).
 * The documents' ids, versions and content hash are recorded in the same transaction as the audit entry.
 *
 * @param db - the connection
 * @param scope - the learner
 * @param input - qualification, unit, document ids, declaration, and optionally the hash the learner saw
 * @returns the submission's id and content hash, or why not
 */
export async function submitUnit(
  db: Db,
  scope: Scope,
  input: { qualification: string; unit: string; documentIds: string[]; declaration: { name: string; date: string }; expectedContentHash?: string },
): Promise<SubmitUnitResult> {
  if (scope.role !== "learner") return FORBIDDEN;
  if (input.documentIds.length === 0) return { ok: false, reason: "no-documents" };
  const long = tooLong({ declarationName: [input.declaration.name.trim(), TEXT_LIMITS.name], declarationDate: [input.declaration.date, TEXT_LIMITS.date] });
  if (long) return long;
  if (!input.declaration.name.trim() || !input.declaration.date.trim()) return { ok: false, reason: "no-declaration" };
  return writeTransaction(db, async () => {
    const learner = (await getOwnLearner(db, scope));
    if (!learner) return NOT_FOUND;
    const registered = (await get(db, db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.learnerId, learner.id), eq(registrations.qualification, input.qualification), eq(registrations.unit, input.unit)))));
    if (!registered) return { ok: false as const, reason: "not-registered" as const };
    const docs: StoredDocument[] = [];
    for (const id of new Set(input.documentIds)) {
      const doc = (await getDocument(db, scope, id));
      if (!doc || doc.learnerId !== learner.id) return NOT_FOUND;
      docs.push(doc);
    }
    // One attempt at a time: none while one is with the assessor or quality assurance, none after a Pass.
    const earlier = (await all(db, db
      .select({ status: submissions.status, result: submissions.result })
      .from(submissions)
      .where(and(eq(submissions.centreId, scope.centreId), eq(submissions.learnerId, learner.id), eq(submissions.qualification, input.qualification), eq(submissions.unit, input.unit)))));
    if (earlier.some((s) => s.result === "Pass")) return { ok: false as const, reason: "passed" as const };
    if (earlier.some((s) => s.status !== "returned" && s.result === null)) return { ok: false as const, reason: "open" as const };
    const attempt = 1 + earlier.filter((s) => s.result === "Referral").length;
    const files = (await submissionFiles(db, scope, { learnerId: learner.id, qualification: input.qualification, unit: input.unit, documentIds: docs.map((d) => d.id) }));
    const contentHash = submissionContentHash(docs, files);
    if (input.expectedContentHash !== undefined && input.expectedContentHash !== contentHash) {
      return { ok: false as const, reason: "changed" as const, contentHash };
    }
    const row = {
      id: newId(),
      centreId: scope.centreId,
      learnerId: learner.id,
      qualification: input.qualification,
      unit: input.unit,
      documents: JSON.stringify(docs.map((d) => ({ id: d.id, version: d.version }))),
      contentHash,
      declarationName: input.declaration.name.trim(),
      declarationDate: input.declaration.date,
      status: "submitted" as const,
      attempt,
      submittedAt: nowIso(),
      submittedBy: scope.userId,
    };
    (await run(db, db.insert(submissions).values(row)));
    // The attempt kept verbatim: each document's data as submitted.
    for (const doc of docs) {
      (await run(db, db.insert(submissionDocuments)
        .values({ id: newId(), centreId: scope.centreId, submissionId: row.id, documentId: doc.id, version: doc.version, templateId: doc.templateId, templateVersion: doc.templateVersion, data: JSON.stringify(doc.data) })));
    }
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "submission.create", entityType: "submission", entityId: row.id, after: { ...row, files: files.map((f) => ({ id: f.id, sha256: f.sha256 })) } }));
    return { ok: true as const, id: row.id, contentHash };
  });
}

function toSubmission(row: typeof submissions.$inferSelect): Submission {
  const { centreId: _centreId, documents, ...rest } = row;
  return { ...rest, documents: JSON.parse(documents) as Submission["documents"] };
}

/**
 * One submission, if the caller may see its learner.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the submission
 * @returns the submission, or undefined
 */
export async function getSubmission(db: Db, scope: Scope, id: string): Promise<Submission | undefined> {
  const row = (await getPrepared(db, db
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, id), eq(submissions.centreId, scope.centreId), learnerVisible(reachOf(scope.role), submissions.learnerId))).prepare(), { userId: scope.userId }));
  return row && toSubmission(row);
}

/**
 * The submissions the caller may see, newest first. An assessor's queue is
 * `await listSubmissions(db, scope, { status: ["submitted"] })`.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param filter - by status and/or learner
 * @returns the submissions
 */
export async function listSubmissions(db: Db, scope: Scope, filter: { status?: SubmissionStatus[]; learnerId?: string } = {}): Promise<Submission[]> {
  const reach = reachOf(scope.role);
  // For an assessor (or a learner) the few visible learners should drive the query, not the
  // centre-wide status index: a unary + keeps SQLite from using an index for those two terms, so the
  // queue costs the same in a centre of 100 learners and of 10,000.
  // (PostgreSQL's planner needs no such hint, and has no unary + on text.)
  const narrow = reach !== "centre" && !isPostgres(db);
  return (await allPrepared(db, db
    .select()
    .from(submissions)
    .where(
      and(
        narrow ? sql`+${submissions.centreId} = ${scope.centreId}` : eq(submissions.centreId, scope.centreId),
        filter.status ? (narrow ? sql`+${submissions.status} in ${filter.status}` : inArray(submissions.status, filter.status)) : undefined,
        filter.learnerId ? eq(submissions.learnerId, filter.learnerId) : undefined,
        learnerVisible(reach, submissions.learnerId),
      ),
    )
    .orderBy(desc(submissions.submittedAt)).prepare(), { userId: scope.userId }))
    .map(toSubmission);
}

/**
 * The assigned assessor closes the assessment: `assessed` (decisions recorded, for IQA) or
 * `returned` (back to the learner).
 *
 * @param db - the connection
 * @param scope - an assessor assigned to the learner
 * @param input - the submission and the new status
 * @returns ok, or why not
 */
export async function finishAssessment(
  db: Db,
  scope: Scope,
  input: { submissionId: string; status: "assessed" | "returned" },
): Promise<{ ok: true } | NotFound | Forbidden | { ok: false; reason: "not-submitted" }> {
  return writeTransaction(db, async () => {
    const before = (await getSubmission(db, scope, input.submissionId));
    if (!before) return NOT_FOUND;
    if (scope.role !== "assessor") return FORBIDDEN;
    if (before.status !== "submitted") return { ok: false as const, reason: "not-submitted" as const };
    (await run(db, db.update(submissions).set({ status: input.status }).where(eq(submissions.id, before.id))));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: `submission.${input.status === "assessed" ? "assess" : "return"}`,
      entityType: "submission",
      entityId: before.id,
      before: { status: before.status },
      after: { status: input.status },
    }));
    return { ok: true as const };
  });
}

/** @internal Sets a submission's status inside a caller's transaction (IQA return). */
export async function setSubmissionStatus(db: Db, id: string, status: SubmissionStatus): Promise<void> {
  (await run(db, db.update(submissions).set({ status }).where(eq(submissions.id, id))));
}
