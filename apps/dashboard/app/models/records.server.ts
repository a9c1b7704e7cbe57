import { mayWrite, registry, type Template } from "@ilm-forms/core";
import { createDocument, getDocument, getLearner, listDocuments, saveDocument, type Db, type Role, type Scope } from "@ilm-forms/db";

/**
 * The records a role keeps about a learner rather than the learner: templates whose `x-ilm.writers`
 * name the role but not the learner (the assessor's professional discussion and observation records,
 * the centre's exceptional-circumstances record). None is named here: the schemas say which.
 *
 * @param role - the caller's role
 * @param qualifications - the qualifications the learner is registered on
 * @returns the templates, current versions, in registry order
 */
export function recordTemplates(role: Role, qualifications: string[]): Template[] {
  return registry.list().filter((t) => qualifications.some((q) => t.id.startsWith(`${q}/`)) && mayWrite(t, role) && !mayWrite(t, "learner"));
}

/** A learner and the records the caller keeps about them, or undefined when the learner is not theirs. */
export async function learnerRecords(db: Db, scope: Scope, learnerId: string, qualifications: string[]) {
  const learner = (await getLearner(db, scope, learnerId));
  if (!learner) return undefined;
  const templates = recordTemplates(scope.role, qualifications);
  const ids = new Set(templates.map((t) => t.id));
  return {
    learner,
    templates,
    records: (await listDocuments(db, scope, learnerId)).filter((d) => ids.has(d.templateId)),
  };
}

/**
 * A record the caller keeps, to read or change (any document the caller may read; the route checks the template).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the record
 * @returns the stored record, or undefined
 */
export function keptRecord(db: Db, scope: Scope, id: string) {
  return getDocument(db, scope, id);
}

/**
 * Saves a change to a record the caller keeps (validated; optimistic locking on the version read; the
 * data layer refuses a template the caller's role may not write).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the record, the version read, the new data
 * @returns the new version, or why not
 */
export function saveKeptRecord(db: Db, scope: Scope, input: { id: string; expectedVersion: number; data: Record<string, unknown> }) {
  return saveDocument(db, scope, input);
}

/**
 * Creates a record the caller keeps about a learner (validated; the data layer checks the caller's role may write the template).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the learner, the template, the data
 * @returns the new id, or why not
 */
export function createKeptRecord(db: Db, scope: Scope, input: { learnerId: string; templateId: string; data: Record<string, unknown> }) {
  return createDocument(db, scope, input);
}
