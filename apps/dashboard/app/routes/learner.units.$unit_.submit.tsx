import { authenticityDeclarationTemplate, registry } from "@ilm-forms/core";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { documentLabel, learnerProgress } from "../models/portfolio.server.ts";
import { submissionFingerprint, submitForAssessment, unitAwaitingAssessor } from "../models/unitSubmission.server.ts";
import { notFound, requireUser, type CurrentUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "Submit a unit – ilm-forms" }];

/** The declaration template the unit's qualification names in its data (none for a scheme without one). */
function declarationOf(qualification: string) {
  const data = registry.qualification(qualification);
  const id = data && authenticityDeclarationTemplate(data);
  return id ? registry.get(id) : undefined;
}

async function unitToSubmit(user: CurrentUser, db: Parameters<typeof learnerProgress>[0], unitId: string | undefined) {
  const progress = (await learnerProgress(db, user.scope, user.learnerId ?? "", unitId)).find((p) => p.unit.id === unitId);
  if (!progress) throw notFound();
  return progress;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const { db } = context.database;
  const progress = (await unitToSubmit(user, db, params.unit));
  const pending = await unitAwaitingAssessor(db, user.scope, user.learnerId, progress.unit.id);
  const DECLARATION = declarationOf(progress.registration.qualification);
  const properties = (DECLARATION?.schema.properties ?? {}) as Record<string, { title?: string }>;
  return {
    unit: { id: progress.unit.id, title: progress.unit.title },
    name: user.name,
    pending,
    documents: progress.documents.map((d) => ({ id: d.id, label: documentLabel(d), version: d.version })),
    contentHash: await submissionFingerprint(db, user.scope, progress),
    notMet: progress.check.findings.filter((f) => f.status === "not met").map((f) => f.criterion),
    declaration: { title: DECLARATION?.title ?? "Authentication sheet", intro: String(DECLARATION?.schema.description ?? ""), statement: properties.declaration?.title ?? "" },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const form = await readForm(request);
  const { db } = context.database;
  const progress = (await unitToSubmit(user, db, params.unit));
  const typed = String(form.get("name") ?? "").trim().replace(/\s+/g, " ");
  const errors: { path: string; message: string }[] = [];
  if (form.get("confirm") !== "yes") errors.push({ path: "confirm", message: "Confirm that the work is your own" });
  if (!typed) errors.push({ path: "name", message: "Type your full name to sign the declaration" });
  else if (typed.toLowerCase() !== user.name.trim().replace(/\s+/g, " ").toLowerCase()) errors.push({ path: "name", message: `Type your full name as your centre has it: ${user.name}` });
  if (errors.length) return { errors };
  const result = await submitForAssessment(db, user.scope, progress, {
    declaration: { name: typed, date: new Date().toISOString().slice(0, 10) },
    expectedContentHash: String(form.get("contentHash") ?? ""),
  });
  if (result.ok) throw redirect(`/learner/units/${progress.unit.id}?submitted=1`);
  const message =
    result.reason === "changed" ? "Your documents changed after this page was opened. Check them and submit again." :
    result.reason === "no-documents" ? "There are no documents to submit yet." :
    result.reason === "not-registered" ? "You are not registered on this unit." :
    result.reason === "open" ? "This unit is already with your assessor or quality assurance: wait for their decision." :
    result.reason === "passed" ? "This unit is ratified as a Pass: there is nothing more to submit." :
    result.reason === "marked" ? "This unit's marks are ratified: there is nothing more to submit." : "The unit could not be submitted.";
  return { errors: [{ path: "name", message }] };
}

export default function SubmitUnit() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const errorFor = (path: string) => errors.find((e) => e.path === path);
  return (
    <>
      <ErrorSummary errors={errors.map((e) => ({ href: `#${e.path}`, message: e.message }))} />
      <p><a href={`/learner/units/${data.unit.id}`}>Back to the unit</a></p>
      <h1>Submit Unit {data.unit.id} for assessment</h1>
      {data.pending ? <div className="notice"><p>This unit is already waiting for your assessor. Submitting again sends the documents as they are now.</p></div> : null}
      {data.notMet.length ? (
        <div className="notice notice--warning">
          <p>The automatic checks found criteria your records do not show yet: {data.notMet.map((c) => `AC ${c.split(":")[1]}`).join(", ")}. You can still submit; your assessor decides.</p>
        </div>
      ) : null}
      <h2>What you are submitting</h2>
      <ul>
        {data.documents.map((d) => <li key={d.id}>{d.label} (version {d.version})</li>)}
      </ul>
      <p className="hint">Fingerprint of exactly this content (SHA-256): <code>{data.contentHash}</code></p>
      <h2>{data.declaration.title}</h2>
      <p>{data.declaration.intro}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="contentHash" value={data.contentHash} />
        <div className={`field${errorFor("confirm") ? " field--error" : ""}`}>
          {errorFor("confirm") ? <p className="error-message" id="confirm-error">{errorFor("confirm")!.message}</p> : null}
          <div className="radios">
            <label><input id="confirm" type="checkbox" name="confirm" value="yes" aria-describedby={errorFor("confirm") ? "confirm-error" : undefined} /> {data.declaration.statement}</label>
          </div>
        </div>
        <div className={`field${errorFor("name") ? " field--error" : ""}`}>
          <label htmlFor="name">Type your full name to sign</label>
          <p className="hint" id="name-hint">Typing your name is your signature. Today’s date is added.</p>
          {errorFor("name") ? <p className="error-message" id="name-error">{errorFor("name")!.message}</p> : null}
          <input id="name" name="name" type="text" autoComplete="name" aria-describedby={`name-hint${errorFor("name") ? " name-error" : ""}`} aria-invalid={errorFor("name") ? true : undefined} />
        </div>
        <button type="submit" className="button">Submit for assessment</button>
      </Form>
    </>
  );
}
