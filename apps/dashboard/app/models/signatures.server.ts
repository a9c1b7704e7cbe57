import { listSignerSignatures, listSigningLinks, signatureFields, type Db, type Scope } from "@ilm-forms/db";

/** The signature fields of a document and what the signers did with them, as the document page shows them. */
export interface DocumentSignatures {
  fields: { field: string; title: string }[];
  signatures: { id: string; field: string; title: string; signerName: string; signedOn: string; matching: boolean; contentHash: string }[];
  links: { id: string; field: string; title: string; expiresAt: string; status: string }[];
}

/** How one signature field of a document stands: signed by the signer, typed in the form, or empty. */
export interface SignatureState {
  field: string;
  title: string;
  /** `signer`: signed by the person through a link and still matching; `changed`: signed so, but the document changed since; `typed`: a name typed into the form by whoever wrote it; `empty`: no name. */
  state: "signer" | "changed" | "typed" | "empty";
  name: string;
  date: string;
}

/**
 * Each signature field of a document with how it stands, the latest signer's signature first: the
 * marking page and the document page show the assessor who signed it and whether it still matches.
 *
 * @param data - the document's data
 * @param signatures - from {@link documentSignatures}
 * @returns one state per signature field, in the template's order
 */
export function signatureStates(data: Record<string, unknown>, signatures: DocumentSignatures): SignatureState[] {
  return signatures.fields.map(({ field, title }) => {
    const signed = signatures.signatures.filter((s) => s.field === field).at(-1);
    if (signed) return { field, title, state: signed.matching ? "signer" : "changed", name: signed.signerName, date: signed.signedOn };
    const typed = data[field] as { name?: unknown; date?: unknown } | undefined;
    const name = typeof typed?.name === "string" ? typed.name.trim() : "";
    return { field, title, state: name ? "typed" : "empty", name, date: typeof typed?.date === "string" ? typed.date : "" };
  });
}

/**
 * The signatures made by signers on a document and its signing links.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param document - the document
 * @returns fields, signatures (matching or not) and links; empty lists for a template without signature fields
 */
export function documentSignatures(db: Db, scope: Scope, document: { id: string; templateId: string; templateVersion: string }): DocumentSignatures {
  const fields = signatureFields(document.templateId, document.templateVersion);
  if (fields.length === 0) return { fields, signatures: [], links: [] };
  const title = (field: string) => fields.find((f) => f.field === field)?.title ?? field;
  return {
    fields,
    signatures: listSignerSignatures(db, scope, document.id).map((s) => ({ id: s.id, field: s.field, title: title(s.field), signerName: s.signerName, signedOn: s.signedOn, matching: s.matching, contentHash: s.contentHash })),
    links: listSigningLinks(db, scope, document.id).map((l) => ({ id: l.id, field: l.field, title: title(l.field), expiresAt: l.expiresAt, status: l.status })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A section for a printed document: the signatures made by the signers, each said to match the
 * document as printed or not. Empty when there are none.
 *
 * @param signatures - from {@link documentSignatures}
 * @returns HTML
 */
export function signerSignaturesHtml(signatures: DocumentSignatures["signatures"]): string {
  if (signatures.length === 0) return "";
  const rows = signatures
    .map((s) => `<tr><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.signerName)}</td><td>${s.signedOn}</td><td>${s.matching ? "matches this document" : "<strong>no longer matches: the document changed after it was signed</strong>"}</td><td><code>${s.contentHash}</code></td></tr>`)
    .join("");
  return `<section class="signer-signatures"><h2>Signatures by the signers</h2><p>Signed by each person through a one-time link, bound to the SHA-256 of what they read.</p><table><thead><tr><th>Signature</th><th>Name</th><th>Date</th><th>Now</th><th>SHA-256 signed</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
