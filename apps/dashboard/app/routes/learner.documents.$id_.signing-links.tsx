import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { registry } from "@ilm-forms/core";
import { documentToEdit } from "../models/learnerDocuments.server.ts";
import { makeSigningLink, withdrawSigningLink } from "../models/signingLinks.server.ts";
import { canSendMail, isEmailAddress, sendSigningLink } from "../models/mail.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { logError } from "../../server/log.js";

// A learner makes or withdraws a signing link for a signature field of their document (issue 20).
// The link is shown once, on the page this action answers with; only its hash is kept.

export const meta: MetaFunction = () => [{ title: "Signing link – ilm-forms" }];

// The page renders after the action (a form post is answered with the page): the loader only checks
// that the caller may see the document.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const document = await documentToEdit(context.database.db, user.scope, params.id ?? "");
  if (!document) throw notFound();
  return { documentId: document.id };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const form = await readForm(request);
  const { db } = context.database;
  const document = await documentToEdit(db, user.scope, params.id ?? "");
  if (!document) throw notFound();
  const back = `/learner/documents/${document.id}`;
  if (form.get("intent") === "revoke") {
    const revoked = (await withdrawSigningLink(db, user.scope, String(form.get("linkId") ?? "")));
    if (!revoked.ok && revoked.reason !== "used") throw notFound();
    return redirect(back);
  }
  if (form.get("intent") !== "create") return { documentId: document.id, error: "Choose whose signature to ask for." };
  const field = String(form.get("field") ?? "");
  // Optional, with the SMTP setting: the address to e-mail the link to (used once, not kept).
  const email = canSendMail(context.config) ? String(form.get("email") ?? "").trim() : "";
  if (email && !isEmailAddress(email)) return { documentId: document.id, error: "E-mail address: enter an address like name@example.org, or leave it empty to pass the link on yourself." };
  const made = (await makeSigningLink(db, user.scope, document, field));
  if (!made.ok) {
    if (made.reason === "locked") return { documentId: document.id, error: "The document is part of a unit under assessment: no one can be asked to sign it until the unit is returned." };
    if (made.reason === "not-a-signature-field") return { documentId: document.id, error: "Choose whose signature to ask for." };
    throw notFound();
  }
  const { title } = made;
  const link = `${new URL(request.url).origin}/sign/${made.token}`;
  let mailed: "sent" | "failed" | undefined;
  if (email) {
    const documentTitle = registry.get(document.templateId, document.templateVersion)?.title ?? "a document";
    mailed = await sendSigningLink(context.config, { to: email, link, signature: title, document: documentTitle, expiresAt: made.link.expiresAt }).then(
      () => "sent" as const,
      (error: unknown) => {
        logError(error instanceof Error ? error.message : error, { where: "signing link e-mail", request });
        return "failed" as const;
      },
    );
  }
  return { documentId: document.id, link, title, expiresAt: made.link.expiresAt, ...(mailed ? { mailed, email } : {}) };
}

export default function SigningLinkMade() {
  const { documentId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (!data) return <p><a href={`/learner/documents/${documentId}`}>Back to the document</a>: ask for a signature there.</p>;
  return (
    <>
      <p><a href={`/learner/documents/${data.documentId}`}>Back to the document</a></p>
      {"link" in data && data.link ? (
        <>
          <h1>A signing link for the {data.title.toLowerCase()}</h1>
          <div className="notice notice--success" role="status">
            <p>Pass this link on to the person who signs. It is shown only this once, works once, and expires on {data.expiresAt.slice(0, 10)}.</p>
            {"mailed" in data && data.mailed === "sent" ? <p>{`It was e-mailed to ${data.email}.`}</p> : null}
          </div>
          {"mailed" in data && data.mailed === "failed" ? <div className="notice notice--warning" role="alert"><p>{`The e-mail to ${data.email} could not be sent: pass the link on yourself.`}</p></div> : null}
          <label htmlFor="signing-link">Signing link</label>
          <input id="signing-link" type="text" readOnly value={data.link} />
        </>
      ) : (
        <div className="notice notice--warning" role="alert"><p>{"error" in data ? data.error : ""}</p></div>
      )}
    </>
  );
}
