import { createHash } from "node:crypto";

/** An assessed unit waiting for quality assurance. */
export interface SampleCandidate {
  id: string;
  assessorUserId: string;
  unit: string;
  outcome: "Pass" | "Referral";
  /** When the assessor recorded the decision (ISO). */
  decidedAt: string;
}

/** One earlier review by quality assurance of an assessor's unit. */
export interface PastReview {
  assessorUserId: string;
  unit: string;
  decision: "ratify" | "return";
  decidedAt: string;
}

/** Whether a unit is in the sample, and why: every unit of the plan says why it was chosen or not. */
export interface SampleChoice {
  inSample: boolean;
  reason: string;
}

/** The plan's settings: the centre's rate, and the continuous-sampling clearance number. */
export interface SamplingSettings {
  /** Of the units no rule samples, the share drawn at random (0 to 100). */
  percent: number;
  /** Units ratified unchanged in a row before an assessor is sampled at the rate (CSP-1's i). */
  clearance: number;
  /** Makes the random draw reproducible: the same plan for the same units. */
  seed: string;
}

/** Units ratified unchanged in a row before an assessor is sampled at the centre's rate (decision 030). */
export const SAMPLING_CLEARANCE = 3;

/** The calendar quarter of an ISO date, e.g. `2026-Q4`. */
const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The IQA sampling plan for the units waiting for quality assurance, as awarding bodies describe a
 * sampling strategy, with Dodge's continuous sampling (CSP-1) for each assessor: every unit of an
 * assessor is sampled until `clearance` units in a row were ratified unchanged (so every new
 * assessor's first units), and again after any return. Then every Referral, the first unit of each
 * unit type by each assessor in each calendar quarter, and of the rest `percent` drawn at random,
 * reproducibly from `seed`. Each unit gets the reason it was chosen or left out.
 *
 * @param candidates - the units waiting, oldest first
 * @param history - every earlier review of the centre's assessors' units
 * @param settings - rate, clearance number and seed
 * @returns by candidate id
 */
export function samplingPlan(candidates: SampleCandidate[], history: PastReview[], settings: SamplingSettings): Map<string, SampleChoice> {
  const plan = new Map<string, SampleChoice>();
  const reviews = [...history].sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
  const clearedInARow = new Map<string, number>();
  for (const review of reviews) clearedInARow.set(review.assessorUserId, review.decision === "return" ? 0 : (clearedInARow.get(review.assessorUserId) ?? 0) + 1);
  const reviewedThisQuarter = new Set(reviews.map((r) => `${r.assessorUserId}|${r.unit}|${quarterOf(r.decidedAt)}`));
  const returnedBefore = new Set(reviews.filter((r) => r.decision === "return").map((r) => r.assessorUserId));
  for (const candidate of [...candidates].sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : 1))) {
    const cleared = clearedInARow.get(candidate.assessorUserId) ?? 0;
    const group = `${candidate.assessorUserId}|${candidate.unit}|${quarterOf(candidate.decidedAt)}`;
    let choice: SampleChoice;
    if (cleared < settings.clearance) {
      choice = {
        inSample: true,
        reason: returnedBefore.has(candidate.assessorUserId)
          ? `Every unit of this assessor is sampled since a return, until ${settings.clearance} in a row are ratified unchanged (${cleared} so far).`
          : `A new assessor: every unit is sampled until ${settings.clearance} in a row are ratified unchanged (${cleared} so far).`,
      };
    } else if (candidate.outcome === "Referral") {
      choice = { inSample: true, reason: "Every Referral is sampled." };
    } else if (!reviewedThisQuarter.has(group)) {
      choice = { inSample: true, reason: `The first Unit ${candidate.unit} by this assessor this quarter (${quarterOf(candidate.decidedAt)}).` };
    } else {
      const draw = createHash("sha256").update(`${settings.seed}|${candidate.id}`).digest().readUInt32BE(0) % 100;
      choice = draw < settings.percent ? { inSample: true, reason: `Drawn at random at the centre's rate of ${settings.percent}%.` } : { inSample: false, reason: `Not drawn at the centre's rate of ${settings.percent}%: the assessor's recent units were ratified unchanged.` };
    }
    // A unit in the sample counts for its quarter: the next one of the same group is not "first".
    if (choice.inSample) reviewedThisQuarter.add(group);
    plan.set(candidate.id, choice);
  }
  return plan;
}
