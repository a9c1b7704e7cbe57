import {
  addEqaReview,
  getCentre,
  listEqaReviews,
  listMembers,
  type Db,
  type EqaReview,
  type Scope,
} from "@ilm-forms/db";
import { externalCheck, submissionMarks } from "./assessment.server.ts";
import { loadSubmission, type SubmissionView } from "./submission.server.ts";
import { readCentreUnits, type CentreUnits } from "./queues.server.ts";
import { SAMPLING_CLEARANCE, samplingPlan, type PastReview } from "./sampling.ts";

/** One unit the IQA ratified, as the external quality assurer's sample lists it. */
export interface EqaSampleRow {
  id: string;
  learner: string;
  unit: string;
  assessor: string;
  iqa: string;
  attempt: number;
  /** Pass or Referral, or a marks unit's total ("72 out of 100") where its data declares no pass mark (decision 052). */
  result: string;
  /** When the IQA ratified it (ISO date). */
  ratifiedOn: string;
  /** Why the unit was in the IQA's sample, by the plan's rules as they stood when the IQA ratified it. */
  reason: string;
  /** When the EQA verified it (ISO date), or null. */
  verifiedOn: string | null;
  comments: number;
}

/**
 * The centre's IQA sample as its external quality assurer reads it: every unit the IQA has ratified,
 * with why the sampling plan put it in the sample (the plan replayed for that unit over the reviews
 * before its ratification, at the centre's rate and seed), its assessor and IQA, and whether the EQA
 * has verified it. Read-only: it changes nothing.
 *
 * @param db - the connection
 * @param scope - an EQA (or anyone of the centre who reads every learner)
 * @param read - the centre's units, when the page has read them already (see `readCentreUnits`)
 * @returns the rows, newest ratification first, and the centre's setting
 */
export async function eqaSample(db: Db, scope: Scope, read?: CentreUnits): Promise<{ required: boolean; percent: number; rows: EqaSampleRow[] }> {
  const centre = await getCentre(db, scope);
  const percent = centre?.iqaSamplePercent ?? 25;
  const { names, units } = read ?? (await readCentreUnits(db, scope));
  const history: (PastReview & { submissionId: string })[] = [];
  const ratified: Omit<EqaSampleRow, "reason">[] = [];
  const candidates = new Map<string, { assessorUserId: string; unit: string; outcome: "Pass" | "Referral"; decidedAt: string; ratifiedAt: string }>();
  for (const { submission: s, decisions, reviews, learner } of units) {
    const assessorUserId = decisions[0]?.assessorUserId ?? "";
    for (const r of reviews) history.push({ submissionId: s.id, assessorUserId, unit: s.unit, decision: r.decision, decidedAt: r.decidedAt });
    const ratification = reviews.filter((r) => r.decision === "ratify").at(-1);
    if (!s.result || !ratification) continue;
    const eqa = await listEqaReviews(db, scope, s.id);
    ratified.push({
      id: s.id,
      learner,
      unit: s.unit,
      assessor: names.get(assessorUserId) ?? "",
      iqa: names.get(ratification.iqaUserId) ?? "",
      attempt: s.attempt,
      result: s.result === "Marked" ? (submissionMarks(s, decisions)?.words ?? s.result) : s.result,
      ratifiedOn: ratification.decidedAt.slice(0, 10),
      verifiedOn: eqa.find((r) => r.kind === "verified")?.createdAt.slice(0, 10) ?? null,
      comments: eqa.filter((r) => r.kind === "comment").length,
    });
    candidates.set(s.id, {
      assessorUserId,
      unit: s.unit,
      // Sampling reads a marks unit without a pass mark as no Referral.
      outcome: s.result === "Referral" ? "Referral" : "Pass",
      // The decision the IQA ratified: the last one recorded before the ratification.
      decidedAt: decisions.map((d) => d.decidedAt).filter((at) => at <= ratification.decidedAt).sort().at(-1) ?? s.submittedAt,
      ratifiedAt: ratification.decidedAt,
    });
  }
  const rows = ratified.map((row) => {
    const c = candidates.get(row.id)!;
    const before = history.filter((h) => h.decidedAt < c.ratifiedAt);
    const choice = samplingPlan([{ id: row.id, assessorUserId: c.assessorUserId, unit: c.unit, outcome: c.outcome, decidedAt: c.decidedAt }], before, { percent, clearance: SAMPLING_CLEARANCE, seed: scope.centreId }).get(row.id)!;
    return { ...row, reason: choice.inSample ? choice.reason : `${choice.reason} The IQA reviewed it anyway.` };
  });
  rows.sort((a, b) => (a.ratifiedOn < b.ratifiedOn ? 1 : a.ratifiedOn > b.ratifiedOn ? -1 : 0));
  return { required: centre?.eqaVerificationRequired ?? false, percent, rows };
}

/** One ratified unit as the EQA reviews it: the submission view, the IQA's name, and the EQA's comments. */
export interface EqaUnitView {
  view: SubmissionView;
  required: boolean;
  reviews: EqaReview[];
  names: Map<string, string>;
}

/**
 * A submission as the EQA reads it, with the EQA comments and verification so far.
 *
 * @param db - the connection
 * @param scope - an EQA of the centre
 * @param submissionId - the submission
 * @returns the view, or undefined when the caller may not see it (answer 404)
 */
export async function eqaUnit(db: Db, scope: Scope, submissionId: string): Promise<EqaUnitView | undefined> {
  const view = await loadSubmission(db, scope, submissionId);
  if (!view) return undefined;
  return {
    view,
    required: (await getCentre(db, scope))?.eqaVerificationRequired ?? false,
    reviews: await listEqaReviews(db, scope, submissionId),
    names: new Map((await listMembers(db, scope)).map((m) => [m.userId, m.name])),
  };
}

/**
 * The EQA comments on a ratified unit, or verifies it externally.
 *
 * @param db - the connection
 * @param scope - an EQA of the centre
 * @param input - the submission, what is recorded, the comment
 * @returns the repository's answer
 */
export function recordEqaReview(db: Db, scope: Scope, input: { submissionId: string; kind: "comment" | "verified"; comment: string }) {
  return addEqaReview(db, scope, input);
}

/**
 * What a result sheet says above the handbook's form while a ratified decision waits for the EQA, in a
 * centre whose decisions are final only after external verification. The sheet has no EQA row, so
 * nothing of the EQA is printed in the form itself (the QA rows are the IQA's).
 *
 * @param db - the connection
 * @param scope - the caller
 * @param submission - the submission the sheet is of
 * @returns the note, or undefined when the decision is final or not ratified yet
 */
export async function externalNote(db: Db, scope: Scope, submission: { id: string; result: string | null }): Promise<string | undefined> {
  if (!submission.result) return undefined;
  const check = await externalCheck(db, scope, submission.id);
  if (!check.required || check.verifiedAt) return undefined;
  return `Provisional: ratified by internal quality assurance; this decision is final only once the centre’s external quality assurer verifies it.`;
}

/**
 * A note printed at the top of an HTML page (and so of its PDF), in the page's own markup.
 *
 * @param html - the page
 * @param note - plain text, escaped here; nothing is added when undefined
 * @returns the page
 */
export function withProvisionalNote(html: string, note: string | undefined): string {
  if (!note) return html;
  const escaped = note.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const block = `<p class="provisional-note" role="note" style="border:2px solid #000;padding:.5rem 1rem;font-weight:700">${escaped}</p>`;
  return /<body[^>]*>/.test(html) ? html.replace(/<body[^>]*>/, (tag) => `${tag}${block}`) : `${block}${html}`;
}

/**
 * The EQA's comments and verification of a submission, for the centre's own pages (the IQA's review).
 *
 * @param db - the connection
 * @param scope - anyone who may see the submission
 * @param submissionId - the submission
 * @returns oldest first, dates as ISO days
 */
export async function eqaReviewsFor(db: Db, scope: Scope, submissionId: string): Promise<{ id: string; kind: "comment" | "verified"; comment: string; on: string; by: string }[]> {
  return (await listEqaReviews(db, scope, submissionId)).map((r) => ({ id: r.id, kind: r.kind, comment: r.comment, on: r.createdAt.slice(0, 10), by: r.eqaName }));
}
