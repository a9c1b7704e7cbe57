import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { SubmissionHeader } from "../components/SubmissionHeader.tsx";
import { eqaUnit, recordEqaReview } from "../models/eqa.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "External quality assurance of a unit – ilm-forms" }];

/** Longest EQA comment: the same bound as every other assessment comment. */
const COMMENT_LIMIT = 5000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["eqa"]);
  const unit = await eqaUnit(context.database.db, user.scope, params.id ?? "");
  if (!unit) throw notFound();
  const { view, reviews, names, required } = unit;
  const done = new URL(request.url).searchParams.get("done");
  return {
    done: done === "comment" || done === "verified" ? done : null,
    required,
    submission: { id: view.submission.id, status: view.submission.status, contentHash: view.submission.contentHash, declarationName: view.submission.declarationName, declarationDate: view.submission.declarationDate, submittedAt: view.submission.submittedAt, attempt: view.submission.attempt, result: view.submission.result },
    learner: view.learner,
    unit: { id: view.unit.id, title: view.unit.title },
    documents: view.documents,
    outcome: view.outcome,
    // A marks unit's outcome is its total (core's markedOutcome); undefined for a Pass/Referral unit.
    marks: view.marked ? (view.marked.errors.length === 0 ? view.marked.words : null) : undefined,
    assessor: names.get(view.decisions[0]?.assessorUserId ?? "") ?? "",
    rows: view.unit.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => {
      const d = view.decisions.find((x) => x.criterion === `${view.unit.id}:${c.id}`);
      return { id: c.id, text: c.resultSheetText ?? c.text, decision: d?.decision ?? (d?.marks != null ? `${d.marks} marks` : null), feedback: d?.feedback ?? "" };
    })),
    learningOutcomes: view.unit.learningOutcomes.map((lo) => ({
      number: lo.number,
      title: lo.resultSheetTitle ?? lo.title,
      assessorComment: view.comments.find((c) => c.target === `lo:${lo.number}`)?.comment ?? "",
      qaComment: view.comments.find((c) => c.target === `qa:lo:${lo.number}`)?.comment ?? "",
    })),
    iqaReviews: view.ratifications.map((r) => ({ id: r.id, decision: r.decision, comments: r.comments, on: r.decidedAt.slice(0, 10), by: names.get(r.iqaUserId) ?? "" })),
    eqaReviews: reviews.map((r) => ({ id: r.id, kind: r.kind, comment: r.comment, on: r.createdAt.slice(0, 10), by: r.eqaName })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["eqa"]);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "comment" && intent !== "verified") throw notFound();
  const comment = String(form.get("comment") ?? "");
  if (comment.trim().length > COMMENT_LIMIT) return { errors: [{ href: "#eqa-comment", message: `Your comment has at most ${COMMENT_LIMIT.toLocaleString("en-GB")} characters` }] };
  const result = await recordEqaReview(context.database.db, user.scope, { submissionId: params.id ?? "", kind: intent, comment });
  if (result.ok) throw redirect(`/eqa/submissions/${params.id}?done=${intent}`);
  if (result.reason === "not-ratified") return { errors: [{ href: "#eqa", message: "The IQA has not ratified this unit yet: you can comment on it and verify it once they have." }] };
  if (result.reason === "empty") return { errors: [{ href: "#eqa-comment", message: "Write your comment before you add it" }] };
  if (result.reason === "already-verified") return { errors: [{ href: "#eqa", message: "This unit is already verified." }] };
  if (result.reason === "too-long") return { errors: [{ href: "#eqa-comment", message: `Your comment has at most ${COMMENT_LIMIT.toLocaleString("en-GB")} characters` }] };
  throw notFound();
}

export default function EqaReviewUnit() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const verification = data.eqaReviews.find((r) => r.kind === "verified");
  const comments = data.eqaReviews.filter((r) => r.kind === "comment");
  return (
    <>
      <ErrorSummary errors={result?.errors ?? []} />
      {data.done ? (
        <div className="notice notice--success" role="status">
          <p><strong>{data.done === "verified" ? "Verified. The learner now reads the decision as final." : "Your comment is recorded."}</strong></p>
        </div>
      ) : null}
      <p><a href="/eqa">External quality assurance</a></p>
      <h1>Unit {data.unit.id}: external quality assurance</h1>
      <SubmissionHeader learner={data.learner} submission={data.submission} unitTitle={data.unit.title} outcome={data.outcome} marks={data.marks} documents={data.documents} />
      <p>
        Downloads: <a href={`/downloads/result-sheet/${data.submission.id}.pdf`}>result sheet (PDF)</a>,{" "}
        <a href={`/downloads/portfolio/${data.learner.id}/${data.unit.id}.pdf`}>portfolio (PDF)</a>,{" "}
        <a href={`/downloads/evidence-matrix/${data.learner.id}/${data.unit.id}.pdf`}>evidence matrix (PDF)</a>
      </p>
        <table className="table--stack">
          <caption>The assessor’s decisions{data.assessor ? ` (${data.assessor})` : ""}</caption>
          <thead><tr><th scope="col">Criterion</th><th scope="col">Decision</th><th scope="col">Assessor feedback</th></tr></thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td><strong>AC {r.id}</strong> {r.text}</td>
                <td data-label="Decision">{r.decision ? <span className={`tag tag--${r.decision.toLowerCase().replace(/\s+/g, "-")}`}>{r.decision}</span> : "—"}</td>
                <td data-label="Assessor feedback">{r.feedback || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      {data.learningOutcomes.some((lo) => lo.assessorComment || lo.qaComment) ? (
        <dl className="summary-list">
          {data.learningOutcomes.flatMap((lo) => [
            ...(lo.assessorComment ? [<div key={`a${lo.number}`}><dt>Assessor on learning outcome {lo.number}</dt><dd>{lo.assessorComment}</dd></div>] : []),
            ...(lo.qaComment ? [<div key={`q${lo.number}`}><dt>IQA on learning outcome {lo.number}</dt><dd>{lo.qaComment}</dd></div>] : []),
          ])}
        </dl>
      ) : null}
      <h2>Internal quality assurance</h2>
      {data.iqaReviews.length === 0 ? <p>Not reviewed by the IQA yet.</p> : (
        <ul>{data.iqaReviews.map((r) => <li key={r.id}>{r.on}: {r.decision === "ratify" ? "ratified" : "returned to the assessor"} by {r.by || "the IQA"}{r.comments ? ` — ${r.comments}` : ""}</li>)}</ul>
      )}
      <h2 id="eqa">External quality assurance</h2>
      {verification ? (
        <p><span className="tag tag--pass">Externally verified</span> on {verification.on} by {verification.by}.{verification.comment ? ` ${verification.comment}` : ""}</p>
      ) : data.submission.result ? (
        <p>Not verified yet.{data.required ? " The centre’s decisions are final only after you verify them." : ""}</p>
      ) : (
        <p>The IQA has not ratified this unit yet: you can read it; comments and verification open once the IQA ratifies it.</p>
      )}
      {comments.length ? (
        <>
          <h3>EQA comments</h3>
          <ul>{comments.map((c) => <li key={c.id}>{c.on}, {c.by}: {c.comment}</li>)}</ul>
        </>
      ) : null}
      {data.submission.result ? (
        <>
          {/* A new form after each comment recorded: the box starts empty again. */}
          <Form method="post" noValidate key={`comment-${data.eqaReviews.length}`}>
            <CsrfField />
            <div className="field">
              <label htmlFor="eqa-comment">Your comment on this unit</label>
              <p className="hint" id="eqa-comment-hint">Kept with the unit, with your name and the date. It does not change the decision.</p>
              <textarea id="eqa-comment" name="comment" maxLength={COMMENT_LIMIT} aria-describedby="eqa-comment-hint" />
            </div>
            <button type="submit" className="button button--secondary" name="intent" value="comment">Add the comment</button>
          </Form>
          {verification ? null : (
            <Form method="post" noValidate>
              <CsrfField />
              <p>Verify when the evidence and the assessor’s and IQA’s decisions stand: the decision of attempt {data.submission.attempt} ({data.submission.result === "Marked" ? data.marks : data.submission.result}) becomes final.</p>
              <button type="submit" className="button" name="intent" value="verified">Mark as externally verified</button>
            </Form>
          )}
        </>
      ) : null}
    </>
  );
}
