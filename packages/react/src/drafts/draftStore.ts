/** A draft kept in the browser: the form's data and when it was last written. */
export interface StoredDraft {
  data: Record<string, unknown>;
  savedAt: string;
}

const PREFIX = "ilm-forms:draft:";
const MAX_DRAFT_CHARS = 2_000_000;

/**
 * The localStorage key of a draft: one per template, version and host-given key (a document id, a
 * learner id …), so two open documents of one template do not overwrite each other.
 *
 * @param templateId - e.g. `ilm-8588/session-record`
 * @param version - the template version
 * @param draftKey - the host's key for this document
 * @returns the storage key
 */
export function draftStorageKey(templateId: string, version: string, draftKey: string): string {
  return `${PREFIX}${templateId}@${version}:${draftKey}`;
}

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Reads a draft; a missing, unreadable or oversized one is no draft.
 *
 * @param key - from `draftStorageKey`
 * @returns the draft, or undefined
 */
export function readDraft(key: string): StoredDraft | undefined {
  try {
    const text = storage()?.getItem(key);
    if (!text || text.length > MAX_DRAFT_CHARS) return undefined;
    const parsed = JSON.parse(text) as Partial<StoredDraft>;
    if (!parsed || typeof parsed !== "object" || typeof parsed.data !== "object" || parsed.data === null || Array.isArray(parsed.data)) return undefined;
    return { data: parsed.data, savedAt: String(parsed.savedAt ?? "") };
  } catch {
    return undefined;
  }
}

/**
 * Writes a draft. Storage may be full or refused (private browsing): the form still works, it only
 * cannot keep the draft.
 *
 * @param key - from `draftStorageKey`
 * @param data - the form's data
 * @returns whether the draft was kept
 */
export function writeDraft(key: string, data: Record<string, unknown>): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(key, JSON.stringify({ data, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Forgets a draft, once the host application has saved the document.
 *
 * @param templateId - e.g. `ilm-8588/session-record`
 * @param version - the template version
 * @param draftKey - the host's key for this document (`"default"` when the host gave none)
 */
export function clearDraft(templateId: string, version: string, draftKey = "default"): void {
  try {
    storage()?.removeItem(draftStorageKey(templateId, version, draftKey));
  } catch {
    // Nothing kept, nothing to forget.
  }
}
