import { listLearners, type Db, type Scope } from "@ilm-forms/db";
import { documentLabel, learnerProgress } from "./portfolio.server.ts";
import { learnerRecords } from "./records.server.ts";

/**
 * The learners an assessor is assigned (every learner of the centre for IQA), each unit at a glance:
 * what the automatic checks show and the criteria not met, and for an assessor the records they keep
 * about the learner (professional discussion, observation ...), as the schemas declare.
 *
 * @param db - the connection
 * @param scope - the assessor's or IQA's scope
 * @returns the learners
 */
export async function myLearners(db: Db, scope: Scope) {
  return Promise.all((await listLearners(db, scope)).map(async (learner) => {
    const progress = await learnerProgress(db, scope, learner.id);
    const kept = scope.role === "assessor" ? await learnerRecords(db, scope, learner.id, [...new Set(progress.map((p) => p.registration.qualification))]) : undefined;
    return {
      id: learner.id,
      name: learner.name,
      learnerNumber: learner.learnerNumber,
      recordTemplates: (kept?.templates ?? []).map((t) => ({ id: t.id, title: t.title })),
      records: (kept?.records ?? []).map((d) => ({ id: d.id, label: documentLabel(d), updatedAt: d.updatedAt })),
      units: progress.map((p) => ({
        id: p.unit.id,
        thresholds: p.unit.thresholds ?? {},
        summary: p.check.summary,
        notMet: p.check.findings.filter((f) => f.status === "not met").map((f) => ({ criterion: f.criterion, reasons: f.reasons })),
      })),
    };
  }));
}
