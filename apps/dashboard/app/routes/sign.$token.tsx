import { IlmForm } from "@ilm-forms/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { documentToSign, signThroughLink, type LinkRefused } from "../models/signingLinks.server.ts";
import { signingRateLimited } from "../models/rateLimits.server.ts";
import { readForm } from "../utils/form.server.ts";

// The page a signer opens from a signing link, without an account (issue 20): the document read-only,
// their name typed and confirmed. The token is the only key; it is never echoed.

export const meta: MetaFunction = () => [{ title: "Sign a document – ilm-forms" }, { name: "referrer", content: "no-referrer" }];

const REFUSED: Record<LinkRefused["reason"], string> = {
  unknown: "This signing link is not valid. Check that you copied all of it, or ask the person who sent it for a new one.",
  expired: "This signing link has expired. Ask the person who sent it for a new one.",
  used: "This signing link has already been used to sign. Each link works once; ask the person who sent it if you need to sign again.",
  revoked: "This signing link was withdrawn by the person who sent it. Ask them for a new one if you still need to sign.",
};

/** A refusal to throw: 404 for a token that names no link (nothing is learnt), 410 with the reason for a link that was real. */
function refused(reason: LinkRefused["reason"]): Response {
  return new Response(REFUSED[reason], { status: reason === "unknown" ? 404 : 410, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function tooMany(): Response {
  return new Response("Too many requests from your address. Wait a quarter of an hour and open the link again.", { status: 429, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "900" } });
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  if ((await signingRateLimited(context.database.db, context.clientIp))) throw tooMany();
  const opened = await documentToSign(context.database.db, params.token ?? "");
  if (!opened.ok) throw refused(opened.reason);
  return { title: opened.title, document: opened.document, field: opened.field, contentHash: opened.contentHash };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if ((await signingRateLimited(context.database.db, context.clientIp))) throw tooMany();
  const token = params.token ?? "";
  const opened = await documentToSign(context.database.db, token);
  if (!opened.ok) throw refused(opened.reason);
  const form = await readForm(request);
  const name = String(form.get("name") ?? "");
  if (form.get("confirm") !== "yes") return { error: "Tick the box to confirm that you have read the document and sign it." };
  const signed = (await signThroughLink(context.database.db, token, { name, expectedContentHash: String(form.get("contentHash") ?? "") }));
  // The link is used now, so this page can no longer be shown: the thanks are on their own page.
  if (signed.ok) return redirect("/sign/done");
  if (signed.reason === "no-name") return { error: "Type your name to sign." };
  if (signed.reason === "too-long") return { error: "Your name is too long." };
  if (signed.reason === "changed") return { error: "The document changed while you were reading it. Read it again below, then sign." };
  throw refused(signed.reason);
}

export default function SignDocument() {
  const loaded = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <>
      <h1>Sign: {loaded.title}</h1>
      <p>You are asked to sign as the <strong>{loaded.field.replace(/^Signature of /, "").toLowerCase()}</strong>. Read the document, then type your name below.</p>
      {outcome && "error" in outcome ? <div className="notice notice--warning" role="alert"><p>{outcome.error}</p></div> : null}
      <IlmForm template={loaded.document.templateId} version={loaded.document.templateVersion} value={loaded.document.data} readOnly draftKey={false} />
      <Form method="post" className="signing-form">
        <CsrfField />
        <input type="hidden" name="contentHash" value={loaded.contentHash} />
        <div className="field">
          <label htmlFor="signer-name">Your name</label>
          <input id="signer-name" name="name" type="text" autoComplete="name" maxLength={200} required />
        </div>
        <div className="checkbox">
          <input type="checkbox" id="signer-confirm" name="confirm" value="yes" required />
          <label htmlFor="signer-confirm">I have read this document and I sign it. Typing my name here is my signature.</label>
        </div>
        <p className="hint">What you sign is fixed by its fingerprint (SHA-256) <code>{loaded.contentHash.slice(0, 16)}</code>: if the document is changed later, your signature shows as no longer matching.</p>
        <button type="submit" className="button">Sign</button>
      </Form>
    </>
  );
}
