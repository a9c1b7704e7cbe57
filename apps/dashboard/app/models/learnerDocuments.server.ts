import { namesUsedIn } from "@ilm-forms/core";
import { createDocument, documentLocks, getDocument, listDocuments, saveDocument, type Db, type HoldingSubmission, type Scope } from "@ilm-forms/db";
import { toPortfolioDocument } from "./portfolio.server.ts";
import { createReadCache, scopeKey } from "./readCache.server.ts";

export type { HoldingSubmission };

/** Whether the learner can change a document now: the submission holding it (or null), and whether it is final. */
export type DocumentLock = { holding: HoldingSubmission | null; final: boolean };

/**
 * The locks on a learner's documents, from one read of their submissions: held by a unit under
 * assessment, or handed in as final (status submitted) unless a returned unit or a Referral reopened it
 * for the next attempt. A page listing many documents asks once (decision 056).
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param learnerId - the learner
 * @returns the lock of any of the learner's documents
 */
export async function documentLocksOf(db: Db, scope: Scope, learnerId: string): Promise<(document: { id: string; status: string }) => DocumentLock> {
  // The learner's submissions are read again only after a write (by anyone) (decision 057).
  const locks = await locksCache.get(db, `${scopeKey(scope)}|${learnerId}`, () => documentLocks(db, scope, learnerId));
  return (document) => ({ holding: locks.holding(document.id) ?? null, final: document.status === "submitted" && !locks.reopened(document.id) });
}

/**
 * Whether the learner can change one document now (see `documentLocksOf`).
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param document - the document
 * @returns the submission holding it (or null), and whether it is final
 */
export async function documentLock(db: Db, scope: Scope, document: { id: string; learnerId: string; status: string }): Promise<DocumentLock> {
  return (await documentLocksOf(db, scope, document.learnerId))(document);
}

/**
 * The names (of clients, stakeholders ...) the learner's other documents use, so the form can warn
 * before a real name goes into a document.
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param learnerId - the learner
 * @param exceptId - the document being edited, left out
 * @returns the names
 */
export async function namesInOtherDocuments(db: Db, scope: Scope, learnerId: string, exceptId?: string) {
  // Read again only after a write (by anyone) (decision 057). Shared: never changed.
  return namesCache.get(db, `${scopeKey(scope)}|${learnerId}|${exceptId ?? ""}`, async () => {
    const others = (await listDocuments(db, scope, learnerId)).filter((d) => d.id !== exceptId);
    return namesUsedIn(others.map((d) => toPortfolioDocument(d)));
  });
}

const locksCache = createReadCache<Awaited<ReturnType<typeof documentLocks>>>(500);
const namesCache = createReadCache<ReturnType<typeof namesUsedIn>>(500);

/**
 * A learner's document (or a record kept about them) to edit, if the caller may read it.
 *
 * @param db - the connection
 * @param scope - the caller (the learner, or the assessor who keeps a record)
 * @param id - the document
 * @returns the stored document, or undefined
 */
export function documentToEdit(db: Db, scope: Scope, id: string) {
  return getDocument(db, scope, id);
}

/**
 * Saves a change to a document (validated; optimistic locking on the version read; the data layer
 * refuses a template the caller's role may not write).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the document, the version read, the new data
 * @returns the new version, or why not (invalid, changed, locked, final, forbidden, not found)
 */
export function saveDocumentChange(db: Db, scope: Scope, input: { id: string; expectedVersion: number; data: Record<string, unknown> }) {
  return saveDocument(db, scope, input);
}

/**
 * Creates a document for a learner: the learner's own, or a record the caller keeps about them
 * (validated; the data layer refuses a template the caller's role may not write).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the learner, the template, the data
 * @returns the new id, or why not (invalid, forbidden, not found)
 */
export function createDocumentFor(db: Db, scope: Scope, input: { learnerId: string; templateId: string; data: Record<string, unknown> }) {
  return createDocument(db, scope, input);
}
