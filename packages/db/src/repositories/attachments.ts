import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { attachmentRefusal, attachmentRule, registry, type AttachmentRule } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import { learnerVisible, reachOf, type Scope } from "../access/scope.ts";
import { prepared } from "../access/statementCache.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { ATTACHMENT_LIMITS, BLOB_PART_BYTES, type AttachmentLimits } from "../attachments/limits.ts";
import { evidenceFileName } from "../attachments/fileName.ts";
import { SNIFF_BYTES, sniffEvidenceType } from "../attachments/evidenceTypes.ts";
import { submissions } from "../schema/assessment.ts";
import { attachments, evidenceBlobParts, evidenceBlobs } from "../schema/attachments.ts";
import { registrations } from "../schema/learners.ts";
import { newId, nowIso } from "../util/ids.ts";
import { getDocument, openSubmissionHolding, type HoldingSubmission, type Locked } from "./documents.ts";
import { getLearner } from "./learners.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { allPrepared, get, getPrepared, run, runPrepared } from "../access/engine.ts";

/** An evidence file as the repositories return it (its bytes are read with {@link readAttachment}). */
export interface Attachment {
  id: string;
  learnerId: string;
  /** The document it is attached to, or null for general evidence of a unit. */
  documentId: string | null;
  qualification: string | null;
  unit: string | null;
  /** The criteria general evidence is mapped to (empty for a document's file). */
  criteria: string[];
  name: string;
  /** Sniffed from the bytes. */
  mediaType: string;
  size: number;
  /** SHA-256 of the content, lower-case hex. */
  sha256: string;
  createdAt: string;
  createdBy: string;
}

/** Where a file goes: a document, or a unit of a learner as general evidence mapped to criteria. */
export type AttachmentTarget = { documentId: string } | { learnerId: string; qualification: string; unit: string; criteria: string[] };

/** The file, or the learner's files with it, would pass a limit: nothing was stored, and nothing past the limit was read. */
export type TooLarge = { ok: false; reason: "too-large"; which: "file" | "learner"; limitBytes: number };

/** What {@link addAttachment} answers. */
export type AddAttachmentResult =
  | { ok: true; attachment: Attachment }
  | NotFound
  | Forbidden
  | Locked
  | TooLarge
  | { ok: false; reason: "empty" | "type-not-allowed" | "not-registered" }
  | { ok: false; reason: "unknown-criteria"; criteria: string[] }
  | RefusedByTemplate;

/** What {@link removeAttachment} answers. */
export type RemoveAttachmentResult = { ok: true } | NotFound | Forbidden | Locked;

type Resolved = { learnerId: string; documentId: string | null; qualification: string | null; unit: string | null; criteria: string[]; rule?: AttachmentRule };

/** The document's template allows other kinds or smaller files (`x-ilm.attachments`): the message names the list and the rule. */
export type RefusedByTemplate = { ok: false; reason: "template-rule"; field: string; rule: "kind" | "size"; message: string };

function toAttachment(row: typeof attachments.$inferSelect): Attachment {
  const { centreId: _centreId, criteria, ...rest } = row;
  return { ...rest, criteria: JSON.parse(criteria) as string[] };
}

/** The learner themself and a centre admin add and remove files; the other roles read them. */
function mayWrite(scope: Scope): boolean {
  return scope.role === "learner" || scope.role === "centre_admin";
}

/** The criteria of a unit version, as `unit:ac`. */
function criteriaOf(qualification: string, unit: string, ruleSetVersion: string): Set<string> {
  const found = registry.unit(qualification, unit, ruleSetVersion);
  return new Set((found?.learningOutcomes ?? []).flatMap((lo) => lo.criteria.map((c) => `${unit}:${c.id}`)));
}

/** The target as stored, when the caller can see it; why not otherwise. */
async function resolveTarget(db: Db, scope: Scope, target: AttachmentTarget): Promise<Resolved | AddAttachmentResult> {
  if ("documentId" in target) {
    const doc = (await getDocument(db, scope, target.documentId));
    if (!doc) return NOT_FOUND;
    if (!mayWrite(scope)) return FORBIDDEN;
    const template = registry.get(doc.templateId, doc.templateVersion);
    const rule = template && attachmentRule(template);
    return { learnerId: doc.learnerId, documentId: doc.id, qualification: null, unit: null, criteria: [], ...(rule ? { rule } : {}) };
  }
  if (!(await getLearner(db, scope, target.learnerId))) return NOT_FOUND;
  if (!mayWrite(scope)) return FORBIDDEN;
  const registration = (await get(db, db
    .select({ ruleSetVersion: registrations.ruleSetVersion })
    .from(registrations)
    .where(and(eq(registrations.centreId, scope.centreId), eq(registrations.learnerId, target.learnerId), eq(registrations.qualification, target.qualification), eq(registrations.unit, target.unit)))));
  if (!registration) return { ok: false, reason: "not-registered" };
  const known = criteriaOf(target.qualification, target.unit, registration.ruleSetVersion);
  const criteria = [...new Set(target.criteria)];
  const unknown = criteria.filter((c) => !known.has(c));
  if (unknown.length > 0) return { ok: false, reason: "unknown-criteria", criteria: unknown };
  return { learnerId: target.learnerId, documentId: null, qualification: target.qualification, unit: target.unit, criteria };
}

/**
 * The open submission (with the assessor or the IQA) that holds a unit of a learner: general evidence
 * of that unit is locked while it is there, as the unit's documents are.
 */
async function openSubmissionOfUnit(db: Db, scope: Scope, learnerId: string, qualification: string, unit: string): Promise<HoldingSubmission | undefined> {
  return (await get(db, db
    .select({ id: submissions.id, qualification: submissions.qualification, unit: submissions.unit, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(
      and(
        eq(submissions.centreId, scope.centreId),
        eq(submissions.learnerId, learnerId),
        eq(submissions.qualification, qualification),
        eq(submissions.unit, unit),
        inArray(submissions.status, ["submitted", "assessed"]),
      ),
    )));
}

async function holdingOf(db: Db, scope: Scope, target: Pick<Resolved, "learnerId" | "documentId" | "qualification" | "unit">): Promise<HoldingSubmission | undefined> {
  if (target.documentId) return (await openSubmissionHolding(db, scope, target.learnerId, target.documentId));
  return (await openSubmissionOfUnit(db, scope, target.learnerId, target.qualification!, target.unit!));
}

/** The bytes a learner's files take, each attachment counted (a file attached twice counts twice). */
async function learnerBytes(db: Db, scope: Scope, learnerId: string): Promise<number> {
  const row = (await get(db, db
    .select({ total: sql<number>`coalesce(sum(${attachments.size}), 0)`.mapWith(Number) })
    .from(attachments)
    .where(and(eq(attachments.centreId, scope.centreId), eq(attachments.learnerId, learnerId)))));
  return row?.total ?? 0;
}

/**
 * Attaches a file to a document or, as general evidence mapped to criteria, to a unit. The content
 * arrives as chunks; they are counted as they come, and the first chunk that passes the file limit or
 * the learner's remaining allowance ends the reading (the iterator is returned, so a stream behind it
 * is destroyed): nothing past the limit is read or kept. What fits is written to the parts table as it
 * arrives, one part (256 KiB) held at a time, under a staging key, and hashed as it arrives; its type
 * is sniffed from the first part (a kind that is not evidence, or not the template's, ends the reading
 * there), and one transaction with the audit entry files the parts under the hash (or drops them when
 * the centre holds the same bytes already) and adds the attachment.
 * Access, the lock and the allowance are checked before the first byte is read and again under the
 * write lock.
 *
 * @param db - the connection
 * @param scope - the learner themself or a centre admin (others: forbidden; a learner the caller cannot see: not found)
 * @param input - where it goes, the name it was uploaded under, and the content
 * @param limits - the size limits (default {@link ATTACHMENT_LIMITS})
 * @returns the stored attachment, or why not
 */
export async function addAttachment(
  db: Db,
  scope: Scope,
  input: { target: AttachmentTarget; name: string; content: AsyncIterable<Uint8Array> },
  limits: AttachmentLimits = ATTACHMENT_LIMITS,
): Promise<AddAttachmentResult> {
  const resolved = (await resolveTarget(db, scope, input.target));
  if ("ok" in resolved) return resolved;
  const holding = (await holdingOf(db, scope, resolved));
  if (holding) return { ok: false, reason: "locked", submission: holding };
  const allowance = limits.maxLearnerBytes - (await learnerBytes(db, scope, resolved.learnerId));
  const which = allowance < limits.maxFileBytes ? "learner" : "file";
  const limitBytes = Math.max(0, Math.min(allowance, limits.maxFileBytes));
  const tooLarge: TooLarge = { ok: false, reason: "too-large", which, limitBytes: which === "file" ? limits.maxFileBytes : limitBytes };
  if (limitBytes === 0) return tooLarge;
  // The document's template may allow smaller files than the centre: that limit ends the reading too.
  const rule = resolved.rule;
  const ruleBinds = rule !== undefined && rule.maxBytes < limitBytes;
  const readLimit = ruleBinds ? rule.maxBytes : limitBytes;
  const byTemplate = (file: { mediaType?: string; size?: number }): RefusedByTemplate | undefined => {
    const message = rule && attachmentRefusal(rule, file);
    return message ? { ok: false, reason: "template-rule", field: rule.title, rule: file.size !== undefined ? "size" : "kind", message } : undefined;
  };

  // The bytes go into the parts table as they arrive, under a staging key (the hash is not known until
  // the end); the transaction below files them under their hash, or drops them when the centre holds
  // the same bytes already. Whatever ends the upload early removes them (`finally`); a crash leaves them
  // to the next upload of the centre, which removes staging older than a day.
  const staging = `${STAGING_PREFIX}${nowIso()}:${newId()}`;
  const writePart = prepared(db, "attachments.writePart", () =>
    db
      .insert(evidenceBlobParts)
      .values({ centreId: sql.placeholder("centreId"), sha256: sql.placeholder("sha256"), part: sql.placeholder("part"), bytes: sql.placeholder("bytes") }),
  );
  try {
    (await dropStaleStaging(db, scope.centreId));
    const hash = createHash("sha256");
    const pending = Buffer.allocUnsafe(BLOB_PART_BYTES);
    let filled = 0;
    let part = 0;
    let size = 0;
    let mediaType: string | undefined;
    /** The type from the first bytes, judged once: a kind that is not evidence, or not the template's, ends the reading. */
    const judge = async (head: Buffer): Promise<AddAttachmentResult | undefined> => {
      mediaType = await sniffEvidenceType(head);
      if (!mediaType) return { ok: false, reason: "type-not-allowed" };
      return byTemplate({ mediaType });
    };
    const flush = async () => {
      if (filled === 0) return;
      // The bound blob is copied (better-sqlite3) or sent (node-postgres, awaited) before the one buffer is reused for the next part.
      await runPrepared(db, writePart, { centreId: scope.centreId, sha256: staging, part: part++, bytes: pending.subarray(0, filled) });
      filled = 0;
    };
    for await (const chunk of input.content) {
      size += chunk.byteLength;
      if (size > readLimit) return ruleBinds ? byTemplate({ size })! : tooLarge;
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hash.update(bytes);
      for (let at = 0; at < bytes.length; ) {
        const taken = bytes.copy(pending, filled, at, Math.min(bytes.length, at + BLOB_PART_BYTES - filled));
        filled += taken;
        at += taken;
        if (filled === BLOB_PART_BYTES) {
          const refused = part === 0 ? await judge(Buffer.from(pending.subarray(0, SNIFF_BYTES))) : undefined;
          if (refused) return refused;
          await flush();
        }
      }
    }
    if (size === 0) return { ok: false, reason: "empty" };
    // A file shorter than one part is judged here.
    const refused = mediaType === undefined ? await judge(Buffer.from(pending.subarray(0, Math.min(filled, SNIFF_BYTES)))) : undefined;
    if (refused) return refused;
    await flush();
    const sha256 = hash.digest("hex");
    const type = mediaType!;
    return await writeTransaction(db, () => stored(db, scope, input, limits, { staging, sha256, size, mediaType: type }));
  } finally {
    // Nothing when the parts were filed under their hash; the parts of an upload that did not end so otherwise.
    await run(db, db.delete(evidenceBlobParts).where(and(eq(evidenceBlobParts.centreId, scope.centreId), eq(evidenceBlobParts.sha256, staging))));
  }
}

/** Parts are staged under `staging:<when>:<id>` until their hash is known (a hash is hex: never confused). */
const STAGING_PREFIX = "staging:";
/** Staging older than this is left by a crash (an upload takes minutes at most). */
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

/** Removes the staged parts of uploads that a crash left behind in a centre. */
async function dropStaleStaging(db: Db, centreId: string): Promise<void> {
  const before = `${STAGING_PREFIX}${nowIso(new Date(Date.now() - STALE_STAGING_MS))}`;
  (await run(db, db.delete(evidenceBlobParts)
    .where(and(eq(evidenceBlobParts.centreId, centreId), sql`${evidenceBlobParts.sha256} >= ${STAGING_PREFIX}`, sql`${evidenceBlobParts.sha256} < ${before}`))));
}

/**
 * The end of {@link addAttachment}, in its write transaction: access, the lock and the allowance again
 * (the unit may have been submitted, or another upload may have used the allowance, while this one was
 * read), the blob once per centre and hash (the staged parts filed under the hash, or left to be
 * dropped when the centre holds the bytes already), the attachment and its audit entry.
 */
async function stored(
  db: Db,
  scope: Scope,
  input: { target: AttachmentTarget; name: string },
  limits: AttachmentLimits,
  content: { staging: string; sha256: string; size: number; mediaType: string },
): Promise<AddAttachmentResult> {
  const { sha256, size, mediaType } = content;
  const again = (await resolveTarget(db, scope, input.target));
  if ("ok" in again) return again;
  const holdingNow = (await holdingOf(db, scope, again));
  if (holdingNow) return { ok: false, reason: "locked", submission: holdingNow };
  if ((await learnerBytes(db, scope, again.learnerId)) + size > limits.maxLearnerBytes) {
    return { ok: false, reason: "too-large", which: "learner", limitBytes: Math.max(0, limits.maxLearnerBytes - (await learnerBytes(db, scope, again.learnerId))) };
  }
  const now = nowIso();
  const blob = (await run(db, db
    .insert(evidenceBlobs)
    .values({ centreId: scope.centreId, sha256, size, mediaType, createdAt: now })
    .onConflictDoNothing()));
  if (blob === 1) {
    (await run(db, db.update(evidenceBlobParts)
      .set({ sha256 })
      .where(and(eq(evidenceBlobParts.centreId, scope.centreId), eq(evidenceBlobParts.sha256, content.staging)))));
  }
  const row = {
    id: newId(),
    centreId: scope.centreId,
    learnerId: again.learnerId,
    documentId: again.documentId,
    qualification: again.qualification,
    unit: again.unit,
    criteria: JSON.stringify(again.criteria),
    name: evidenceFileName(input.name),
    mediaType,
    size,
    sha256,
    createdAt: now,
    createdBy: scope.userId,
  };
  (await run(db, db.insert(attachments).values(row)));
  const attachment = toAttachment(row);
  (await appendAudit(db, {
    centreId: scope.centreId,
    actorUserId: scope.userId,
    action: "attachment.add",
    entityType: "attachment",
    entityId: row.id,
    after: auditView(attachment),
  }));
  return { ok: true, attachment };
}

function auditView(a: Attachment): Record<string, unknown> {
  return { learnerId: a.learnerId, documentId: a.documentId, qualification: a.qualification, unit: a.unit, criteria: a.criteria, name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256 };
}

/**
 * One attachment, if the caller may see its learner (as for documents).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the attachment
 * @returns the attachment, or undefined (also another centre's or an unassigned learner's)
 */
export async function getAttachment(db: Db, scope: Scope, id: string): Promise<Attachment | undefined> {
  const reach = reachOf(scope.role);
  const statement = prepared(db, `attachments.get:${reach}`, () =>
    db
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, sql.placeholder("id")), eq(attachments.centreId, sql.placeholder("centreId")), learnerVisible(reach, attachments.learnerId))),
  );
  const row = (await getPrepared(db, statement, { id, centreId: scope.centreId, userId: scope.userId }));
  return row && toAttachment(row);
}

/**
 * A learner's files, oldest first: all of them, a document's, or a unit's general evidence.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param filter - the learner, and optionally a document or a unit
 * @returns the attachments; empty when the learner is not visible to the caller
 */
export async function listAttachments(db: Db, scope: Scope, filter: { learnerId: string; documentId?: string; qualification?: string; unit?: string }): Promise<Attachment[]> {
  const reach = reachOf(scope.role);
  return (await allPrepared(db, db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.learnerId, filter.learnerId),
        eq(attachments.centreId, scope.centreId),
        filter.documentId !== undefined ? eq(attachments.documentId, filter.documentId) : undefined,
        filter.qualification !== undefined ? eq(attachments.qualification, filter.qualification) : undefined,
        filter.unit !== undefined ? eq(attachments.unit, filter.unit) : undefined,
        learnerVisible(reach, attachments.learnerId),
      ),
    )
    .orderBy(attachments.createdAt, attachments.id).prepare(), { userId: scope.userId }))
    .map(toAttachment);
}

/**
 * An attachment and its content, read one stored part at a time as the consumer pulls (no more
 * than one part, 256 KiB, in memory), for a download.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the attachment
 * @returns the attachment and an async iterable of its bytes, or undefined when the caller cannot see it
 */
export async function readAttachment(db: Db, scope: Scope, id: string): Promise<{ attachment: Attachment; content: AsyncIterable<Buffer> } | undefined> {
  const attachment = (await getAttachment(db, scope, id));
  if (!attachment) return undefined;
  const readPart = prepared(db, "attachments.part", () =>
    db
      .select({ bytes: evidenceBlobParts.bytes })
      .from(evidenceBlobParts)
      .where(and(eq(evidenceBlobParts.centreId, sql.placeholder("centreId")), eq(evidenceBlobParts.sha256, sql.placeholder("sha256")), eq(evidenceBlobParts.part, sql.placeholder("part")))),
  );
  const { centreId } = scope;
  async function* content(): AsyncGenerator<Buffer> {
    let read = 0;
    for (let part = 0; read < attachment!.size; part++) {
      const row = (await getPrepared(db, readPart, { centreId, sha256: attachment!.sha256, part }));
      if (!row) throw new Error(`attachment ${id}: part ${part} of its content is missing`);
      read += row.bytes.length;
      yield row.bytes;
    }
  }
  return { attachment, content: content() };
}

/**
 * Removes an attachment (and its blob when no other attachment of the centre holds the same bytes),
 * with an audit entry that keeps its name, size and hash.
 *
 * @param db - the connection
 * @param scope - the learner themself or a centre admin
 * @param id - the attachment
 * @returns ok, or why not (locked while its document or unit is in an open submission)
 */
export async function removeAttachment(db: Db, scope: Scope, id: string): Promise<RemoveAttachmentResult> {
  return writeTransaction(db, async (): Promise<RemoveAttachmentResult> => {
    const attachment = (await getAttachment(db, scope, id));
    if (!attachment) return NOT_FOUND;
    if (!mayWrite(scope)) return FORBIDDEN;
    const holding = (await holdingOf(db, scope, attachment));
    if (holding) return { ok: false, reason: "locked", submission: holding };
    (await run(db, db.delete(attachments).where(and(eq(attachments.id, id), eq(attachments.centreId, scope.centreId)))));
    const stillHeld = (await get(db, db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.centreId, scope.centreId), eq(attachments.sha256, attachment.sha256)))));
    if (!stillHeld) {
      (await run(db, db.delete(evidenceBlobParts).where(and(eq(evidenceBlobParts.centreId, scope.centreId), eq(evidenceBlobParts.sha256, attachment.sha256)))));
      (await run(db, db.delete(evidenceBlobs).where(and(eq(evidenceBlobs.centreId, scope.centreId), eq(evidenceBlobs.sha256, attachment.sha256)))));
    }
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "attachment.remove",
      entityType: "attachment",
      entityId: id,
      before: auditView(attachment),
    }));
    return { ok: true };
  });
}
