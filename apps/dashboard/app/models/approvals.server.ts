import { registry } from "@ilm-forms/core";
import { listDocuments, listEndorsements, listLearners, type Db, type Scope } from "@ilm-forms/db";
import { documentLabel } from "./portfolio.server.ts";

/** A record that waits for the centre's approval. */
export interface AwaitingApproval {
  id: string;
  learner: string;
  label: string;
  updatedAt: string;
  /** True when it was approved before and changed since. */
  changed: boolean;
}

/**
 * The records of the centre's learners whose templates ask for the centre's approval
 * (`x-ilm.approvedBy` names the caller's role) and that are not approved as they are now.
 *
 * @param db - the connection
 * @param scope - a centre admin or IQA
 * @returns the records, oldest change first
 */
export async function recordsAwaitingApproval(db: Db, scope: Scope): Promise<AwaitingApproval[]> {
  const templates = new Set(registry.list().filter((t) => (t.annotations.approvedBy ?? []).includes(scope.role as never)).map((t) => t.id));
  if (templates.size === 0) return [];
  const out: AwaitingApproval[] = [];
  for (const learner of (await listLearners(db, scope))) {
    const documents = (await listDocuments(db, scope, learner.id)).filter((d) => templates.has(d.templateId));
    if (documents.length === 0) continue;
    const approvals = (await listEndorsements(db, scope, documents)).filter((e) => e.kind === "approved");
    for (const d of documents) {
      const mine = approvals.filter((e) => e.documentId === d.id);
      if (mine.some((e) => e.current)) continue;
      out.push({ id: d.id, learner: learner.name, label: documentLabel(d), updatedAt: d.updatedAt, changed: mine.length > 0 });
    }
  }
  return out.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}
