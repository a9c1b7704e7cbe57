import { getCentre, getLearner, listDecisions, listMembers, listRatifications, listSubmissions, type AssessorDecision, type Db, type QaRatification, type Scope, type Submission } from "@ilm-forms/db";
import { assessmentState, submissionMarks } from "./assessment.server.ts";
import { paginate } from "./paginate.ts";
import { createReadCache, scopeKey } from "./readCache.server.ts";
import { SAMPLING_CLEARANCE, samplingPlan, type PastReview, type SampleCandidate } from "./sampling.ts";

/** The state of a unit in the assessor's lists, in words. */
function stateInWords(state: ReturnType<typeof assessmentState>): string {
  if (state.code === "returned-by-qa") return "Returned by quality assurance";
  if (state.code === "being-assessed") return "Draft marks saved";
  // A marks unit's outcome is its total (decision 052).
  if (state.code === "ratified") return `Ratified ${state.outcome ?? state.marks ?? ""}`;
  if (state.code === "provisional") return `Provisional ${state.outcome ?? state.marks ?? ""}`;
  return "New";
}

/**
 * The assessor's home page: the units to mark, those assessed and waiting for quality assurance, and
 * those ratified, each list 25 a page (`?page=`, `?assessed-page=`, `?ratified-page=`).
 *
 * @param db - the connection
 * @param scope - the assessor's scope (their learners only)
 * @param url - the request's URL (the pages asked for)
 * @returns the three lists, paged
 */
export async function assessorQueues(db: Db, scope: Scope, url: URL) {
  // Each list is read again only after a write (by anyone): shown again and again while nothing
  // changes, the queue asks none of its per-submission questions (decision 057). Shared: never changed.
  const rows = (status: "submitted" | "assessed") => queueCache.get(db, `${scopeKey(scope)}|${status}`, () => readQueueRows(db, scope, status));
  const assessed = await rows("assessed");
  return {
    queue: paginate(await rows("submitted"), url),
    assessed: paginate(assessed.filter((s) => !s.state.startsWith("Ratified")), url, "assessed-page"),
    ratified: paginate(assessed.filter((s) => s.state.startsWith("Ratified")), url, "ratified-page"),
  };
}

/** One row of the assessor's lists. */
export interface QueueRow {
  id: string;
  unit: string;
  learner: string;
  submittedAt: string;
  submitted: string;
  attempt: number;
  state: string;
}

const queueCache = createReadCache<QueueRow[]>(500);

async function readQueueRows(db: Db, scope: Scope, status: "submitted" | "assessed"): Promise<QueueRow[]> {
  return Promise.all((await listSubmissions(db, scope, { status: [status] })).map(async (s) => ({
      id: s.id,
      unit: s.unit,
      learner: (await getLearner(db, scope, s.learnerId))?.name ?? "",
      submittedAt: s.submittedAt,
      submitted: s.submittedAt.slice(0, 10),
      attempt: s.attempt,
      state: stateInWords(assessmentState(s, await listDecisions(db, scope, s.id), await listRatifications(db, scope, s.id))),
    })));
}

/** Every unit submitted in a centre, with its decisions, quality assurance's reviews and the learner's name, and the names of the centre's people. */
export interface CentreUnits {
  names: Map<string, string>;
  units: { submission: Submission; decisions: AssessorDecision[]; reviews: QaRatification[]; learner: string }[];
}

/**
 * Reads every unit submitted in the caller's centre with what the IQA's and the EQA's lists need of it,
 * once for a page.
 *
 * @param db - the connection
 * @param scope - the IQA's or EQA's scope (their centre)
 * @returns the units, in the order the submissions are listed, and the people's names
 */
export async function readCentreUnits(db: Db, scope: Scope): Promise<CentreUnits> {
  const names = new Map((await listMembers(db, scope)).map((m) => [m.userId, m.name]));
  const units: CentreUnits["units"] = [];
  for (const submission of await listSubmissions(db, scope)) {
    units.push({
      submission,
      decisions: await listDecisions(db, scope, submission.id),
      reviews: await listRatifications(db, scope, submission.id),
      learner: (await getLearner(db, scope, submission.learnerId))?.name ?? "",
    });
  }
  return { names, units };
}

/**
 * The IQA's home page: the sampling plan over the assessed units waiting for quality assurance (in the
 * sample, not sampled) and the units already ratified, each list 25 a page (`?page=`, `?other=`, `?ratified-page=`).
 *
 * @param db - the connection
 * @param scope - the IQA's scope (their centre)
 * @param seed - what makes the random part of the plan reproducible (the centre's id)
 * @param url - the request's URL (the pages asked for)
 * @param params - the query parameters of the three lists' pages (the EQA's page shows the plan beside lists of its own)
 * @param read - the centre's units, when the page has read them already (the EQA's page reads them once for both its lists)
 * @returns the centre's rate and the three lists, paged
 */
export async function iqaSample(db: Db, scope: Scope, seed: string, url: URL, params = { sample: "page", other: "other", ratified: "ratified-page" }, read?: CentreUnits) {
  const { names, units } = read ?? (await readCentreUnits(db, scope));
  const history: PastReview[] = [];
  const waiting: (SampleCandidate & { learner: string; attempt: number; submittedAt: string; assessor: string; shown: string })[] = [];
  const ratified: { id: string; learner: string; unit: string; attempt: number; result: string }[] = [];
  for (const { submission: s, decisions, reviews, learner } of units) {
    const assessorUserId = decisions[0]?.assessorUserId ?? "";
    for (const r of reviews) history.push({ assessorUserId, unit: s.unit, decision: r.decision, decidedAt: r.decidedAt });
    if (s.result) ratified.push({ id: s.id, learner, unit: s.unit, attempt: s.attempt, result: s.result === "Marked" ? (submissionMarks(s, decisions)?.words ?? s.result) : s.result });
    else if (s.status === "assessed") {
      // A marks unit's provisional outcome is its total (decision 052); sampling treats it as no Referral.
      const marked = submissionMarks(s, decisions);
      const outcome = marked ? (marked.outcome ?? "Pass") : decisions.some((d) => d.decision === "Referral") ? "Referral" : "Pass";
      waiting.push({
        id: s.id,
        assessorUserId,
        unit: s.unit,
        outcome,
        shown: marked?.words ?? outcome,
        decidedAt: decisions.map((d) => d.decidedAt).sort().at(-1) ?? s.submittedAt,
        learner,
        attempt: s.attempt,
        submittedAt: s.submittedAt,
        assessor: names.get(assessorUserId) ?? "",
      });
    }
  }
  const percent = (await getCentre(db, scope))?.iqaSamplePercent ?? 25;
  const plan = samplingPlan(waiting, history, { percent, clearance: SAMPLING_CLEARANCE, seed });
  const rows = waiting.map((w) => ({ id: w.id, learner: w.learner, unit: w.unit, assessor: w.assessor, attempt: w.attempt, outcome: w.shown, submittedAt: w.submittedAt, ...plan.get(w.id)! }));
  return {
    percent,
    sample: paginate(rows.filter((r) => r.inSample), url, params.sample),
    notSampled: paginate(rows.filter((r) => !r.inSample), url, params.other),
    ratified: paginate(ratified, url, params.ratified),
  };
}
