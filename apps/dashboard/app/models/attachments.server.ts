import { registry } from "@ilm-forms/core";
import { listAttachments, removeAttachment, type Attachment, type Db, type Scope } from "@ilm-forms/db";
import { createReadCache, scopeKey } from "./readCache.server.ts";

/** An evidence file as the pages show it. */
export interface AttachmentView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  criteria: string[];
  documentId: string | null;
  /** The unit of general evidence (null for a document's file). */
  unit: string | null;
  createdAt: string;
  href: string;
}

/**
 * The view of an attachment: what a page needs and its download address.
 *
 * @param attachment - as stored
 * @returns the view
 */
export function toAttachmentView(attachment: Attachment): AttachmentView {
  const { id, name, mediaType, size, sha256, criteria, documentId, unit, createdAt } = attachment;
  return { id, name, mediaType, size, sha256, criteria, documentId, unit, createdAt, href: `/attachments/${id}` };
}

/**
 * A document's files.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the document's learner
 * @param documentId - the document
 * @returns the files, oldest first
 */
export function documentAttachments(db: Db, scope: Scope, learnerId: string, documentId: string): Promise<AttachmentView[]> {
  // Read again only after a write (by anyone) (decision 057). Shared: never changed.
  return filesCache.get(db, `${scopeKey(scope)}|${learnerId}|document|${documentId}`, async () => (await listAttachments(db, scope, { learnerId, documentId })).map(toAttachmentView));
}

const filesCache = createReadCache<AttachmentView[]>(500);

/**
 * Every file of a learner.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @returns the files, oldest first
 */
export async function learnerAttachments(db: Db, scope: Scope, learnerId: string): Promise<AttachmentView[]> {
  return (await listAttachments(db, scope, { learnerId })).map(toAttachmentView);
}

/**
 * A unit's general evidence.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @param qualification - e.g. `ilm-8588`
 * @param unit - e.g. `501`
 * @returns the files, oldest first
 */
export function unitAttachments(db: Db, scope: Scope, learnerId: string, qualification: string, unit: string): Promise<AttachmentView[]> {
  // Read again only after a write (by anyone) (decision 057). Shared: never changed.
  return filesCache.get(db, `${scopeKey(scope)}|${learnerId}|unit|${qualification}|${unit}`, async () => (await listAttachments(db, scope, { learnerId, qualification, unit })).map(toAttachmentView));
}

/**
 * The files beside each criterion of a unit: general evidence mapped to it, then the files of the
 * documents that evidence it.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @param documentsByCriterion - the ids of the documents that evidence each criterion (`unit:ac`)
 * @returns criterion → files (a criterion with none is left out)
 */
export async function attachmentsByCriterion(db: Db, scope: Scope, learnerId: string, documentsByCriterion: Record<string, string[]>): Promise<Record<string, AttachmentView[]>> {
  const all = (await listAttachments(db, scope, { learnerId })).map(toAttachmentView);
  const criteria = new Set([...Object.keys(documentsByCriterion), ...all.flatMap((a) => a.criteria)]);
  const out: Record<string, AttachmentView[]> = {};
  for (const criterion of criteria) {
    const documentIds = new Set(documentsByCriterion[criterion] ?? []);
    const files = [...all.filter((a) => a.documentId === null && a.criteria.includes(criterion)), ...all.filter((a) => a.documentId !== null && documentIds.has(a.documentId))];
    if (files.length) out[criterion] = files;
  }
  return out;
}

/**
 * Removes a file.
 *
 * @param db - the connection
 * @param scope - the learner or a centre admin
 * @param id - the attachment
 * @returns what the data layer answered
 */
export async function removeEvidenceFile(db: Db, scope: Scope, id: string): ReturnType<typeof removeAttachment> {
  return (await removeAttachment(db, scope, id));
}

/**
 * The files beside each criterion of a submitted unit: general evidence of the unit mapped to the
 * criterion, and the files of the submitted documents whose template evidences it (`x-ilm.criteria`)
 * or that the criterion's automatic finding points at.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param view - the submission as loaded for the marking page
 * @returns criterion (`unit:ac`) → files
 */
export async function submissionFiles(
  db: Db,
  scope: Scope,
  view: { learner: { id: string }; storedDocuments: { id: string; templateId: string; templateVersion: string }[]; check: { findings: { criterion: string; pointers: { document: string }[] }[] } },
): Promise<Record<string, AttachmentView[]>> {
  const byCriterion: Record<string, string[]> = {};
  for (const doc of view.storedDocuments) {
    for (const criterion of registry.get(doc.templateId, doc.templateVersion)?.annotations.criteria ?? []) (byCriterion[criterion] ??= []).push(doc.id);
  }
  const submitted = new Set(view.storedDocuments.map((d) => d.id));
  for (const finding of view.check.findings) {
    for (const pointer of finding.pointers) if (submitted.has(pointer.document)) (byCriterion[finding.criterion] ??= []).push(pointer.document);
  }
  return (await attachmentsByCriterion(db, scope, view.learner.id, byCriterion));
}
