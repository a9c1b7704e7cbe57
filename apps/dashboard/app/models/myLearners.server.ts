import { listLearners, type Db, type Scope } from "@ilm-forms/db";
import { paginate } from "./paginate.ts";
import { documentLabel, learnerProgress } from "./portfolio.server.ts";
import { learnerRecords } from "./records.server.ts";

/**
 * The learners an assessor is assigned (every learner of the centre for IQA), each unit at a glance:
 * what the automatic checks show and the criteria not met, and for an assessor the records they keep
 * about the learner (professional discussion, observation ...), as the schemas declare.
 *
 * Ten learners a page (`?page=`): each learner's units are checked only for the page shown, so a
 * centre of hundreds of learners costs what ten do.
 *
 * @param db - the connection
 * @param scope - the assessor's or IQA's scope
 * @param url - the request's URL (the page asked for)
 * @returns the learners of the page, and where the page is
 */
export async function myLearners(db: Db, scope: Scope, url: URL) {
  const paged = paginate(await listLearners(db, scope), url, "page", LEARNERS_PER_PAGE);
  const rows = await Promise.all(paged.rows.map(async (learner) => {
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
  return { ...paged, rows };
}

/** How many learners "My learners" shows a page (each is checked unit by unit). */
export const LEARNERS_PER_PAGE = 10;
