import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { SubmissionHeader } from "../components/SubmissionHeader.tsx";
import { TEXT_LIMITS } from "../models/limits.server.ts";
import { reviewAssessment } from "../models/marking.server.ts";
import { loadSubmission } from "../models/submission.server.ts";
import { eqaReviewsFor } from "../models/eqa.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "Review an assessment – ilm-forms" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["iqa"]);
  const view = (await loadSubmission(context.database.db, user.scope, params.id ?? ""));
  if (!view) throw notFound();
  return {
    submission: { id: view.submission.id, status: view.submission.status, contentHash: view.submission.contentHash, declarationName: view.submission.declarationName, declarationDate: view.submission.declarationDate, submittedAt: view.submission.submittedAt, attempt: view.submission.attempt, result: view.submission.result },
    learner: view.learner,
    unit: { id: view.unit.id, title: view.unit.title },
    documents: view.documents,
    outcome: view.outcome,
    // A marks unit's outcome is its total (core's markedOutcome); undefined for a Pass/Referral unit.
    marks: view.marked ? (view.marked.errors.length === 0 ? view.marked.words : null) : undefined,
    rows: view.unit.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => {
      const d = view.decisions.find((x) => x.criterion === `${view.unit.id}:${c.id}`);
      return { id: c.id, text: c.resultSheetText ?? c.text, decision: d?.decision ?? null, feedback: d?.feedback ?? "", state: d?.state ?? null };
    })),
    ratifications: view.ratifications.map((r) => ({ id: r.id, decision: r.decision, comments: r.comments, decidedAt: r.decidedAt })),
    attempt: view.submission.attempt,
    result: view.submission.result,
    eqaReviews: await eqaReviewsFor(context.database.db, user.scope, view.submission.id),
    learningOutcomes: view.unit.learningOutcomes.map((lo) => ({
      number: lo.number,
      title: lo.resultSheetTitle ?? lo.title,
      assessorComment: view.comments.find((c) => c.target === `lo:${lo.number}`)?.comment ?? "",
      qaComment: view.comments.find((c) => c.target === `qa:lo:${lo.number}`)?.comment ?? "",
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["iqa"]);
  const form = await readForm(request);
  const decision = form.get("decision");
  const comments = String(form.get("comments") ?? "").trim();
  if (comments.length > TEXT_LIMITS.comments) return { errors: [{ href: "#comments", message: `Your comments have at most ${TEXT_LIMITS.comments.toLocaleString("en-GB")} characters` }] };
  if (decision !== "ratify" && decision !== "return") return { errors: [{ href: "#decision", message: "Choose whether to ratify the decision or return it to the assessor" }] };
  if (decision === "return" && !comments) return { errors: [{ href: "#comments", message: "Say why you return the decision: the assessor reads your comments" }] };
  const qaComments: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    const match = /^qa-lo-(\d{1,2})$/.exec(name);
    if (!match || typeof value !== "string") continue;
    if (value.length > TEXT_LIMITS.comments) return { errors: [{ href: `#${name}`, message: `QA comments on learning outcome ${match[1]}: at most ${TEXT_LIMITS.comments.toLocaleString("en-GB")} characters` }] };
    if (value.trim()) qaComments[`qa:lo:${match[1]}`] = value.trim();
  }
  const result = await reviewAssessment(context.database.db, user.scope, { submissionId: params.id ?? "", decision, comments, loComments: qaComments });
  if (!result.ok) {
    if (result.reason === "not-open") return { errors: [{ href: "#decision", message: "This unit is not waiting for quality assurance: it is with the assessor or already ratified." }] };
    if (result.reason === "not-assessed") return { errors: [{ href: "#decision", message: "The assessor has not recorded a decision on this unit yet." }] };
    if (result.reason === "already-ratified") return { errors: [{ href: "#decision", message: "This unit is already ratified." }] };
    throw notFound();
  }
  throw redirect(`/iqa?${decision === "ratify" ? "ratified" : "returned"}=1`);
}

export default function ReviewSubmission() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors ?? []} />
      <p><a href="/iqa">Quality assurance sample</a></p>
      <h1>Unit {data.unit.id}: review the assessment</h1>
      <SubmissionHeader learner={data.learner} submission={data.submission} unitTitle={data.unit.title} outcome={data.outcome} marks={data.marks} documents={data.documents} />
      <table className="table--stack">
        <thead><tr><th scope="col">Criterion</th><th scope="col">Decision</th><th scope="col">Assessor feedback</th></tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              <td><strong>AC {r.id}</strong> {r.text}</td>
              <td data-label="Decision">{r.decision ? <span className={`tag tag--${r.decision.toLowerCase()}`}>{r.decision}</span> : "—"}{r.state ? <> <span className={`tag tag--${r.state}`}>{r.state}</span></> : null}</td>
              <td data-label="Assessor feedback">{r.feedback}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.ratifications.length ? (
        <>
          <h2>Earlier reviews</h2>
          <ul>{data.ratifications.map((r) => <li key={r.id}>{r.decidedAt.slice(0, 10)}: {r.decision === "ratify" ? "ratified" : "returned"}{r.comments ? ` — ${r.comments}` : ""}</li>)}</ul>
        </>
      ) : null}
      {data.eqaReviews.length ? (
        <>
          <h2>External quality assurance</h2>
          <ul>{data.eqaReviews.map((r) => <li key={r.id}>{r.on}, {r.by}: {r.kind === "verified" ? `externally verified${r.comment ? ` — ${r.comment}` : ""}` : r.comment}</li>)}</ul>
        </>
      ) : null}
      <p><a href={`/downloads/result-sheet/${data.submission.id}.pdf`}>Download the result sheet (PDF)</a></p>
      {data.result ? (
        <div className="notice notice--success" role="status">
          <p><strong>Ratified {data.result === "Marked" ? data.marks : data.result} (attempt {data.attempt})</strong> on {data.ratifications.filter((r) => r.decision === "ratify").at(-1)?.decidedAt.slice(0, 10)}. {data.result === "Referral" ? `The learner may submit attempt ${data.attempt + 1}.` : "The unit is complete."}</p>
        </div>
      ) : data.submission.status !== "assessed" ? (
        <div className="notice" role="status"><p>This unit is with the assessor{data.ratifications.at(-1)?.decision === "return" ? ", returned with your comments" : ""}. It comes back to you when the assessor records the decision.</p></div>
      ) : (
      <>
      <h2>Your decision</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <fieldset id="decision">
          <legend>Ratify the assessor’s decision, or return it?</legend>
          <div className="radios">
            <label><input type="radio" name="decision" value="ratify" /> Ratify</label>
            <label><input type="radio" name="decision" value="return" /> Return to the assessor with comments</label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="comments">Comments to the assessor</label>
          <p className="hint" id="comments-hint">Needed when you return the decision: the assessor reads them on the unit.</p>
          <textarea id="comments" name="comments" maxLength={5000} aria-describedby="comments-hint" />
        </div>
        {data.learningOutcomes.map((lo) => (
          <div className="field" key={lo.number}>
            <label htmlFor={`qa-lo-${lo.number}`}>QA comments on Learning Outcome {lo.number} {lo.title} (optional, printed on the result sheet)</label>
            {lo.assessorComment ? <p className="hint">Assessor: {lo.assessorComment}</p> : null}
            <textarea id={`qa-lo-${lo.number}`} name={`qa-lo-${lo.number}`} defaultValue={lo.qaComment} maxLength={5000} />
          </div>
        ))}
        <button type="submit" className="button">Record the review</button>
      </Form>
      </>
      )}
    </>
  );
}
