import { type SQL, and, eq, inArray, sql } from "drizzle-orm";
import { mayWrite, registry, validate, withWordCounts, type FieldError } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import { learnerVisible, reachOf, type Scope } from "../access/scope.ts";
import { prepared } from "../access/statementCache.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { submissions } from "../schema/assessment.ts";
import { documents, type DocumentStatus } from "../schema/documents.ts";
import { newId, nowIso } from "../util/ids.ts";
import { getLearner } from "./learners.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { allPrepared, getPrepared, isPostgres, run, runPrepared } from "../access/engine.ts";

/** A stored document with its JSON parsed. */
export interface StoredDocument {
  id: string;
  learnerId: string;
  templateId: string;
  templateVersion: string;
  data: Record<string, unknown>;
  status: DocumentStatus;
  /** The optimistic-locking version: pass it back as `expectedVersion` when saving. */
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** The document was refused by its template's validation: nothing was stored. */
export type Invalid = { ok: false; reason: "invalid"; errors: FieldError[] };

/** The open submission that holds a document: while it is with the assessor or the IQA, the document is locked. */
export interface HoldingSubmission {
  id: string;
  qualification: string;
  unit: string;
  /** ISO timestamp of the submission. */
  submittedAt: string;
}

/** The document is part of a unit submitted for assessment and not returned: nothing was stored. */
export type Locked = { ok: false; reason: "locked"; submission: HoldingSubmission };

/**
 * The document was handed in as final (status `submitted`) and no returned submission has reopened
 * it: nothing was stored. The pages show such a document read-only; this keeps every other route to
 * the same rule.
 */
export type Final = { ok: false; reason: "final" };

/** What {@link saveDocument} answers. */
export type SaveDocumentResult = { ok: true; version: number } | { ok: false; reason: "changed"; currentVersion: number } | Invalid | Locked | Final | NotFound | Forbidden;

/**
 * Who may write documents of a template: the roles its `x-ilm.writers` declares (never anyone for a
 * generated result sheet or evidence matrix). An unknown template is left to validation, which names it.
 */
function mayWriteTemplate(scope: Scope, templateId: string, templateVersion?: string): boolean {
  const template = registry.get(templateId, templateVersion);
  return template === undefined ? scope.role === "learner" || scope.role === "centre_admin" : mayWrite(template, scope.role);
}

function toDocument(row: typeof documents.$inferSelect): StoredDocument {
  const { centreId: _centreId, data, ...rest } = row;
  return { ...rest, data: JSON.parse(data) as Record<string, unknown> };
}

function checkDocument(templateId: string, templateVersion: string | undefined, data: unknown, status: DocumentStatus): Invalid | undefined {
  const result = validate(templateId, data, { ...(templateVersion ? { version: templateVersion } : {}), draft: status === "draft" });
  return result.valid ? undefined : { ok: false, reason: "invalid", errors: result.errors };
}

/** "The submission's document list names the document `documentId`" (a placeholder), in the engine's JSON functions. */
function listsDocument(db: Db): SQL {
  return isPostgres(db)
    ? sql`exists (select 1 from jsonb_array_elements(${submissions.documents}::jsonb) as listed where listed->>'id' = ${sql.placeholder("documentId")})`
    : sql`exists (select 1 from json_each(${submissions.documents}) where json_extract(json_each.value, '$.id') = ${sql.placeholder("documentId")})`;
}

/**
 * One document, if the caller may see its learner. The hot read: one prepared statement per reach.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the document
 * @returns the document, or undefined (also when it belongs to another centre or an unassigned learner)
 */
export async function getDocument(db: Db, scope: Scope, id: string): Promise<StoredDocument | undefined> {
  const reach = reachOf(scope.role);
  const statement = prepared(db, `documents.get:${reach}`, () =>
    db
      .select()
      .from(documents)
      .where(and(eq(documents.id, sql.placeholder("id")), eq(documents.centreId, sql.placeholder("centreId")), learnerVisible(reach, documents.learnerId))),
  );
  const row = (await getPrepared(db, statement, { id, centreId: scope.centreId, userId: scope.userId }));
  return row && toDocument(row);
}

/**
 * A short fingerprint of a learner's documents (how many, and the sum and latest of their versions
 * and saves, and how many signatures the signers made on them): it changes whenever a document is created or saved, so a caller can cache what it
 * derives from the documents (core's portfolio checks) and reuse it until the fingerprint changes.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @returns the fingerprint; undefined when the learner is not visible to the caller
 */
export async function documentsFingerprint(db: Db, scope: Scope, learnerId: string): Promise<string | undefined> {
  const reach = reachOf(scope.role);
  const statement = prepared(db, `documents.fingerprint.${reach}`, () =>
    db
      .select({
        count: sql<number>`count(*)`.mapWith(Number),
        versions: sql<number>`coalesce(sum(${documents.version}), 0)`.mapWith(Number),
        latest: sql<string>`coalesce(max(${documents.updatedAt}), '')`,
        // A signer signing through a link changes what the rules find without saving the document.
        signed: sql<number>`(select count(*) from signer_signatures where learner_id = ${sql.placeholder("learnerId")} and centre_id = ${sql.placeholder("centreId")})`.mapWith(Number),
      })
      .from(documents)
      .where(and(eq(documents.learnerId, sql.placeholder("learnerId")), eq(documents.centreId, sql.placeholder("centreId")), learnerVisible(reach, documents.learnerId))),
  );
  if (!(await getLearner(db, scope, learnerId))) return undefined;
  const row = (await getPrepared(db, statement, { learnerId, centreId: scope.centreId, userId: scope.userId }));
  return row ? `${row.count}:${row.versions}:${row.latest}:${row.signed}` : undefined;
}

/**
 * A learner's documents, optionally of one template, oldest first.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @param templateId - only this template, when given
 * @returns the documents; empty when the learner is not visible to the caller
 */
export async function listDocuments(db: Db, scope: Scope, learnerId: string, templateId?: string): Promise<StoredDocument[]> {
  const reach = reachOf(scope.role);
  const rows = (await allPrepared(db, db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.learnerId, learnerId),
        eq(documents.centreId, scope.centreId),
        templateId ? eq(documents.templateId, templateId) : undefined,
        learnerVisible(reach, documents.learnerId),
      ),
    )
    .orderBy(documents.createdAt, documents.id).prepare(), { userId: scope.userId }));
  return rows.map(toDocument);
}

/**
 * Creates a document for a learner after validating it against its template (a draft may leave
 * required fields empty). An invalid document is not stored; the field errors come back.
 *
 * @param db - the connection
 * @param scope - a role the template declares as a writer (`x-ilm.writers`), who can see the learner
 * @param input - learner, template id (and version: the current one when omitted), data, status (default draft)
 * @returns the new id and version 1, or why not
 */
export async function createDocument(
  db: Db,
  scope: Scope,
  input: { learnerId: string; templateId: string; templateVersion?: string; data: Record<string, unknown>; status?: DocumentStatus; id?: string },
): Promise<{ ok: true; id: string; version: number } | Invalid | NotFound | Forbidden> {
  if (!(await getLearner(db, scope, input.learnerId))) return NOT_FOUND;
  if (!mayWriteTemplate(scope, input.templateId, input.templateVersion)) return FORBIDDEN;
  const status = input.status ?? "draft";
  // What a template counts (a report's words) is counted here, whatever was typed or sent, for every route.
  const template = registry.get(input.templateId, input.templateVersion);
  if (template) input = { ...input, data: withWordCounts(template, input.data) };
  const invalid = checkDocument(input.templateId, input.templateVersion, input.data, status);
  if (invalid) return invalid;
  const templateVersion = input.templateVersion ?? registry.get(input.templateId)!.version;
  const now = nowIso();
  const row = {
    id: input.id ?? newId(),
    centreId: scope.centreId,
    learnerId: input.learnerId,
    templateId: input.templateId,
    templateVersion,
    data: JSON.stringify(input.data),
    status,
    version: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: scope.userId,
  };
  return writeTransaction(db, async () => {
    (await run(db, db.insert(documents).values(row)));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "document.create",
      entityType: "document",
      entityId: row.id,
      after: { templateId: row.templateId, templateVersion, status, version: 1, data: input.data },
    }));
    return { ok: true as const, id: row.id, version: 1 };
  });
}

/**
 * The submission, still open (`submitted` to the assessor or `assessed` for the IQA and the result),
 * that holds a document; `undefined` when the document is in none or its unit was returned to the
 * learner. What an assessor marks is what the learner submitted, so such a document cannot be saved.
 *
 * @param db - the connection
 * @param scope - the caller (only its centre is read)
 * @param learnerId - the document's learner
 * @param documentId - the document
 * @returns the earliest open submission that lists the document, or undefined
 */
export async function openSubmissionHolding(db: Db, scope: Scope, learnerId: string, documentId: string): Promise<HoldingSubmission | undefined> {
  const statement = prepared(db, "submissions.holding", () =>
    db
      .select({ id: submissions.id, qualification: submissions.qualification, unit: submissions.unit, submittedAt: submissions.submittedAt })
      .from(submissions)
      .where(
        and(
          eq(submissions.centreId, sql.placeholder("centreId")),
          eq(submissions.learnerId, sql.placeholder("learnerId")),
          inArray(submissions.status, ["submitted", "assessed"]),
          // A unit ratified as a Referral no longer holds its documents: the next attempt may change them.
          sql`coalesce(${submissions.result}, '') <> 'Referral'`,
          listsDocument(db),
        ),
      )
      // No ORDER BY or LIMIT: they cost drizzle and SQLite more than finding the earliest of the (nearly
      // always none or one) rows here.
      ,
  );
  let earliest: HoldingSubmission | undefined;
  for (const row of (await allPrepared(db, statement, { centreId: scope.centreId, learnerId, documentId }))) if (!earliest || row.submittedAt < earliest.submittedAt) earliest = row;
  return earliest;
}

/**
 * Whether the latest submission that listed a document was returned to the learner or ratified as a
 * Referral (either reopens what it held, so the learner can act on the feedback in the next attempt).
 *
 * @param db - the connection
 * @param scope - the caller (only its centre is read)
 * @param learnerId - the document's learner
 * @param documentId - the document
 * @returns true when such a submission exists and its status is `returned`
 */
export async function reopenedByReturn(db: Db, scope: Scope, learnerId: string, documentId: string): Promise<boolean> {
  const statement = prepared(db, "submissions.latestListing", () =>
    db
      .select({ status: submissions.status, result: submissions.result, submittedAt: submissions.submittedAt })
      .from(submissions)
      .where(
        and(
          eq(submissions.centreId, sql.placeholder("centreId")),
          eq(submissions.learnerId, sql.placeholder("learnerId")),
          listsDocument(db),
        ),
      ),
  );
  let latest: { status: string; result: string | null; submittedAt: string } | undefined;
  for (const row of (await allPrepared(db, statement, { centreId: scope.centreId, learnerId, documentId }))) if (!latest || row.submittedAt > latest.submittedAt) latest = row;
  return latest?.status === "returned" || latest?.result === "Referral";
}

/**
 * Saves a new state of a document, with optimistic locking: the save applies only when the
 * stored version is still `expectedVersion`; otherwise the caller is told it changed and nothing
 * is overwritten. The data is validated against the document's template first (as a draft unless
 * `status` is `submitted`); an invalid document stores nothing and returns the field errors. A
 * document in a unit submitted for assessment and not returned is `locked` (see
 * {@link openSubmissionHolding}); a document handed in as final (status `submitted`) is `final` until a
 * returned submission reopens it. Only the roles the template declares as writers may save it.
 *
 * @param db - the connection
 * @param scope - the learner themself or a centre admin
 * @param input - `id`, `expectedVersion` (the version the editor loaded), `data`, optional new `status`
 * @returns the new version, or why not
 */
export async function saveDocument(
  db: Db,
  scope: Scope,
  input: { id: string; expectedVersion: number; data: Record<string, unknown>; status?: DocumentStatus },
): Promise<SaveDocumentResult> {
  const update = prepared(db, "documents.save", () =>
    db
      .update(documents)
      .set({
        data: sql`${sql.placeholder("data")}`,
        status: sql`${sql.placeholder("status")}`,
        version: sql`${documents.version} + 1`,
        updatedAt: sql`${sql.placeholder("updatedAt")}`,
        updatedBy: sql`${sql.placeholder("updatedBy")}`,
      })
      .where(and(eq(documents.id, sql.placeholder("id")), eq(documents.centreId, sql.placeholder("centreId")), eq(documents.version, sql.placeholder("expectedVersion")))),
  );
  // One read, inside the write lock: the version check and the audit's "before" see the same row.
  // Validation runs under the lock too; it costs about a microsecond for a typical document.
  return writeTransaction(db, async (): Promise<SaveDocumentResult> => {
    const before = (await getDocument(db, scope, input.id));
    if (!before) return NOT_FOUND;
    if (!mayWriteTemplate(scope, before.templateId, before.templateVersion)) return FORBIDDEN;
    const holding = (await openSubmissionHolding(db, scope, before.learnerId, before.id));
    if (holding) return { ok: false, reason: "locked", submission: holding };
    if (before.status === "submitted" && !(await reopenedByReturn(db, scope, before.learnerId, before.id))) return { ok: false, reason: "final" };
    const status = input.status ?? before.status;
    const template = registry.get(before.templateId, before.templateVersion);
    if (template) input = { ...input, data: withWordCounts(template, input.data) };
    const invalid = checkDocument(before.templateId, before.templateVersion, input.data, status);
    if (invalid) return invalid;
    if (before.version !== input.expectedVersion) return { ok: false, reason: "changed", currentVersion: before.version };
    const changes = (await runPrepared(db, update, {
      id: input.id,
      centreId: scope.centreId,
      expectedVersion: input.expectedVersion,
      data: JSON.stringify(input.data),
      status,
      updatedAt: nowIso(),
      updatedBy: scope.userId,
    }));
    if (changes !== 1) throw new Error(`document ${input.id}: version check passed but ${changes} rows changed`);
    const version = input.expectedVersion + 1;
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "document.save",
      entityType: "document",
      entityId: input.id,
      before: { status: before.status, version: before.version, data: before.data },
      after: { status, version, data: input.data },
    }));
    return { ok: true, version };
  });
}
