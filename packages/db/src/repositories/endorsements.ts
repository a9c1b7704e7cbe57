import { and, desc, eq, inArray } from "drizzle-orm";
import { registry } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { documentEndorsements, type EndorsementKind } from "../schema/endorsements.ts";
import { users } from "../schema/people.ts";
import { newId, nowIso } from "../util/ids.ts";
import { getDocument } from "./documents.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { all, run } from "../access/engine.ts";

/** A confirmation or an approval of a document, and whether it stands for the document as it is now. */
export interface Endorsement {
  id: string;
  documentId: string;
  kind: EndorsementKind;
  documentVersion: number;
  userId: string;
  name: string;
  role: string;
  createdAt: string;
  /** True when given for the document's current version. */
  current: boolean;
}

/**
 * The roles a document's template lets confirm (`x-ilm.confirmedBy`) or approve (`x-ilm.approvedBy`) it.
 *
 * @param templateId - the template
 * @param templateVersion - its version
 * @param kind - `confirmed` or `approved`
 * @returns the roles; none when the template asks for neither
 */
export function endorsingRoles(templateId: string, templateVersion: string, kind: EndorsementKind): string[] {
  const annotations = registry.get(templateId, templateVersion)?.annotations;
  return (kind === "confirmed" ? annotations?.confirmedBy : annotations?.approvedBy) ?? [];
}

/**
 * A learner confirms a record another wrote about them, or the centre (admin, IQA) approves one, for
 * the version the person read: only a role the template names may, the learner only their own, and
 * not a version that has changed since (`changed`).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the document, the kind and the version read
 * @returns the endorsement's id, or why not
 */
export async function endorseDocument(
  db: Db,
  scope: Scope,
  input: { documentId: string; kind: EndorsementKind; expectedVersion: number },
): Promise<{ ok: true; id: string } | NotFound | Forbidden | { ok: false; reason: "changed"; currentVersion: number }> {
  return writeTransaction(db, async () => {
    const document = (await getDocument(db, scope, input.documentId));
    if (!document) return NOT_FOUND;
    if (!endorsingRoles(document.templateId, document.templateVersion, input.kind).includes(scope.role)) return FORBIDDEN;
    if (document.version !== input.expectedVersion) return { ok: false as const, reason: "changed" as const, currentVersion: document.version };
    const row = { id: newId(), centreId: scope.centreId, learnerId: document.learnerId, documentId: document.id, kind: input.kind, documentVersion: document.version, userId: scope.userId, role: scope.role, createdAt: nowIso() };
    (await run(db, db.insert(documentEndorsements).values(row)));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: `document.${input.kind}`, entityType: "document", entityId: document.id, after: { kind: input.kind, documentVersion: document.version, role: scope.role } }));
    return { ok: true as const, id: row.id };
  });
}

/**
 * The confirmations and approvals of a learner's documents the caller can see, newest first.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param documents - the documents (id and current version), as the caller read them
 * @returns the endorsements, each said to stand for the current version or not
 */
export async function listEndorsements(db: Db, scope: Scope, documents: { id: string; version: number }[]): Promise<Endorsement[]> {
  if (documents.length === 0) return [];
  const versions = new Map(documents.map((d) => [d.id, d.version]));
  return (await all(db, db
    .select({ row: documentEndorsements, name: users.name })
    .from(documentEndorsements)
    .innerJoin(users, eq(users.id, documentEndorsements.userId))
    .where(and(eq(documentEndorsements.centreId, scope.centreId), inArray(documentEndorsements.documentId, [...versions.keys()])))
    .orderBy(desc(documentEndorsements.createdAt))))
    .map(({ row, name }) => ({ id: row.id, documentId: row.documentId, kind: row.kind, documentVersion: row.documentVersion, userId: row.userId, name, role: row.role, createdAt: row.createdAt, current: versions.get(row.documentId) === row.documentVersion }));
}

/**
 * The approvals of a learner's documents (document and the version approved), for the rules: a
 * document whose template asks for approval counts only when approved as it is now.
 *
 * @param db - the connection
 * @param scope - the caller, who can see the learner
 * @param learnerId - the learner
 * @returns `documentId@version` of every approval given
 */
export async function approvedVersions(db: Db, scope: Scope, learnerId: string): Promise<Set<string>> {
  const rows = (await all(db, db
    .select({ documentId: documentEndorsements.documentId, version: documentEndorsements.documentVersion })
    .from(documentEndorsements)
    .where(and(eq(documentEndorsements.centreId, scope.centreId), eq(documentEndorsements.learnerId, learnerId), eq(documentEndorsements.kind, "approved")))));
  return new Set(rows.map((r) => `${r.documentId}@${r.version}`));
}
