import { attachmentRule, kindsPhrase, mayWrite, registry } from "@ilm-forms/core";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { AttachmentList, AttachmentUploadForm } from "../components/AttachmentList.tsx";
import { DocumentEditor } from "../components/DocumentEditor.tsx";
import { SignatureList, SigningLinks } from "../components/SignerSignatures.tsx";
import { documentAttachments } from "../models/attachments.server.ts";
import { documentSignatures } from "../models/signatures.server.ts";
import { canSendMail } from "../models/mail.server.ts";
import { readPostedDocument } from "../models/documentForm.server.ts";
import { endorseRecord, learnerConfirmation } from "../models/documentView.server.ts";
import { documentLock, documentToEdit, namesInOtherDocuments, saveDocumentChange, type HoldingSubmission } from "../models/learnerDocuments.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { documentSaveRefusal } from "../models/rateLimits.server.ts";
import { retryAfterHeaders } from "../utils/retryAfter.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Document"} – ilm-forms` }];

/** A refused save (429) says when to try again. */
export const headers = retryAfterHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const { db } = context.database;
  const document = await documentToEdit(db, user.scope, params.id ?? "");
  if (!document) throw notFound();
  const template = registry.get(document.templateId, document.templateVersion);
  // The unit the learner came from; otherwise the first unit the template evidences.
  const fromUnit = new URL(request.url).searchParams.get("unit");
  const lock = await documentLock(db, user.scope, document);
  const confirmation = await learnerConfirmation(db, user.scope, document);
  const unit = fromUnit && /^[\w-]{1,40}$/.test(fromUnit) ? fromUnit : (template?.annotations.criteria ?? [])[0]?.split(":")[0];
  return {
    document: { id: document.id, templateId: document.templateId, templateVersion: document.templateVersion, data: document.data, version: document.version, status: document.status },
    title: template?.title ?? document.templateId,
    unit,
    knownNames: await namesInOtherDocuments(db, user.scope, document.learnerId, document.id),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    lockedBy: lock.holding,
    // Handed in as final, unless a returned unit or a Referral reopened it for the next attempt.
    final: lock.final,
    attachments: (await documentAttachments(db, user.scope, document.learnerId, document.id)),
    maxAttachmentBytes: context.config.maxAttachmentBytes,
    // What the template allows (x-ilm.attachments): the list's title, the kinds, the largest file.
    attachmentRule: (() => {
      const rule = template && attachmentRule(template);
      return rule ? { title: rule.title, kinds: rule.kinds, kindsPhrase: kindsPhrase(rule.kinds), maxBytes: rule.maxBytes } : null;
    })(),
    signatures: (await documentSignatures(db, user.scope, document)),
    canEmailSigningLinks: canSendMail(context.config),
    // A record another keeps about the learner (a professional discussion): read-only, and the learner confirms its notes.
    writable: template ? mayWrite(template, "learner") : false,
    confirmation: confirmation && { ...confirmation, done: new URL(request.url).searchParams.get("confirmed") === "1" },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const form = await readForm(request);
  if (form.get("intent") === "confirm") {
    const confirmed = (await endorseRecord(context.database.db, user.scope, { documentId: params.id ?? "", kind: "confirmed", expectedVersion: Number(form.get("version")) }));
    if (confirmed.ok) throw redirect(`/learner/documents/${params.id}?confirmed=1`);
    if (confirmed.reason === "changed") return { errors: [{ path: "", field: "The record", location: "The record", rule: "version", message: "The record changed since you read it. Read it again before you confirm it." }] };
    throw notFound();
  }
  const read = readPostedDocument(form, context.config.maxBodyBytes);
  if (!read.ok) return { errors: read.errors };
  if (read.posted.expectedVersion === undefined) return { errors: [{ path: "", field: "The document", location: "The document", rule: "version", message: "The form did not say which version of the document it changes. Reload the page." }] };
  const limited = await documentSaveRefusal(context.database.db, user.id, context.config.documentSavesPer10Minutes);
  if (limited) return limited;
  const result = (await saveDocumentChange(context.database.db, user.scope, { id: params.id ?? "", expectedVersion: read.posted.expectedVersion, data: read.posted.data }));
  if (result.ok) return { saved: true, version: result.version };
  if (result.reason === "invalid") return { errors: result.errors };
  if (result.reason === "changed") return { conflict: { currentVersion: result.currentVersion } };
  if (result.reason === "locked") return { locked: result.submission };
  if (result.reason === "final") return { final: true as const };
  throw notFound();
}

/** Why the document cannot be changed now, and when it can be again. */
function LockedNotice({ submission }: { submission: HoldingSubmission }) {
  return (
    <div className="notice notice--warning" role="status">
      <p>
        <strong>This document is part of Unit {submission.unit}, submitted for assessment on {submission.submittedAt.slice(0, 10)}.</strong>{" "}
        It cannot be changed while it is being assessed, so the assessor marks what you submitted. If the assessor
        returns the unit to you, you can change it again.
      </p>
    </div>
  );
}

/** Why a document handed in as final cannot be changed. */
function FinalNotice() {
  return (
    <div className="notice notice--info" role="status">
      <p>
        <strong>This document was handed in as final.</strong> It cannot be changed now. If your assessor returns the unit
        to you, you can change it again.
      </p>
    </div>
  );
}

export default function EditDocument() {
  const { document, unit, knownNames, saved, lockedBy, final: handedIn, attachments, maxAttachmentBytes, attachmentRule, signatures, canEmailSigningLinks, writable, confirmation } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const locked = outcome && "locked" in outcome ? outcome.locked : lockedBy;
  const final = handedIn || Boolean(outcome && "final" in outcome);
  const root = useRouteLoaderData("root") as { csrf: string };
  const version = outcome && "version" in outcome && outcome.version ? outcome.version : document.version;
  return (
    <>
      <p><a href={unit ? `/learner/units/${unit}` : "/learner"}>Back to the unit</a> · <a href={`/downloads/document/${document.id}.pdf`}>Download as PDF</a></p>
      {saved && !outcome ? <div className="notice notice--success" role="status"><p>Saved.</p></div> : null}
      {!writable ? (
        <div className="notice" role="status"><p><strong>Your assessor or centre keeps this record about you.</strong> You can read it; only they can change it.</p></div>
      ) : locked ? <LockedNotice submission={locked} /> : final ? <FinalNotice /> : null}
      {confirmation ? (
        <section aria-labelledby="confirm-notes" className={confirmation.given ? "notice notice--success" : "notice notice--warning"}>
          <h2 id="confirm-notes">Your confirmation of the notes</h2>
          {confirmation.given ? (
            <p role={confirmation.done ? "status" : undefined}>You confirmed these notes on {confirmation.given.slice(0, 10)}. If the record changes, you are asked to confirm it again.</p>
          ) : (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="version" value={document.version} />
              <p>Read the record below. Confirm it when the notes are a fair record of what was discussed; if they are not, tell your assessor.</p>
              <button type="submit" className="button">I confirm these notes</button>
            </Form>
          )}
        </section>
      ) : null}
      <DocumentEditor
        templateId={document.templateId}
        templateVersion={document.templateVersion}
        documentId={document.id}
        value={document.data}
        expectedVersion={version}
        csrf={root.csrf}
        knownNames={knownNames}
        outcome={outcome}
        readOnly={!writable || final || locked !== null}
      />
      {signatures.fields.length ? (
        <section aria-labelledby="document-signers">
          <h2 id="document-signers">Signatures by the signers</h2>
          <SignatureList signatures={signatures.signatures} />
          <SigningLinks documentId={document.id} data={signatures} locked={Boolean(locked)} canEmail={canEmailSigningLinks} />
        </section>
      ) : null}
      <section aria-labelledby="document-files">
        <h2 id="document-files">Files attached to this document</h2>
        <AttachmentList attachments={attachments} removable={!locked} returnTo={`/learner/documents/${document.id}${unit ? `?unit=${unit}` : ""}`} />
        {locked ? null : <AttachmentUploadForm target={{ documentId: document.id }} returnTo={`/learner/documents/${document.id}${unit ? `?unit=${unit}` : ""}`} maxBytes={maxAttachmentBytes} rule={attachmentRule} />}
      </section>
    </>
  );
}
