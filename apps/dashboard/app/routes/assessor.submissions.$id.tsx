import { registry, totalMarks, unitCriteria } from "@ilm-forms/core";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useState } from "react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { AttachmentLinks } from "../components/AttachmentLinks.tsx";
import { EvidenceLinks, openInPanel } from "../components/EvidenceLinks.tsx";
import { EvidencePanel } from "../components/EvidencePanel.tsx";
import { SubmissionHeader } from "../components/SubmissionHeader.tsx";
import { learnerAttachments, submissionFiles } from "../models/attachments.server.ts";
import { documentSignatures, signatureStates } from "../models/signatures.server.ts";
import { TEXT_LIMITS } from "../models/limits.server.ts";
import { discussionsByCriterion, recordMarks } from "../models/marking.server.ts";
import { loadSubmission } from "../models/submission.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "Mark a unit – ilm-forms" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["assessor"]);
  const view = (await loadSubmission(context.database.db, user.scope, params.id ?? ""));
  if (!view) throw notFound();
  const decisions = Object.fromEntries(view.decisions.map((d) => [d.criterion, { decision: d.decision, marks: d.marks, feedback: d.feedback, state: d.state }]));
  const marked = isMarked(view.submission.qualification);
  const marks = marked ? totalMarks(view.unit, Object.fromEntries(view.decisions.filter((d) => d.marks !== null).map((d) => [d.criterion.slice(view.unit.id.length + 1), d.marks!]))) : null;
  const findings = Object.fromEntries(view.check.findings.map((f) => [f.criterion, f]));
  const evidence = Object.fromEntries(view.documents.map((d) => [d.id, { href: `/documents/${d.id}`, label: d.label }]));
  // Records whose own entries name the criteria (a professional discussion): under each criterion they
  // name, with the time stamps of those entries and whether the learner confirmed the notes.
  const discussions = await discussionsByCriterion(context.database.db, user.scope, view);
  const files = (await learnerAttachments(context.database.db, user.scope, view.learner.id));
  // The panel's list: every submitted document with how its signatures stand and how many files it has.
  const panelDocuments = (await Promise.all(view.documents.map(async (d) => {
    const stored = view.storedDocuments.find((s) => s.id === d.id);
    if (!stored) return [];
    return [{ id: d.id, label: d.label, signatures: signatureStates(stored.data, (await documentSignatures(context.database.db, user.scope, stored))), files: files.filter((f) => f.documentId === d.id).length }];
  }))).flat();
  return {
    submission: { id: view.submission.id, status: view.submission.status, contentHash: view.submission.contentHash, declarationName: view.submission.declarationName, declarationDate: view.submission.declarationDate, submittedAt: view.submission.submittedAt, attempt: view.submission.attempt, result: view.submission.result },
    learner: view.learner,
    unit: { id: view.unit.id, title: view.unit.title, version: view.unit.version },
    learningOutcomes: view.unit.learningOutcomes.map((lo) => ({
      number: lo.number,
      title: lo.resultSheetTitle ?? lo.title,
      criteria: lo.criteria.map((c) => ({ id: c.id, text: c.resultSheetText ?? c.text, descriptors: c.descriptors ?? { referral: [], pass: [] }, maxMarks: c.maxMarks ?? null })),
    })),
    // The qualification's scheme decides how a criterion is marked: Pass/Referral, or marks within its maximum.
    marked,
    total: marks ? { total: marks.total, outOf: marks.outOf } : null,
    instructions: view.unit.resultSheet?.instructions ?? [],
    decisions,
    findings,
    evidence,
    documents: view.documents,
    panelDocuments,
    discussions,
    outcome: view.outcome,
    // A marks unit's outcome is its total (core's markedOutcome); undefined for a Pass/Referral unit.
    marks: view.marked ? (view.marked.errors.length === 0 ? view.marked.words : null) : undefined,
    ratifications: view.ratifications,
    attempt: view.submission.attempt,
    result: view.submission.result,
    comments: Object.fromEntries(view.comments.map((c) => [c.target, c.comment])),
    // Quality assurance sent the decision back: its comments lead the page until the assessor records again.
    returnedByQa: view.submission.status === "submitted" ? (view.ratifications.filter((r) => r.decision === "return").at(-1) ?? null) : null,
    previous: view.previous
      ? {
          attempt: view.previous.submission.attempt,
          decisions: Object.fromEntries(view.previous.decisions.map((d) => [d.criterion, { decision: d.decision, feedback: d.feedback }])),
          changes: view.previous.changes,
        }
      : null,
    recorded: new URL(request.url).searchParams.get("recorded") === "1",
    files: (await submissionFiles(context.database.db, user.scope, view)),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["assessor"]);
  const form = await readForm(request);
  const { db } = context.database;
  const view = (await loadSubmission(db, user.scope, params.id ?? ""));
  if (!view) throw notFound();
  if (view.submission.status !== "submitted") return { errors: [{ href: "#marking", message: "This unit has already been assessed." }] };
  const finish = form.get("intent") === "finish";
  // Everything is checked before anything is stored: a refused Record leaves the stored marks as they were.
  const errors: { href: string; message: string }[] = [];
  const decisions: { criterion: string; decision?: "Pass" | "Referral"; marks?: number; feedback: string }[] = [];
  const criteria = unitCriteria(view.unit);
  const stored = new Set(view.decisions.map((d) => d.criterion));
  const marked = isMarked(view.submission.qualification);
  for (const criterion of criteria) {
    const ref = `${view.unit.id}:${criterion.id}`;
    const key = criterion.id.replace(".", "-");
    const decision = form.get(`decision-${criterion.id}`);
    const feedback = String(form.get(`feedback-${criterion.id}`) ?? "");
    if (feedback.length > TEXT_LIMITS.comments) errors.push({ href: `#feedback-${key}`, message: `AC ${criterion.id}: the feedback has at most ${TEXT_LIMITS.comments.toLocaleString("en-GB")} characters` });
    if (marked) {
      // Marks within the criterion's maximum, as the qualification data gives it.
      const max = criterion.maxMarks ?? 0;
      const text = String(form.get(`marks-${criterion.id}`) ?? "").trim();
      if (text === "") {
        if (finish && !stored.has(ref)) errors.push({ href: `#marks-${key}`, message: `AC ${criterion.id}: give a mark out of ${max} before you record the decision` });
        continue;
      }
      const mark = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isNaN(mark)) errors.push({ href: `#marks-${key}`, message: `AC ${criterion.id}: the mark must be a whole number from 0 to ${max}` });
      else if (mark > max) errors.push({ href: `#marks-${key}`, message: `AC ${criterion.id}: ${mark} marks is more than its maximum of ${max}` });
      else decisions.push({ criterion: ref, marks: mark, feedback });
      continue;
    }
    if (decision !== "Pass" && decision !== "Referral") {
      if (finish && !stored.has(ref)) errors.push({ href: `#decision-${key}`, message: `AC ${criterion.id}: choose Pass or Referral before you record the decision` });
      continue;
    }
    if (decision === "Referral" && !feedback.trim()) {
      errors.push({ href: `#feedback-${key}`, message: `AC ${criterion.id}: say why the criterion is referred` });
      continue;
    }
    decisions.push({ criterion: ref, decision, feedback });
  }
  const comments: Record<string, string> = {};
  for (const lo of view.unit.learningOutcomes) {
    const comment = String(form.get(`lo-comment-${lo.number}`) ?? "").trim();
    if (comment.length > TEXT_LIMITS.comments) errors.push({ href: `#lo-comment-${lo.number}`, message: `Learning outcome ${lo.number}: the comment has at most ${TEXT_LIMITS.comments.toLocaleString("en-GB")} characters` });
    else if (comment || view.comments.some((c) => c.target === `lo:${lo.number}`)) comments[`lo:${lo.number}`] = comment;
  }
  if (errors.length) return { errors };
  const result = (await recordMarks(db, user.scope, { submissionId: view.submission.id, decisions, comments, criteria: criteria.map((c) => `${view.unit.id}:${c.id}`), finish }));
  if (!result.ok) {
    if (result.reason === "undecided") return { errors: result.criteria.map((c) => ({ href: `#${marked ? "marks" : "decision"}-${c.split(":")[1]!.replace(".", "-")}`, message: `AC ${c.split(":")[1]}: ${marked ? "give a mark" : "choose Pass or Referral"} before you record the decision` })) };
    if (result.reason === "too-long") return { errors: [{ href: "#marking", message: `${result.field}: at most ${result.limit} characters` }] };
    if (result.reason === "not-submitted") return { errors: [{ href: "#marking", message: "This unit has already been assessed." }] };
    throw notFound();
  }
  if (finish) throw redirect(`/assessor/submissions/${view.submission.id}?recorded=1`);
  return { saved: true as const };
}

/** Whether the qualification marks its criteria out of a maximum (its data's `scheme`), rather than Pass/Referral. */
function isMarked(qualificationId: string): boolean {
  return registry.qualification(qualificationId)?.scheme === "marks";
}

export default function MarkSubmission() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result && "errors" in result ? result.errors : undefined) ?? [];
  const locked = data.submission.status !== "submitted";
  // The evidence panel: null (closed), "list" (every submitted document) or a document's id.
  const [panel, setPanel] = useState<string | null>(null);
  const openPanel = useCallback((id: string) => setPanel(id), []);
  return (
    <div className={panel ? "marking-layout marking-layout--open" : "marking-layout"}>
    <div className="marking-layout__main">
      <ErrorSummary errors={errors} />
      <p><a href="/assessor">Marking queue</a></p>
      <h1>Unit {data.unit.id} Result Sheet</h1>
      <SubmissionHeader learner={data.learner} submission={data.submission} unitTitle={data.unit.title} outcome={data.outcome} marks={data.marks} documents={data.documents} />
      {result && "saved" in result ? <div className="notice notice--success" role="status"><p><strong>Your marks are saved as a draft.</strong> The learner does not see them. Record the assessor’s decision when every criterion is decided.</p></div> : null}
      {data.recorded ? <div className="notice notice--success" role="status"><p><strong>The decision is recorded as provisional.</strong> It is now with quality assurance; the learner sees it as provisional until it is ratified.</p></div> : null}
      {data.returnedByQa ? (
        <div className="notice notice--warning" role="status" id="qa-return">
          <p><strong>Quality assurance returned this decision to you on {data.returnedByQa.decidedAt.slice(0, 10)}:</strong></p>
          <p>{data.returnedByQa.comments}</p>
          <p>Review the decisions below and record the decision again.</p>
        </div>
      ) : null}
      {data.attempt > 1 ? (
        <section className="notice" aria-labelledby="attempt">
          <h2 id="attempt">Attempt {data.attempt}</h2>
          <p>The learner was referred in attempt {data.previous?.attempt ?? data.attempt - 1}. The previous decision and feedback are shown beside each criterion.</p>
          {data.previous ? (
            <details>
              <summary>What changed since attempt {data.previous.attempt} ({data.previous.changes.filter((c) => c.change !== "unchanged").length} of {data.previous.changes.length} documents)</summary>
              <ul>
                {data.previous.changes.map((c) => (
                  <li key={c.id}><a href={`/documents/${c.id}`} onClick={openInPanel(openPanel, c.id)}>{c.label}</a>: {c.change}{c.fields.length ? ` (${c.fields.join("; ")})` : ""}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
      {data.instructions.length ? (
        <details><summary>Instructions for assessment and use of result sheet</summary>{data.instructions.map((p) => <p key={p}>{p}</p>)}</details>
      ) : null}
      <p className="no-print"><button type="button" className="button button--secondary" onClick={() => setPanel("list")}>Show the submitted documents beside the marks</button></p>
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
                  {data.marked ? null : (
                    <div className="descriptors">
                      <div><p className="label">Referral</p><ul>{c.descriptors.referral.map((d) => <li key={d}>{d}</li>)}</ul></div>
                      <div><p className="label">Pass</p><ul>{c.descriptors.pass.map((d) => <li key={d}>{d}</li>)}</ul></div>
                    </div>
                  )}
                  {finding ? (
                    <div className="notice">
                      <p><strong>What the records show:</strong> <span className={`tag tag--${finding.status.replaceAll(" ", "-")}`}>{finding.status}</span></p>
                      <ul>{finding.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                      <EvidenceLinks pointers={finding.pointers} evidence={data.evidence} onOpen={openPanel} />
                    </div>
                  ) : null}
                  {data.discussions[ref]?.length ? (
                    <ul className="discussion-evidence">
                      {data.discussions[ref]!.map((d) => (
                        <li key={d.id}>
                          <a href={`/documents/${d.id}`} onClick={openInPanel(openPanel, d.id)}>{d.label}</a>
                          {d.times.length ? `: discussed at ${d.times.join(", ")}` : null}
                          {d.confirmation ? <> <span className={`tag tag--${d.confirmation === "confirmed" ? "met" : "for-the-assessor"}`}>{d.confirmation === "confirmed" ? "notes confirmed by the learner" : d.confirmation === "changed" ? "changed since the learner confirmed the notes" : "notes not yet confirmed by the learner"}</span></> : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <AttachmentLinks files={data.files[ref]} />
                  {data.marked ? (
                    <div className="field">
                      <label htmlFor={`marks-${key}`}>Marks for AC {c.id} (out of {c.maxMarks})</label>
                      <input id={`marks-${key}`} name={`marks-${c.id}`} type="number" inputMode="numeric" min={0} max={c.maxMarks ?? undefined} step={1} className="input--width-3" defaultValue={decided?.marks ?? ""} disabled={locked} />
                      {decided && decided.marks !== null ? <p className="hint">Recorded: {decided.marks} of {c.maxMarks} (<span className={`tag tag--${decided.state}`}>{decided.state}</span>)</p> : null}
                    </div>
                  ) : (
                  <fieldset id={`decision-${key}`}>
                    <legend>Pass / Referral for AC {c.id}</legend>
                    <div className="radios">
                      {(["Pass", "Referral"] as const).map((d) => (
                        <label key={d}><input type="radio" name={`decision-${c.id}`} value={d} defaultChecked={decided?.decision === d} disabled={locked} /> {d}</label>
                      ))}
                    </div>
                    {decided ? <p className="hint">Recorded: {decided.decision} (<span className={`tag tag--${decided.state}`}>{decided.state}</span>)</p> : null}
                  </fieldset>
                  )}
                  <div className="field">
                    <label htmlFor={`feedback-${key}`}>Assessor feedback on AC {c.id}</label>
                    <textarea id={`feedback-${key}`} name={`feedback-${c.id}`} defaultValue={decided?.feedback ?? ""} disabled={locked} maxLength={5000} />
                  </div>
                  {data.previous?.decisions[ref] ? (
                    <p className="hint">Attempt {data.previous.attempt}: {data.previous.decisions[ref]!.decision}{data.previous.decisions[ref]!.feedback ? ` — ${data.previous.decisions[ref]!.feedback}` : ""}</p>
                  ) : null}
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`lo-comment-${lo.number}`}>Learning Outcome {lo.number} comments (optional)</label>
              <textarea id={`lo-comment-${lo.number}`} name={`lo-comment-${lo.number}`} defaultValue={data.comments[`lo:${lo.number}`] ?? ""} disabled={locked} maxLength={5000} />
            </div>
          </section>
        ))}
        {data.total ? <p id="total-marks"><strong>Total: {data.total.total} out of {data.total.outOf}</strong></p> : null}
        {locked ? null : (
          <p>
            <button type="submit" name="intent" value="save" className="button button--secondary">Save marks as draft</button>
            <button type="submit" name="intent" value="finish" className="button">Record the assessor’s decision</button>
          </p>
        )}
      </Form>
      <p><a href={`/downloads/result-sheet/${data.submission.id}.pdf`}>Download the result sheet (PDF)</a></p>
    </div>
    <EvidencePanel documents={data.panelDocuments} open={panel} onOpen={openPanel} onClose={() => setPanel(null)} />
    </div>
  );
}
