import { checkPortfolio, registry, unitOutcome, type PortfolioCheck, type Unit, type UnitOutcome } from "@ilm-forms/core";
import {
  approvedVersions,
  listAssessmentComments,
  listSubmittedDocuments,
  previousAttempt,
  type AssessmentComment,
  getDocument,
  getLearner,
  getSubmission,
  listDecisions,
  listRatifications,
  listRegistrations,
  type AssessorDecision,
  type Db,
  type QaRatification,
  type Scope,
  type StoredDocument,
  type Submission,
  signerSignatureStates,
} from "@ilm-forms/db";
import { documentLabel, toPortfolioDocument } from "./portfolio.server.ts";

/** Everything a marking or review page shows about one submission. */
export interface SubmissionView {
  submission: Submission;
  learner: { id: string; name: string; learnerNumber: string | null };
  unit: Unit;
  documents: Array<{ id: string; label: string; submittedVersion: number; currentVersion: number; templateId: string }>;
  storedDocuments: StoredDocument[];
  check: PortfolioCheck;
  decisions: AssessorDecision[];
  outcome: UnitOutcome;
  ratifications: QaRatification[];
  comments: AssessmentComment[];
  /** For a second or later attempt: the attempt before, its decisions, and what changed since. */
  previous?: {
    submission: Submission;
    decisions: AssessorDecision[];
    changes: { id: string; label: string; change: "added" | "changed" | "unchanged"; fields: string[] }[];
  };
}

/** The titles of the top-level fields whose values differ between two versions of a document. */
function changedFields(templateId: string, templateVersion: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const properties = (registry.get(templateId, templateVersion)?.schema.properties ?? {}) as Record<string, { title?: string }>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => properties[k]?.title ?? k);
}

/**
 * Loads a submission the caller may see (an assigned assessor, an IQA or admin of the centre, the
 * learner), with the unit of the learner's registration, the submitted documents, the automatic
 * findings, the decisions so far and the unit outcome they give.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param submissionId - the submission
 * @returns the view, or undefined when the caller may not see it (answer 404)
 */
export async function loadSubmission(db: Db, scope: Scope, submissionId: string): Promise<SubmissionView | undefined> {
  const submission = (await getSubmission(db, scope, submissionId));
  if (!submission) return undefined;
  const learner = (await getLearner(db, scope, submission.learnerId));
  if (!learner) return undefined;
  const registration = (await listRegistrations(db, scope, learner.id)).find((r) => r.qualification === submission.qualification && r.unit === submission.unit);
  const unit = registry.unit(submission.qualification, submission.unit, registration?.ruleSetVersion);
  if (!unit) return undefined;
  const storedDocuments = (await Promise.all(submission.documents.map(async (d) => (await getDocument(db, scope, d.id))))).filter((d): d is StoredDocument => d !== undefined);
  const documents = submission.documents.flatMap((d) => {
    const stored = storedDocuments.find((s) => s.id === d.id);
    return stored ? [{ id: d.id, label: documentLabel(stored), submittedVersion: d.version, currentVersion: stored.version, templateId: stored.templateId }] : [];
  });
  const signed = (await signerSignatureStates(db, scope, learner.id, storedDocuments));
  const approvals = (await approvedVersions(db, scope, learner.id));
  const check = checkPortfolio({ qualification: submission.qualification, unit: unit.id, version: unit.version }, storedDocuments.map((d) => toPortfolioDocument(d, { signerSignatures: signed.get(d.id), approvals })));
  const decisions = (await listDecisions(db, scope, submission.id));
  const outcome = unitOutcome(unit, Object.fromEntries(decisions.map((d) => [d.criterion, d.decision ?? undefined])));
  const prior = (await previousAttempt(db, scope, submission));
  let previous: SubmissionView["previous"];
  if (prior) {
    const before = new Map((await listSubmittedDocuments(db, scope, prior.id)).map((d) => [d.documentId, d]));
    const now = (await listSubmittedDocuments(db, scope, submission.id));
    const changes = documents.map((d) => {
      const earlier = before.get(d.id);
      const current = now.find((n) => n.documentId === d.id);
      if (!earlier) return { id: d.id, label: d.label, change: "added" as const, fields: [] };
      const fields = current ? changedFields(current.templateId, current.templateVersion, earlier.data, current.data) : [];
      return { id: d.id, label: d.label, change: fields.length ? ("changed" as const) : ("unchanged" as const), fields };
    });
    previous = { submission: prior, decisions: (await listDecisions(db, scope, prior.id)), changes };
  }
  return {
    submission,
    comments: (await listAssessmentComments(db, scope, submission.id)),
    ...(previous ? { previous } : {}),
    learner: { id: learner.id, name: learner.name, learnerNumber: learner.learnerNumber },
    unit,
    documents,
    storedDocuments,
    check,
    decisions,
    outcome,
    ratifications: (await listRatifications(db, scope, submission.id)),
  };
}
