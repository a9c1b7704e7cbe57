import { markedOutcome, qualificationOutcome, registry, type MarkedOutcome } from "@ilm-forms/core";
import { createReadCache, scopeKey } from "./readCache.server.ts";
import { getCentre, listAssessmentComments, listDecisions, listEqaReviews, listRatifications, listRegistrations, listSubmissions, type AssessorDecision, type Db, type QaRatification, type Scope, type Submission } from "@ilm-forms/db";

/** Where a unit stands in the assessment cycle, as every page says it. */
export type AssessmentStateCode = "not-submitted" | "submitted" | "being-assessed" | "returned-by-qa" | "returned-to-learner" | "provisional" | "ratified";

/** A unit's state in words, with what the learner may see of the decision. */
export interface AssessmentState {
  code: AssessmentStateCode;
  /** One sentence: what is happening and what happens next. */
  words: string;
  attempt: number;
  /** The unit's outcome once the assessor has recorded it: provisional until ratified. */
  outcome?: "Pass" | "Referral";
  /** A marks unit's total in words ("72 out of 100"), once every criterion is marked: its outcome where no pass mark is declared. */
  marks?: string;
  ratified: boolean;
  /**
   * The decision is final: ratified by internal quality assurance and, where the centre requires it,
   * verified by its external quality assurer. Until then the learner reads it as provisional.
   */
  final: boolean;
}

/** External quality assurance of one submission: whether the centre waits for it, and when it came. */
export interface ExternalCheck {
  /** The centre's setting: decisions are final only after external verification. */
  required: boolean;
  /** When the EQA verified the submission (ISO), if they have. */
  verifiedAt?: string;
}

/** A centre that does not wait for external verification: decisions are final at IQA ratification. */
const NOT_REQUIRED: ExternalCheck = { required: false };

/**
 * A marks unit's outcome from the marks its decisions carry (core's markedOutcome: the total, and Pass or
 * Referral only where the unit's data declares a pass mark); undefined for a Pass/Referral unit.
 *
 * @param submission - the submission (its qualification and unit)
 * @param decisions - its decisions
 * @returns the marked outcome, or undefined when no decision carries marks
 */
export function submissionMarks(submission: Pick<Submission, "qualification" | "unit">, decisions: Pick<AssessorDecision, "criterion" | "marks">[]): MarkedOutcome | undefined {
  if (!decisions.some((d) => d.marks !== null)) return undefined;
  const unit = registry.unit(submission.qualification, submission.unit);
  return unit ? markedOutcome(unit, Object.fromEntries(decisions.map((d) => [d.criterion, d.marks]))) : undefined;
}

/**
 * The state of one submission in words (GOV.UK's "what happens next"), from its status, its decisions
 * and quality assurance's reviews.
 *
 * @param submission - the latest submission of the unit, or undefined
 * @param decisions - its decisions
 * @param ratifications - its reviews, oldest first
 * @param external - external quality assurance: the centre's setting and the verification, if any
 * @returns the state
 */
export function assessmentState(submission: Submission | undefined, decisions: AssessorDecision[], ratifications: QaRatification[], external: ExternalCheck = NOT_REQUIRED): AssessmentState {
  if (!submission) return { code: "not-submitted", words: "Not submitted yet.", attempt: 1, ratified: false, final: false };
  const attempt = submission.attempt;
  const marked = submissionMarks(submission, decisions);
  const marks = marked && marked.errors.length === 0 ? marked.words : undefined;
  const outcome = marked ? marked.outcome : decisions.some((d) => d.decision === "Referral") ? "Referral" : decisions.length ? "Pass" : undefined;
  const lastReview = ratifications[ratifications.length - 1];
  const on = (iso: string) => iso.slice(0, 10);
  if (submission.result === "Marked") {
    // A marks unit with no pass mark: its outcome is its total (decision 052).
    const awaitingEqa = external.required && !external.verifiedAt;
    const ratifiedOn = on(lastReview?.decidedAt ?? submission.submittedAt);
    const words = awaitingEqa
      ? `Provisional marks (attempt ${attempt}): ${marks ?? "marked"}; internal quality assurance ratified them on ${ratifiedOn}; they are final once the external quality assurer verifies them.`
      : `Ratified (attempt ${attempt}): ${marks ?? "marked"}. Quality assurance agreed the assessor's marks on ${ratifiedOn}${external.verifiedAt ? ` and the external quality assurer verified them on ${on(external.verifiedAt)}` : ""}.`;
    return { code: "ratified", words, attempt, ...(marks ? { marks } : {}), ratified: true, final: !awaitingEqa };
  }
  if (submission.result) {
    const awaitingEqa = external.required && !external.verifiedAt;
    const ratifiedOn = on(lastReview?.decidedAt ?? submission.submittedAt);
    const words = awaitingEqa
      ? `Provisional ${submission.result} (attempt ${attempt}): internal quality assurance ratified it on ${ratifiedOn}; it is final once the external quality assurer verifies it.${submission.result === "Referral" ? ` Meanwhile work on the referred criteria below, then submit attempt ${attempt + 1}.` : ""}`
      : submission.result === "Pass"
        ? `Ratified Pass (attempt ${attempt}): quality assurance agreed the assessor's decision on ${ratifiedOn}${external.verifiedAt ? ` and the external quality assurer verified it on ${on(external.verifiedAt)}` : ""}.`
        : `Ratified Referral (attempt ${attempt}): work on the referred criteria below, then submit attempt ${attempt + 1}.`;
    return { code: "ratified", words, attempt, outcome: submission.result, ...(marks ? { marks } : {}), ratified: true, final: !awaitingEqa };
  }
  if (submission.status === "returned") {
    return { code: "returned-to-learner", words: `Returned to you by the assessor (attempt ${attempt}): change your documents and submit the unit again.`, attempt, ratified: false, final: false };
  }
  if (submission.status === "assessed") {
    if (marked) {
      const words = `Provisional marks (attempt ${attempt}): ${marks ?? "marked"}, waiting for quality assurance to ratify them.`;
      return { code: "provisional", words, attempt, ...(outcome ? { outcome } : {}), ...(marks ? { marks } : {}), ratified: false, final: false };
    }
    return { code: "provisional", words: `Provisional ${outcome ?? "decision"} (attempt ${attempt}): the assessor's decision, waiting for quality assurance to ratify it.`, attempt, ...(outcome ? { outcome } : {}), ratified: false, final: false };
  }
  if (lastReview?.decision === "return") {
    return { code: "returned-by-qa", words: `Returned by quality assurance to the assessor on ${on(lastReview.decidedAt)} (attempt ${attempt}): the assessor is reviewing the decision.`, attempt, ratified: false, final: false };
  }
  if (decisions.length) return { code: "being-assessed", words: `Being assessed (attempt ${attempt}): your assessor has started marking.`, attempt, ratified: false, final: false };
  return { code: "submitted", words: `Submitted on ${on(submission.submittedAt)} (attempt ${attempt}): waiting for your assessor.`, attempt, ratified: false, final: false };
}

/** A learner's submission with its decisions and reviews, each read once for every view below. */
export interface SubmissionRecord {
  submission: Submission;
  decisions: AssessorDecision[];
  ratifications: QaRatification[];
  external: ExternalCheck;
}

/**
 * A learner's submissions, newest first, with their decisions and reviews.
 *
 * @param db - the connection
 * @param scope - the learner, or anyone who may see the learner
 * @param learnerId - the learner
 * @returns the records
 */
export function learnerSubmissions(db: Db, scope: Scope, learnerId: string): Promise<SubmissionRecord[]> {
  // Read again only after a write (by anyone): a page shown again and again while nothing changes
  // asks none of the per-submission questions below (decision 057). The answer is shared: read it, never change it.
  return submissionsCache.get(db, `${scopeKey(scope)}|${learnerId}`, () => readLearnerSubmissions(db, scope, learnerId));
}

const submissionsCache = createReadCache<SubmissionRecord[]>(500);

async function readLearnerSubmissions(db: Db, scope: Scope, learnerId: string): Promise<SubmissionRecord[]> {
  const required = (await getCentre(db, scope))?.eqaVerificationRequired ?? false;
  return (await Promise.all((await listSubmissions(db, scope, { learnerId })).map(async (submission) => ({
    submission,
    decisions: (await listDecisions(db, scope, submission.id)),
    ratifications: (await listRatifications(db, scope, submission.id)),
    external: await externalCheck(db, scope, submission.id, required),
  }))));
}

/**
 * External quality assurance of a submission: the centre's setting and the EQA's verification.
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @param required - the centre's setting, when the caller has read it; read here otherwise
 * @returns the check
 */
export async function externalCheck(db: Db, scope: Scope, submissionId: string, required?: boolean): Promise<ExternalCheck> {
  required ??= (await getCentre(db, scope))?.eqaVerificationRequired ?? false;
  const verifiedAt = (await listEqaReviews(db, scope, submissionId)).find((r) => r.kind === "verified")?.createdAt;
  return { required, ...(verifiedAt ? { verifiedAt } : {}) };
}

/** What a learner may see of one unit's assessment. */
export interface LearnerAssessment {
  submissionId?: string;
  state: AssessmentState;
  /** Decisions with feedback, once the assessor has recorded them (never draft marks). */
  decisions: { criterion: string; decision: string; feedback: string }[];
  /** Learning-outcome comments (assessor) and QA comments, once recorded. */
  comments: { target: string; comment: string }[];
  /** The criteria referred in a ratified Referral: what to work on for the next attempt. */
  toWorkOn: string[];
}

/**
 * The assessment of each unit of a learner, as the learner sees it.
 *
 * @param db - the connection
 * @param scope - the learner (or anyone who may see the learner)
 * @param learnerId - the learner
 * @param records - the learner's submissions, when the caller has read them already
 * @returns by unit id
 */
export async function learnerAssessments(db: Db, scope: Scope, learnerId: string, records?: SubmissionRecord[]): Promise<Map<string, LearnerAssessment>> {
  records ??= await learnerSubmissions(db, scope, learnerId);
  const latest = new Map<string, SubmissionRecord>();
  for (const record of records) if (!latest.has(record.submission.unit)) latest.set(record.submission.unit, record);
  const out = new Map<string, LearnerAssessment>();
  for (const [unit, { submission, decisions, ratifications, external }] of latest) {
    const state = assessmentState(submission, decisions, ratifications, external);
    const visible = state.code === "provisional" || state.code === "ratified";
    out.set(unit, {
      submissionId: submission.id,
      state,
      decisions: visible ? decisions.map((d) => ({ criterion: d.criterion, decision: d.decision ?? `${d.marks ?? 0} marks`, feedback: d.feedback })) : [],
      comments: visible ? (await listAssessmentComments(db, scope, submission.id)).filter((c) => state.ratified || !c.target.startsWith("qa:")).map((c) => ({ target: c.target, comment: c.comment })) : [],
      toWorkOn: state.ratified && state.outcome === "Referral" ? decisions.filter((d) => d.decision === "Referral").map((d) => d.criterion) : [],
    });
  }
  return out;
}

/** One line of a learner's "what's new". */
export interface NewsItem {
  at: string;
  unit: string;
  text: string;
}

/**
 * What happened to a learner's submissions, newest first: submitted, decision recorded, returned,
 * ratified, referred. It replaces notifications: the learner sees it on the home page.
 *
 * @param db - the connection
 * @param scope - the learner
 * @param learnerId - the learner
 * @param records - the learner's submissions, when the caller has read them already
 * @param limit - how many lines
 * @returns the news
 */
export async function learnerNews(db: Db, scope: Scope, learnerId: string, records?: SubmissionRecord[], limit = 8): Promise<NewsItem[]> {
  records ??= await learnerSubmissions(db, scope, learnerId);
  const news: NewsItem[] = [];
  for (const { submission, decisions, ratifications: reviews, external } of records) {
    const unit = submission.unit;
    const attempt = submission.attempt > 1 ? ` (attempt ${submission.attempt})` : "";
    news.push({ at: submission.submittedAt, unit, text: `You submitted Unit ${unit}${attempt} for assessment.` });
    if (submission.status === "returned") news.push({ at: submission.submittedAt, unit, text: `Your assessor returned Unit ${unit} to you.` });
    if (submission.status === "assessed" || submission.result) {
      const at = decisions.map((d) => d.decidedAt).sort().at(-1) ?? submission.submittedAt;
      const marked = submissionMarks(submission, decisions);
      const outcome = marked ? marked.outcome : decisions.some((d) => d.decision === "Referral") ? "Referral" : "Pass";
      news.push({ at, unit, text: marked ? `Your assessor recorded provisional marks for Unit ${unit}${attempt}: ${marked.words}.` : `Your assessor recorded a provisional ${outcome} for Unit ${unit}${attempt}.` });
    }
    const ratified = reviews.find((r) => r.decision === "ratify");
    if (ratified && submission.result) {
      const words = submissionMarks(submission, decisions)?.words;
      news.push({
        at: ratified.decidedAt,
        unit,
        text: submission.result === "Marked"
          ? `Unit ${unit} is ratified: ${words ?? "marked"}${external.required ? " (provisional until the external quality assurer verifies it)" : ""}.`
          : submission.result === "Pass"
            ? `Unit ${unit} is ratified: Pass${words ? ` (${words})` : ""}${external.required ? " (provisional until the external quality assurer verifies it)" : ""}.`
            : `Unit ${unit} is ratified as a Referral${words ? ` (${words})` : ""}: attempt ${submission.attempt + 1} is open.`,
      });
    }
    if (external.verifiedAt && submission.result) news.push({ at: external.verifiedAt, unit, text: `Unit ${unit} is verified by the external quality assurer: ${submission.result} is final.` });
  }
  return news.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

/** A route of a qualification a learner is registered on, and whether it is achieved. */
export interface Award {
  qualification: string;
  /** e.g. "Certificate", as the qualification data names the route. */
  title: string;
  achieved: boolean;
  /** Units of the route not yet ratified as a Pass. */
  outstanding: string[];
}

/**
 * The award of each route a learner is registered on: achieved when every unit of the route is ratified
 * as a Pass (core's qualificationOutcome over the ratified results; a provisional Pass does not count,
 * nor, where the centre requires external verification, a Pass the EQA has not verified).
 *
 * @param db - the connection
 * @param scope - the learner, or anyone who may see the learner
 * @param learnerId - the learner
 * @param records - the learner's submissions, when the caller has read them already
 * @returns one award per route
 */
export async function learnerAwards(db: Db, scope: Scope, learnerId: string, records?: SubmissionRecord[]): Promise<Award[]> {
  records ??= await learnerSubmissions(db, scope, learnerId);
  const ratified: Record<string, Record<string, "Pass" | "Referral">> = {};
  for (const { submission, external } of records) {
    // A unit marked with no pass mark is not a Pass: its total is its outcome, and no route counts it.
    if (!submission.result || submission.result === "Marked" || (external.required && !external.verifiedAt)) continue;
    const byUnit = (ratified[submission.qualification] ??= {});
    if (byUnit[submission.unit] !== "Pass") byUnit[submission.unit] = submission.result;
  }
  const routes = new Map<string, { qualification: string; route: string }>();
  for (const r of (await listRegistrations(db, scope, learnerId))) if (r.route) routes.set(`${r.qualification}|${r.route}`, { qualification: r.qualification, route: r.route });
  return [...routes.values()].flatMap(({ qualification, route }) => {
    const data = registry.qualification(qualification);
    const routeData = data?.routes?.find((x) => x.id === route);
    if (!data || !routeData) return [];
    const outcome = qualificationOutcome(data, route, ratified[qualification] ?? {});
    return [{ qualification: data.title, title: routeData.title, achieved: outcome.achieved, outstanding: outcome.outstanding }];
  });
}
