import type { UnitOutcome } from "@ilm-forms/core";

/** Who submitted what and when, the authenticity declaration, and the unit outcome so far. */
export function SubmissionHeader(props: {
  learner: { name: string; learnerNumber: string | null };
  submission: { status: string; contentHash: string; declarationName: string; declarationDate: string; submittedAt: string; attempt?: number; result?: string | null };
  unitTitle: string;
  outcome: UnitOutcome;
  /** A marks unit's total in words ("72 out of 100"; with Pass/Referral only where a pass mark is declared): its outcome. */
  marks?: string | null;
  documents: Array<{ id: string; label: string; submittedVersion: number; currentVersion: number }>;
}) {
  const { learner, submission, outcome, documents } = props;
  const changed = documents.filter((d) => d.currentVersion !== d.submittedVersion);
  const outcomeClass = outcome.outcome === "Pass" ? "pass" : outcome.outcome === "Referral" ? "referral" : "provisional";
  return (
    <>
      <p className="lead">{props.unitTitle}</p>
      <dl className="summary-list">
        <dt>Learner</dt><dd>{learner.name}{learner.learnerNumber ? ` (${learner.learnerNumber})` : ""}</dd>
        <dt>Submitted</dt><dd>{submission.submittedAt.slice(0, 16).replace("T", " ")}, <span className={`tag tag--${submission.status}`}>{submission.status}</span>{submission.attempt ? `, attempt ${submission.attempt}` : ""}</dd>
        <dt>Authenticity declaration</dt><dd>Signed “{submission.declarationName}” on {submission.declarationDate}</dd>
        <dt>Content fingerprint</dt><dd><code>{submission.contentHash}</code></dd>
        <dt>Unit outcome</dt>
        <dd>
          {props.marks !== undefined ? (
            <><span className="tag tag--provisional">{props.marks ?? "Not yet marked"}</span>{props.marks ? (submission.result ? " (ratified by quality assurance)" : " (provisional until quality assurance ratifies it)") : ""}</>
          ) : submission.result ? (
            <><span className={`tag tag--${submission.result.toLowerCase()}`}>{submission.result}</span> (ratified by quality assurance)</>
          ) : (
            <><span className={`tag tag--${outcomeClass}`}>{outcome.outcome}</span> (provisional until quality assurance ratifies it)</>
          )}
        </dd>
      </dl>
      {changed.length ? (
        <div className="notice notice--warning"><p>Changed by the learner since submission: {changed.map((d) => d.label).join("; ")}. You see the latest version.</p></div>
      ) : null}
      <details>
        <summary>Submitted documents ({documents.length})</summary>
        <ul>{documents.map((d) => <li key={d.id}><a href={`/documents/${d.id}`}>{d.label}</a></li>)}</ul>
      </details>
    </>
  );
}
