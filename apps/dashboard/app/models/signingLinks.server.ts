import { registry } from "@ilm-forms/core";
import { createSigningLink, openSigningLink, revokeSigningLink, signatureFields, signWithLink, type Db, type LinkRefused, type Scope } from "@ilm-forms/db";

export type { LinkRefused };

/**
 * What a signer sees through a signing link: the document read-only and whose signature is asked for.
 *
 * @param db - the connection
 * @param token - the link's token (the only key)
 * @returns the page's data, or why the link is refused (unknown, expired, used, revoked)
 */
export async function documentToSign(db: Db, token: string) {
  const opened = await openSigningLink(db, token);
  if (!opened.ok) return opened;
  return {
    ok: true as const,
    title: registry.get(opened.document.templateId, opened.document.templateVersion)?.title ?? "Document",
    document: opened.document,
    field: opened.field.title,
    contentHash: opened.contentHash,
  };
}

/**
 * The signer signs with their typed name the version they read (the link is used up).
 *
 * @param db - the connection
 * @param token - the link's token
 * @param input - the typed name and the fingerprint of what was read
 * @returns ok, or why not (no name, too long, changed, and the link's refusals)
 */
export function signThroughLink(db: Db, token: string, input: { name: string; expectedContentHash: string }) {
  return signWithLink(db, token, input);
}

/**
 * Makes a one-time signing link for a signature field of the learner's document (only its hash is kept).
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param document - the document
 * @param field - the signature field
 * @returns the token, the link's expiry and the field's title, or why not (locked, not a signature field, not found)
 */
export async function makeSigningLink(db: Db, scope: Scope, document: { id: string; templateId: string; templateVersion: string }, field: string) {
  const made = await createSigningLink(db, scope, { documentId: document.id, field });
  if (!made.ok) return made;
  const title = signatureFields(document.templateId, document.templateVersion).find((f) => f.field === field)?.title ?? field;
  return { ...made, title };
}

/**
 * Withdraws a signing link the learner made.
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param linkId - the link
 * @returns ok, or why not (used already, not found)
 */
export function withdrawSigningLink(db: Db, scope: Scope, linkId: string) {
  return revokeSigningLink(db, scope, linkId);
}
