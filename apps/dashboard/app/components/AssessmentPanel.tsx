import type { LearnerAssessment } from "../models/assessment.server.ts";

/**
 * The assessment of a unit as its learner sees it: the state in words, the decision per criterion with
 * the assessor's feedback (provisional said plainly as provisional), the comments, the result sheet, and
 * after a ratified Referral the criteria to work on.
 */
export function AssessmentPanel({ assessment, unitId, criterionText }: { assessment: LearnerAssessment; unitId: string; criterionText: (criterion: string) => string }) {
  const { state, decisions, comments, toWorkOn } = assessment;
  // A marks unit with no pass mark has no Pass or Referral: its ratified total is settled, not a warning.
  const tone = state.final ? (state.outcome === "Pass" || (state.outcome === undefined && state.marks) ? "success" : "warning") : "info";
  const caption = state.final
    ? "The ratified decision"
    : state.ratified
      ? "The decision ratified by internal quality assurance (provisional until the external quality assurer verifies it)"
      : "The assessor’s provisional decision (quality assurance may still change it)";
  return (
    <section aria-labelledby="assessment" className={`notice notice--${tone}`}>
      <h2 id="assessment">Assessment</h2>
      <p><strong>{state.words}</strong></p>
      {toWorkOn.length ? (
        <>
          <p>Work on these criteria for your next attempt:</p>
          <ul>{toWorkOn.map((c) => <li key={c}>AC {c.split(":")[1]} {criterionText(c)}</li>)}</ul>
          <p><a className="button" href={`/learner/units/${unitId}/submit`}>Submit attempt {state.attempt + 1}</a></p>
        </>
      ) : null}
      {decisions.length ? (
        <>
          <table className="table--stack">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">Criterion</th><th scope="col">Decision</th><th scope="col">Assessor feedback</th></tr></thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.criterion}>
                  <td>AC {d.criterion.split(":")[1]} {criterionText(d.criterion)}</td>
                  <td data-label="Decision"><span className={`tag tag--${d.decision.toLowerCase()}`}>{d.decision}</span>{state.final ? null : <> <span className="tag tag--provisional">provisional</span></>}</td>
                  <td data-label="Assessor feedback">{d.feedback || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {comments.length ? (
            <dl className="summary-list">
              {comments.map((c) => (
                <div key={c.target}>
                  <dt>{c.target.startsWith("qa:") ? `Quality assurance on learning outcome ${c.target.split(":")[2]}` : `Assessor on learning outcome ${c.target.split(":")[1]}`}</dt>
                  <dd>{c.comment}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {assessment.submissionId ? <p><a href={`/downloads/result-sheet/${assessment.submissionId}.pdf`}>Download the result sheet (PDF)</a></p> : null}
        </>
      ) : null}
    </section>
  );
}
