import { mayWrite, registry, type Template } from "@ilm-forms/core";
import { getLearner, listDocuments, type Db, type Role, type Scope } from "@ilm-forms/db";

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
