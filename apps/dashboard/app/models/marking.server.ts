import { criteriaEvidenced, registry } from "@ilm-forms/core";
import { endorsingRoles, listEndorsements, ratifySubmission, recordAssessment, saveAssessmentComments, type Db, type Scope } from "@ilm-forms/db";
import type { SubmissionView } from "./submission.server.ts";

/** A record whose own entries name the criteria (a professional discussion), as it shows under one criterion. */
export interface DiscussionEvidence {
  id: string;
  label: string;
  /** The time stamps of the entries that name the criterion. */
  times: string[];
  /** Whether the learner confirmed the notes (null when the template asks for no confirmation). */
  confirmation: "confirmed" | "changed" | "unconfirmed" | null;
}

/**
 * The submitted records whose entries name the criteria (`criteriaFrom: "document"`), under each
 * criterion they name, with the time stamps of those entries and whether the learner confirmed the notes.
 *
 * @param db - the connection
 * @param scope - the assessor's scope
 * @param view - the submission
 * @returns the records by criterion reference
 */
export async function discussionsByCriterion(db: Db, scope: Scope, view: SubmissionView): Promise<Record<string, DiscussionEvidence[]>> {
  const labels = new Map(view.documents.map((d) => [d.id, d.label]));
  const endorsements = await listEndorsements(db, scope, view.storedDocuments);
  const discussions: Record<string, DiscussionEvidence[]> = {};
  for (const stored of view.storedDocuments) {
    const template = registry.get(stored.templateId, stored.templateVersion);
    if (template?.annotations.criteriaFrom !== "document") continue;
    const confirmable = endorsingRoles(stored.templateId, stored.templateVersion, "confirmed").length > 0;
    const confirmations = endorsements.filter((e) => e.documentId === stored.id && e.kind === "confirmed");
    const confirmation = !confirmable ? null : confirmations.some((e) => e.current) ? "confirmed" : confirmations.length ? "changed" : "unconfirmed";
    const entries = Object.values(stored.data).flatMap((v) => (Array.isArray(v) ? v : [])).filter((e): e is { time?: unknown; criteria: unknown[] } => typeof e === "object" && e !== null && Array.isArray((e as { criteria?: unknown }).criteria));
    for (const criterion of criteriaEvidenced(template, stored.data)) {
      const times = entries.filter((e) => e.criteria.includes(criterion)).flatMap((e) => (typeof e.time === "string" ? [e.time] : []));
      (discussions[criterion] ??= []).push({ id: stored.id, label: labels.get(stored.id) ?? stored.templateId, times, confirmation });
    }
  }
  return discussions;
}

/**
 * Stores the assessor's marks: as a draft, or (`finish`) as the recorded decision, which needs every criterion decided.
 *
 * @param db - the connection
 * @param scope - the assessor's scope
 * @param input - the submission, the decisions and comments, every criterion of the unit, and whether to record
 * @returns ok, or why not (undecided criteria, too long, no longer open, not found)
 */
export function recordMarks(db: Db, scope: Scope, input: Parameters<typeof recordAssessment>[2]) {
  return recordAssessment(db, scope, input);
}

/**
 * Quality assurance's review of an assessed unit: its comments per learning outcome (kept first), then
 * the ratification or the return to the assessor with comments.
 *
 * @param db - the connection
 * @param scope - the IQA's scope
 * @param input - the submission, ratify or return, the comments to the assessor and per learning outcome
 * @returns ok, or why not (`not-open` when the unit is not waiting for quality assurance, and the repository's reasons)
 */
export async function reviewAssessment(db: Db, scope: Scope, input: { submissionId: string; decision: "ratify" | "return"; comments: string; loComments: Record<string, string> }) {
  if (Object.keys(input.loComments).length) {
    const saved = await saveAssessmentComments(db, scope, { submissionId: input.submissionId, comments: input.loComments });
    if (!saved.ok) return saved;
  }
  return ratifySubmission(db, scope, { submissionId: input.submissionId, decision: input.decision, comments: input.comments });
}
