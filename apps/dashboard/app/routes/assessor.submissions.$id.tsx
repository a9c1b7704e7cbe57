import { unitCriteria } from "@ilm-forms/core";
import { finishAssessment, recordDecision, TEXT_LIMITS } from "@ilm-forms/db";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { AttachmentLinks } from "../components/AttachmentLinks.tsx";
import { EvidenceLinks } from "../components/EvidenceLinks.tsx";
import { SubmissionHeader } from "../components/SubmissionHeader.tsx";
import { submissionFiles } from "../models/attachments.server.ts";
import { loadSubmission } from "../models/submission.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "Mark a unit – ilm-forms" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["assessor"]);
  const view = loadSubmission(context.database.db, user.scope, params.id ?? "");
  if (!view) throw notFound();
  const decisions = Object.fromEntries(view.decisions.map((d) => [d.criterion, { decision: d.decision, feedback: d.feedback, state: d.state }]));
  const findings = Object.fromEntries(view.check.findings.map((f) => [f.criterion, f]));
  const evidence = Object.fromEntries(view.documents.map((d) => [d.id, { href: `/documents/${d.id}`, label: d.label }]));
  return {
    submission: { id: view.submission.id, status: view.submission.status, contentHash: view.submission.contentHash, declarationName: view.submission.declarationName, declarationDate: view.submission.declarationDate, submittedAt: view.submission.submittedAt },
    learner: view.learner,
    unit: { id: view.unit.id, title: view.unit.title, version: view.unit.version },
    learningOutcomes: view.unit.learningOutcomes.map((lo) => ({
      number: lo.number,
      title: lo.resultSheetTitle ?? lo.title,
      criteria: lo.criteria.map((c) => ({ id: c.id, text: c.resultSheetText ?? c.text, descriptors: c.descriptors ?? { referral: [], pass: [] } })),
    })),
    instructions: view.unit.resultSheet?.instructions ?? [],
    decisions,
    findings,
    evidence,
    documents: view.documents,
    outcome: view.outcome,
    ratifications: view.ratifications,
    files: submissionFiles(context.database.db, user.scope, view),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["assessor"]);
  const form = await readForm(request);
  const { db } = context.database;
  const view = loadSubmission(db, user.scope, params.id ?? "");
  if (!view) throw notFound();
  if (view.submission.status !== "submitted") return { errors: [{ href: "#marking", message: "This unit has already been assessed." }] };
  const errors: { href: string; message: string }[] = [];
  for (const criterion of unitCriteria(view.unit)) {
    const ref = `${view.unit.id}:${criterion.id}`;
    const decision = form.get(`decision-${criterion.id}`);
    const feedback = String(form.get(`feedback-${criterion.id}`) ?? "");
    if (decision !== "Pass" && decision !== "Referral") continue;
    if (feedback.length > TEXT_LIMITS.comments) {
      errors.push({ href: `#feedback-${criterion.id.replace(".", "-")}`, message: `AC ${criterion.id}: the feedback has at most ${TEXT_LIMITS.comments.toLocaleString("en-GB")} characters` });
      continue;
    }
    if (decision === "Referral" && !feedback.trim()) {
      errors.push({ href: `#feedback-${criterion.id.replace(".", "-")}`, message: `AC ${criterion.id}: say why the criterion is referred` });
      continue;
    }
    const result = recordDecision(db, user.scope, { submissionId: view.submission.id, criterion: ref, decision, feedback });
    if (!result.ok) throw notFound();
  }
  if (errors.length) return { errors };
  if (form.get("intent") === "finish") {
    const after = loadSubmission(db, user.scope, view.submission.id)!;
    if (after.outcome.undecided.length) {
      return { errors: after.outcome.undecided.map((c) => ({ href: `#decision-${c.split(":")[1]!.replace(".", "-")}`, message: `AC ${c.split(":")[1]}: choose Pass or Referral before you record the decision` })) };
    }
    finishAssessment(db, user.scope, { submissionId: view.submission.id, status: "assessed" });
    throw redirect(`/assessor/submissions/${view.submission.id}?recorded=1`);
  }
  return { saved: true as const };
}

export default function MarkSubmission() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result && "errors" in result ? result.errors : undefined) ?? [];
  const locked = data.submission.status !== "submitted";
  return (
    <>
      <ErrorSummary errors={errors} />
      <p><a href="/assessor">Marking queue</a></p>
      <h1>Unit {data.unit.id} Result Sheet</h1>
      <SubmissionHeader learner={data.learner} submission={data.submission} unitTitle={data.unit.title} outcome={data.outcome} documents={data.documents} />
      {result && "saved" in result ? <div className="notice notice--success" role="status"><p>Your decisions are saved as provisional.</p></div> : null}
      {data.instructions.length ? (
        <details><summary>Instructions for assessment and use of result sheet</summary>{data.instructions.map((p) => <p key={p}>{p}</p>)}</details>
      ) : null}
      <Form method="post" id="marking" noValidate>
        <CsrfField />
        {data.learningOutcomes.map((lo) => (
          <section key={lo.number} aria-labelledby={`lo-${lo.number}`}>
            <h2 id={`lo-${lo.number}`}>Learning Outcome {lo.number} {lo.title}</h2>
            {lo.criteria.map((c) => {
              const ref = `${data.unit.id}:${c.id}`;
              const finding = data.findings[ref];
              const decided = data.decisions[ref];
              const key = c.id.replace(".", "-");
              return (
                <div className="criterion" key={c.id}>
                  <h3>AC {c.id} {c.text}</h3>
                  <div className="descriptors">
                    <div><p className="label">Referral</p><ul>{c.descriptors.referral.map((d) => <li key={d}>{d}</li>)}</ul></div>
                    <div><p className="label">Pass</p><ul>{c.descriptors.pass.map((d) => <li key={d}>{d}</li>)}</ul></div>
                  </div>
                  {finding ? (
                    <div className="notice">
                      <p><strong>What the records show:</strong> <span className={`tag tag--${finding.status.replaceAll(" ", "-")}`}>{finding.status}</span></p>
                      <ul>{finding.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                      <EvidenceLinks pointers={finding.pointers} evidence={data.evidence} />
                    </div>
                  ) : null}
                  <AttachmentLinks files={data.files[ref]} />
                  <fieldset id={`decision-${key}`}>
                    <legend>Pass / Referral for AC {c.id}</legend>
                    <div className="radios">
                      {(["Pass", "Referral"] as const).map((d) => (
                        <label key={d}><input type="radio" name={`decision-${c.id}`} value={d} defaultChecked={decided?.decision === d} disabled={locked} /> {d}</label>
                      ))}
                    </div>
                    {decided ? <p className="hint">Recorded: {decided.decision} (<span className={`tag tag--${decided.state}`}>{decided.state}</span>)</p> : null}
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`feedback-${key}`}>Assessor feedback on AC {c.id}</label>
                    <textarea id={`feedback-${key}`} name={`feedback-${c.id}`} defaultValue={decided?.feedback ?? ""} disabled={locked} maxLength={5000} />
                  </div>
                </div>
              );
            })}
          </section>
        ))}
        {locked ? null : (
          <p>
            <button type="submit" name="intent" value="save" className="button button--secondary">Save decisions</button>
            <button type="submit" name="intent" value="finish" className="button">Record the assessor’s decision</button>
          </p>
        )}
      </Form>
      <p><a href={`/downloads/result-sheet/${data.submission.id}.pdf`}>Download the result sheet (PDF)</a></p>
    </>
  );
}
