import { registry } from "@ilm-forms/core";
import { endorseDocument, endorsingRoles, getDocument, getLearner, listEndorsements, type Db, type Scope } from "@ilm-forms/db";
import { documentAttachments } from "./attachments.server.ts";
import { documentSignatures, signatureStates } from "./signatures.server.ts";

/**
 * A document, read-only, for the people who assess and quality-assure it (scoped by the database):
 * its data, title, learner, signatures and files.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the document
 * @returns what the page shows, or undefined when the caller may not read it
 */
export async function documentToRead(db: Db, scope: Scope, id: string) {
  const document = await getDocument(db, scope, id);
  if (!document) return undefined;
  const learner = await getLearner(db, scope, document.learnerId);
  const signatures = await documentSignatures(db, scope, document);
  return {
    document: { id: document.id, templateId: document.templateId, templateVersion: document.templateVersion, data: document.data, version: document.version, updatedAt: document.updatedAt },
    title: registry.get(document.templateId, document.templateVersion)?.title ?? document.templateId,
    learner: learner?.name ?? "",
    signatures,
    signatureStates: signatureStates(document.data, signatures),
    files: await documentAttachments(db, scope, document.learnerId, document.id),
  };
}

/**
 * The centre's approval of a record whose template asks for one (`x-ilm.approvedBy`): who may give it, and whether it stands.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param document - the record (its version: an approval holds for the version approved)
 * @returns null when the template asks for no approval; otherwise the current approval, whether an earlier version was approved, and whether the caller may approve
 */
export async function recordApproval(db: Db, scope: Scope, document: { id: string; version: number; templateId: string; templateVersion: string }) {
  const roles = endorsingRoles(document.templateId, document.templateVersion, "approved");
  if (roles.length === 0) return null;
  const approvals = (await listEndorsements(db, scope, [document])).filter((e) => e.kind === "approved");
  const current = approvals.find((e) => e.current);
  return {
    current: current ? { name: current.name, role: current.role, on: current.createdAt.slice(0, 10) } : null,
    earlier: !current && approvals.length > 0,
    mayApprove: roles.includes(scope.role),
  };
}

/**
 * The caller approves (`approved`) or, as the learner, confirms (`confirmed`) the version of a record they read.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the record, the kind, the version read
 * @returns ok, or why not (changed since read, forbidden for the caller's role, not found)
 */
export function endorseRecord(db: Db, scope: Scope, input: { documentId: string; kind: "approved" | "confirmed"; expectedVersion: number }) {
  return endorseDocument(db, scope, input);
}

/**
 * When the learner confirmed the current version of a record's notes, for a template that asks the learner to.
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param document - the record
 * @returns null when the learner confirms no such record; otherwise when they confirmed this version (null: not yet)
 */
export async function learnerConfirmation(db: Db, scope: Scope, document: { id: string; version: number; templateId: string; templateVersion: string }): Promise<{ given: string | null } | null> {
  if (!endorsingRoles(document.templateId, document.templateVersion, "confirmed").includes("learner")) return null;
  return { given: (await listEndorsements(db, scope, [document])).find((e) => e.kind === "confirmed" && e.userId === scope.userId && e.current)?.createdAt ?? null };
}
