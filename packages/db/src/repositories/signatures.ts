import { and, eq, sql } from "drizzle-orm";
import { fieldsByRole, registry, type SignerSignatureState } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { getLearner } from "./learners.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { documents } from "../schema/documents.ts";
import { signerSignatures, signingLinks } from "../schema/signatures.ts";
import { canonicalJson } from "../util/canonicalJson.ts";
import { newId, nowIso, randomToken, sha256Hex } from "../util/ids.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { getDocument, openSubmissionHolding, type Locked, type StoredDocument } from "./documents.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { all, get, run } from "../access/engine.ts";

/** How long a signing link lasts unless told otherwise: 14 days. */
export const SIGNING_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** A signature field of a template that a signer can sign: a top-level field whose `x-ilm` role is `signature`. */
export interface SignatureField {
  /** The property, e.g. `clientSignature`. */
  field: string;
  /** Its title, e.g. `Signature of Client`. */
  title: string;
}

/** A signing link as the learner sees it (never its token). */
export interface SigningLink {
  id: string;
  documentId: string;
  field: string;
  createdAt: string;
  expiresAt: string;
  status: "open" | "used" | "revoked" | "expired";
}

/** A signature made by its signer, and whether the document still says what was signed. */
export interface SignerSignature {
  id: string;
  documentId: string;
  field: string;
  signerName: string;
  signedOn: string;
  signedAt: string;
  contentHash: string;
  /** The document's signed content has not changed since. */
  matching: boolean;
}

/** Why a link cannot be used: its token is unknown, or it expired, was used or was withdrawn. */
export type LinkRefused = { ok: false; reason: "unknown" | "expired" | "used" | "revoked" };

/**
 * The fields of a template that a signer can sign.
 *
 * @param templateId - the template
 * @param templateVersion - its version
 * @returns the top-level signature fields, in the template's order
 */
export function signatureFields(templateId: string, templateVersion?: string): SignatureField[] {
  const template = registry.get(templateId, templateVersion);
  if (!template) return [];
  return fieldsByRole(template)
    .filter((f) => f.role === "signature" && f.steps.length === 1)
    .map((f) => ({ field: f.steps[0]!, title: f.title }));
}

/**
 * The SHA-256 of what a signer signs: the canonical JSON of the document's template, version and data
 * without its signature fields (a signature added later does not change what the others signed).
 *
 * @param document - the document
 * @returns lower-case hex
 */
export function signedContentHash(document: Pick<StoredDocument, "templateId" | "templateVersion" | "data">): string {
  const data: Record<string, unknown> = { ...document.data };
  for (const { field } of signatureFields(document.templateId, document.templateVersion)) delete data[field];
  return sha256Hex(canonicalJson({ templateId: document.templateId, templateVersion: document.templateVersion, data }));
}

function statusOf(row: typeof signingLinks.$inferSelect, now: string): SigningLink["status"] {
  if (row.revokedAt) return "revoked";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "open";
}

/**
 * Makes a one-time signing link for one signature field of a document. The token is returned once,
 * to be passed on; only its SHA-256 is kept.
 *
 * @param db - the connection
 * @param scope - the learner themself or a centre admin
 * @param input - the document, the signature field, and optionally how long the link lasts
 * @returns the token and the link, or why not
 */
export async function createSigningLink(
  db: Db,
  scope: Scope,
  input: { documentId: string; field: string; ttlMs?: number; now?: Date },
): Promise<{ ok: true; token: string; link: SigningLink } | NotFound | Forbidden | Locked | { ok: false; reason: "not-a-signature-field" }> {
  return writeTransaction(db, async () => {
    const document = (await getDocument(db, scope, input.documentId));
    if (!document) return NOT_FOUND;
    if (scope.role !== "learner" && scope.role !== "centre_admin") return FORBIDDEN;
    if (!signatureFields(document.templateId, document.templateVersion).some((f) => f.field === input.field)) return { ok: false as const, reason: "not-a-signature-field" as const };
    const holding = (await openSubmissionHolding(db, scope, document.learnerId, document.id));
    if (holding) return { ok: false as const, reason: "locked" as const, submission: holding };
    const token = randomToken();
    const now = input.now ?? new Date();
    const row = {
      id: newId(),
      centreId: scope.centreId,
      learnerId: document.learnerId,
      documentId: document.id,
      field: input.field,
      tokenHash: sha256Hex(token),
      createdAt: nowIso(now),
      createdBy: scope.userId,
      expiresAt: nowIso(new Date(now.getTime() + Math.max(60_000, input.ttlMs ?? SIGNING_LINK_TTL_MS))),
      revokedAt: null,
      usedAt: null,
    };
    (await run(db, db.insert(signingLinks).values(row)));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "signing-link.create", entityType: "signing-link", entityId: row.id, after: { documentId: row.documentId, field: row.field, expiresAt: row.expiresAt } }));
    return { ok: true as const, token, link: { id: row.id, documentId: row.documentId, field: row.field, createdAt: row.createdAt, expiresAt: row.expiresAt, status: "open" as const } };
  });
}

/**
 * The signing links of a document.
 *
 * @param db - the connection
 * @param scope - anyone who may see the document
 * @param documentId - the document
 * @returns the links, oldest first; empty when the document is not visible
 */
export async function listSigningLinks(db: Db, scope: Scope, documentId: string): Promise<SigningLink[]> {
  if (!(await getDocument(db, scope, documentId))) return [];
  const now = nowIso();
  return (await all(db, db
    .select()
    .from(signingLinks)
    .where(and(eq(signingLinks.centreId, scope.centreId), eq(signingLinks.documentId, documentId)))
    .orderBy(signingLinks.createdAt)))
    .map((row) => ({ id: row.id, documentId: row.documentId, field: row.field, createdAt: row.createdAt, expiresAt: row.expiresAt, status: statusOf(row, now) }));
}

/**
 * Withdraws a signing link that has not been used.
 *
 * @param db - the connection
 * @param scope - the learner themself or a centre admin
 * @param id - the link
 * @returns ok, or why not
 */
export async function revokeSigningLink(db: Db, scope: Scope, id: string): Promise<{ ok: true } | NotFound | Forbidden | { ok: false; reason: "used" }> {
  return writeTransaction(db, async () => {
    const row = (await get(db, db.select().from(signingLinks).where(and(eq(signingLinks.id, id), eq(signingLinks.centreId, scope.centreId)))));
    if (!row || !(await getDocument(db, scope, row.documentId))) return NOT_FOUND;
    if (scope.role !== "learner" && scope.role !== "centre_admin") return FORBIDDEN;
    if (row.usedAt) return { ok: false as const, reason: "used" as const };
    if (row.revokedAt) return { ok: true as const };
    const at = nowIso();
    (await run(db, db.update(signingLinks).set({ revokedAt: at }).where(eq(signingLinks.id, id))));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "signing-link.revoke", entityType: "signing-link", entityId: id, before: { status: statusOf(row, at) }, after: { status: "revoked" } }));
    return { ok: true as const };
  });
}

/** What a signer sees through a link: the document read-only and the field they are asked to sign. */
export interface OpenedLink {
  ok: true;
  link: SigningLink;
  field: SignatureField;
  document: Pick<StoredDocument, "id" | "templateId" | "templateVersion" | "data">;
  contentHash: string;
}

async function linkByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return (await get(db, db.select().from(signingLinks).where(eq(signingLinks.tokenHash, sha256Hex(token)))));
}

/**
 * Opens a signing link: the capability is the token itself (the signer has no account), so this reads
 * without a scope, only the one document the link names.
 *
 * @param db - the connection
 * @param token - the token from the link
 * @param now - the time (tests)
 * @returns the document and field, or why the link cannot be used
 */
export async function openSigningLink(db: Db, token: string, now: Date = new Date()): Promise<OpenedLink | LinkRefused> {
  const row = (await linkByToken(db, token));
  if (!row) return { ok: false, reason: "unknown" };
  const status = statusOf(row, nowIso(now));
  if (status !== "open") return { ok: false, reason: status };
  const stored = (await get(db, db.select().from(documents).where(and(eq(documents.id, row.documentId), eq(documents.centreId, row.centreId)))));
  if (!stored) return { ok: false, reason: "unknown" };
  const document = { id: stored.id, templateId: stored.templateId, templateVersion: stored.templateVersion, data: JSON.parse(stored.data) as Record<string, unknown> };
  const field = signatureFields(document.templateId, document.templateVersion).find((f) => f.field === row.field);
  if (!field) return { ok: false, reason: "unknown" };
  return { ok: true, link: { id: row.id, documentId: row.documentId, field: row.field, createdAt: row.createdAt, expiresAt: row.expiresAt, status }, field, document, contentHash: signedContentHash(document) };
}

/**
 * Signs through a link: records the signer's typed name, the date, the field and the hash of the
 * document's signed content, marks the link used, and writes the audit entry, in one transaction.
 *
 * @param db - the connection
 * @param token - the token from the link
 * @param input - the signer's name, and the content hash the signer was shown (a change in between is caught)
 * @returns the signature, or why not
 */
export async function signWithLink(
  db: Db,
  token: string,
  input: { name: string; expectedContentHash?: string; now?: Date },
): Promise<{ ok: true; signature: SignerSignature } | LinkRefused | TooLong | { ok: false; reason: "no-name" | "changed" }> {
  const name = input.name.trim();
  const long = tooLong({ name: [name, TEXT_LIMITS.name] });
  if (long) return long;
  if (!name) return { ok: false, reason: "no-name" };
  return writeTransaction(db, async () => {
    const now = input.now ?? new Date();
    const opened = (await openSigningLink(db, token, now));
    if (!opened.ok) return opened;
    if (input.expectedContentHash !== undefined && input.expectedContentHash !== opened.contentHash) return { ok: false as const, reason: "changed" as const };
    const row = (await linkByToken(db, token))!;
    const signature = {
      id: newId(),
      centreId: row.centreId,
      learnerId: row.learnerId,
      documentId: row.documentId,
      field: row.field,
      signerName: name,
      signedOn: nowIso(now).slice(0, 10),
      contentHash: opened.contentHash,
      signedAt: nowIso(now),
      linkId: row.id,
    };
    const used = (await run(db, db.update(signingLinks).set({ usedAt: signature.signedAt }).where(and(eq(signingLinks.id, row.id), sql`${signingLinks.usedAt} is null`))));
    if (used !== 1) return { ok: false as const, reason: "used" as const };
    (await run(db, db.insert(signerSignatures).values(signature)));
    (await appendAudit(db, {
      centreId: row.centreId,
      actorUserId: null,
      action: "signature.sign",
      entityType: "document",
      entityId: row.documentId,
      after: { field: row.field, signerName: name, signedOn: signature.signedOn, contentHash: signature.contentHash, linkId: row.id },
    }));
    return { ok: true as const, signature: { id: signature.id, documentId: signature.documentId, field: signature.field, signerName: name, signedOn: signature.signedOn, signedAt: signature.signedAt, contentHash: signature.contentHash, matching: true } };
  });
}

/**
 * The signatures made by signers on a document, each marked matching or not against the document as
 * it is now.
 *
 * @param db - the connection
 * @param scope - anyone who may see the document
 * @param documentId - the document
 * @returns the signatures, oldest first; empty when the document is not visible
 */
export async function listSignerSignatures(db: Db, scope: Scope, documentId: string): Promise<SignerSignature[]> {
  const document = (await getDocument(db, scope, documentId));
  if (!document) return [];
  const current = signedContentHash(document);
  return (await all(db, db
    .select()
    .from(signerSignatures)
    .where(and(eq(signerSignatures.centreId, scope.centreId), eq(signerSignatures.documentId, documentId)))
    .orderBy(signerSignatures.signedAt)))
    .map((s) => ({ id: s.id, documentId: s.documentId, field: s.field, signerName: s.signerName, signedOn: s.signedOn, signedAt: s.signedAt, contentHash: s.contentHash, matching: s.contentHash === current }));
}

/**
 * What the signers did on a learner's documents, as core's rules read it (`PortfolioDocument.signerSignatures`):
 * for each document given, by signature field, the signature its signer made through a link (a matching
 * one before one that no longer matches, the latest of each), matched against the data given: the
 * document as it is now, or as it was submitted. One query for the learner.
 *
 * @param db - the connection
 * @param scope - anyone who may see the learner
 * @param learnerId - the learner whose documents they are
 * @param docs - the documents (id, template, version and data)
 * @returns by document id, the signers' signatures by field (empty for a document nobody signed); an empty map when the learner is not visible
 */
export async function signerSignatureStates(
  db: Db,
  scope: Scope,
  learnerId: string,
  docs: Pick<StoredDocument, "id" | "templateId" | "templateVersion" | "data">[],
): Promise<Map<string, Record<string, SignerSignatureState>>> {
  const states = new Map<string, Record<string, SignerSignatureState>>();
  if (!(await getLearner(db, scope, learnerId))) return states;
  const rows = (await all(db, db
    .select({ documentId: signerSignatures.documentId, field: signerSignatures.field, signerName: signerSignatures.signerName, signedOn: signerSignatures.signedOn, contentHash: signerSignatures.contentHash })
    .from(signerSignatures)
    .where(and(eq(signerSignatures.centreId, scope.centreId), eq(signerSignatures.learnerId, learnerId)))
    .orderBy(signerSignatures.signedAt, signerSignatures.id)));
  const byDocument = new Map<string, typeof rows>();
  for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  for (const doc of docs) {
    const state: Record<string, SignerSignatureState> = {};
    const made = byDocument.get(doc.id);
    if (made) {
      const current = signedContentHash(doc);
      for (const row of made) {
        const matching = row.contentHash === current;
        // Later rows replace earlier ones, except that a signature that no longer matches never replaces one that does.
        if (state[row.field]?.matching && !matching) continue;
        state[row.field] = { name: row.signerName, date: row.signedOn, matching };
      }
    }
    states.set(doc.id, state);
  }
  return states;
}
