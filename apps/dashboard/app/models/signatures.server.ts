import { fieldsByRole, mayWrite, registry } from "@ilm-forms/core";
import { listSignerSignatures, listSigningLinks, ROLES, signatureFields, signerSignatureStates, type Db, type Role, type Scope, type StoredDocument } from "@ilm-forms/db";

/** The signature fields of a document and what the signers did with them, as the document page shows them. */
export interface DocumentSignatures {
  /** `signer`: who signs the field through a link (`x-ilm.signer`); absent, the writer signs it by typing their name. */
  fields: { field: string; title: string; signer?: string }[];
  /** Who types into the document, in words, from the template's writers: "the learner", "the assessor" ... */
  typedBy: string;
  signatures: { id: string; field: string; title: string; signerName: string; signedOn: string; matching: boolean; contentHash: string }[];
  links: { id: string; field: string; title: string; expiresAt: string; status: string }[];
}

/** How one signature field of a document stands: signed by the signer, typed in the form, or empty. */
export interface SignatureState {
  field: string;
  title: string;
  /** `signer`: signed by the person through a link and still matching; `changed`: signed so, but the document changed since; `typed`: a name typed into the form by whoever wrote it; `empty`: no name. */
  state: "signer" | "changed" | "typed" | "empty";
  /** Who signs the field through a link (a client, a witness ...); absent, it is the writer's own signature. */
  signer?: string;
  /** Who typed a `typed` name: the document's writer, in words. */
  typedBy: string;
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
  return signatures.fields.map(({ field, title, signer }) => {
    const who = { ...(signer ? { signer } : {}), typedBy: signatures.typedBy };
    const signed = signatures.signatures.filter((s) => s.field === field).at(-1);
    if (signed) return { field, title, state: signed.matching ? "signer" : "changed", name: signed.signerName, date: signed.signedOn, ...who };
    const typed = data[field] as { name?: unknown; date?: unknown } | undefined;
    const name = typeof typed?.name === "string" ? typed.name.trim() : "";
    return { field, title, state: name ? "typed" : "empty", name, date: typeof typed?.date === "string" ? typed.date : "", ...who };
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
export async function documentSignatures(db: Db, scope: Scope, document: { id: string; templateId: string; templateVersion: string }): Promise<DocumentSignatures> {
  const template = registry.get(document.templateId, document.templateVersion);
  const signers = new Map((template ? fieldsByRole(template) : []).flatMap((f) => (f.role === "signature" && f.signer && f.steps.length === 1 ? [[f.steps[0]!, f.signer] as const] : [])));
  const fields = signatureFields(document.templateId, document.templateVersion).map((f) => (signers.has(f.field) ? { ...f, signer: signers.get(f.field)! } : f));
  const typedBy = template ? writerInWords(template) : WRITERS.learner;
  if (fields.length === 0) return { fields, typedBy, signatures: [], links: [] };
  const title = (field: string) => fields.find((f) => f.field === field)?.title ?? field;
  return {
    fields,
    typedBy,
    signatures: (await listSignerSignatures(db, scope, document.id)).map((s) => ({ id: s.id, field: s.field, title: title(s.field), signerName: s.signerName, signedOn: s.signedOn, matching: s.matching, contentHash: s.contentHash })),
    links: (await listSigningLinks(db, scope, document.id)).map((l) => ({ id: l.id, field: l.field, title: title(l.field), expiresAt: l.expiresAt, status: l.status })),
  };
}

/** Each role as the one who typed into a document. */
const WRITERS: Record<Role, string> = { learner: "the learner", assessor: "the assessor", iqa: "quality assurance", centre_admin: "the centre", eqa: "external quality assurance" };

/**
 * Who types into documents of a template, from its writers (`x-ilm.writers`): the learner when the
 * learner writes it (a centre admin may correct a learner's record), otherwise the roles that keep it
 * (the assessor's professional discussion, the centre's exceptional-circumstances record).
 */
function writerInWords(template: Parameters<typeof mayWrite>[0]): string {
  if (mayWrite(template, "learner")) return WRITERS.learner;
  const writers = ROLES.filter((role) => mayWrite(template, role)).map((role) => WRITERS[role]);
  return writers.length ? writers.join(" or ") : WRITERS.learner;
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

/** One signature field of a portfolio's document and who signed it, as the portfolio prints it. */
export interface PortfolioSignature {
  documentId: string;
  title: string;
  /** Who signs it when not the learner (`x-ilm.signer`: `client`, `stakeholder`), or undefined for the learner's own. */
  signer?: string;
  /** The name and date typed into the document by its writer, if any. */
  typed?: { name: string; date: string };
  /** Who types into the document, in words ("the learner", or "the assessor" on a record the assessor keeps). */
  typedBy: string;
  /** The signature the signer made through a link, if any, and whether it still matches. */
  bySigner?: { name: string; date: string; matching: boolean };
}

/**
 * The top-level signature fields of a portfolio's documents and who signed each: the signer through a
 * link (matching or not), or the learner typing a name in their own account.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @param documents - the portfolio's documents
 * @returns one row per signature field, in the documents' order
 */
export async function portfolioSignatures(db: Db, scope: Scope, learnerId: string, documents: StoredDocument[]): Promise<PortfolioSignature[]> {
  const made = (await signerSignatureStates(db, scope, learnerId, documents));
  return documents.flatMap((document) => {
    const template = registry.get(document.templateId, document.templateVersion);
    if (!template) return [];
    return fieldsByRole(template)
      .filter((f) => f.role === "signature" && f.steps.length === 1)
      .map((f) => {
        const field = f.steps[0]!;
        const value = document.data[field] as { name?: unknown; date?: unknown } | undefined;
        const row: PortfolioSignature = { documentId: document.id, title: f.title, typedBy: writerInWords(template) };
        if (f.signer) row.signer = f.signer;
        if (typeof value?.name === "string" && value.name.trim()) row.typed = { name: value.name.trim(), date: typeof value.date === "string" ? value.date : "" };
        const signed = made.get(document.id)?.[field];
        if (signed) row.bySigner = signed;
        return row;
      });
  });
}

/**
 * The portfolio's section on signatures: for each signature of each document, whether the signer made
 * it through a link (and whether it still matches the document as printed), or the learner typed it.
 *
 * @param rows - from {@link portfolioSignatures}
 * @param label - how the portfolio names a document (its number and title)
 * @returns HTML, empty when no document has a signature field
 */
export function portfolioSignaturesHtml(rows: PortfolioSignature[], label: (documentId: string) => string): string {
  if (rows.length === 0) return "";
  const state = (r: PortfolioSignature): string => {
    if (r.bySigner) {
      const who = `Signed by the ${escapeHtml(r.signer ?? "signer")} through a one-time link: ${escapeHtml(r.bySigner.name)}, ${escapeHtml(r.bySigner.date)}`;
      return r.bySigner.matching ? `${who}; matches this document` : `${who}; <strong>no longer matches: the document changed after it was signed</strong>`;
    }
    if (r.typed) {
      const typed = `${escapeHtml(r.typed.name)}, ${escapeHtml(r.typed.date)}`;
      if (!r.signer) return `Signed by ${escapeHtml(r.typedBy)}: ${typed}`;
      return `<strong>${r.typedBy === WRITERS.learner ? "Typed in the learner's account" : `Typed by ${escapeHtml(r.typedBy)}`}</strong> (${typed}), not signed by the ${escapeHtml(r.signer)}`;
    }
    return "Not signed";
  };
  const body = rows.map((r) => `<tr><td>${escapeHtml(label(r.documentId))}</td><td>${escapeHtml(r.title)}</td><td>${state(r)}</td></tr>`).join("");
  return `<section class="portfolio-signatures" style="page-break-before: always"><h2>Signatures</h2><p>Who signed each document: the signers themselves through one-time links, bound to the SHA-256 of what they read, or the document's writer typing a name (the learner in their own account, the assessor on a record the assessor keeps).</p><table><thead><tr><th>Document</th><th>Signature</th><th>Signed</th></tr></thead><tbody>${body}</tbody></table></section>`;
}
