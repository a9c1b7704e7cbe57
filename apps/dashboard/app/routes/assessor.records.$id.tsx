import { mayWrite, registry } from "@ilm-forms/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { DocumentEditor } from "../components/DocumentEditor.tsx";
import { readPostedDocument } from "../models/documentForm.server.ts";
import { documentToEdit, saveDocumentChange } from "../models/learnerDocuments.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { documentSaveRefusal } from "../models/rateLimits.server.ts";
import { retryAfterHeaders } from "../utils/retryAfter.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Record"} – ilm-forms` }];

/** A refused save (429) says when to try again. */
export const headers = retryAfterHeaders;

/** A record the assessor keeps (its template names the assessor as a writer) about an assigned learner. */
async function recordOf(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  const user = await requireUser(request, context, ["assessor"]);
  const document = (await documentToEdit(context.database.db, user.scope, id));
  const template = document && registry.get(document.templateId, document.templateVersion);
  if (!document || !template || !mayWrite(template, user.role)) throw notFound();
  return { user, document, template };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { document, template } = await recordOf(request, context, params.id ?? "");
  return {
    document: { id: document.id, templateId: document.templateId, templateVersion: document.templateVersion, data: document.data, version: document.version },
    title: template.title,
    saved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, document } = await recordOf(request, context, params.id ?? "");
  const form = await readForm(request);
  const read = readPostedDocument(form, context.config.maxBodyBytes);
  if (!read.ok) return { errors: read.errors };
  if (read.posted.expectedVersion === undefined) return { errors: [{ path: "", field: "The document", location: "The document", rule: "version", message: "The form did not say which version of the record it changes. Reload the page." }] };
  const limited = await documentSaveRefusal(context.database.db, user.id, context.config.documentSavesPer10Minutes);
  if (limited) return limited;
  const result = (await saveDocumentChange(context.database.db, user.scope, { id: document.id, expectedVersion: read.posted.expectedVersion, data: read.posted.data }));
  if (result.ok) return { saved: true, version: result.version };
  if (result.reason === "invalid") return { errors: result.errors };
  if (result.reason === "changed") return { conflict: { currentVersion: result.currentVersion } };
  if (result.reason === "locked" || result.reason === "final") return { errors: [{ path: "", field: "The record", location: "The record", rule: result.reason, message: "The record is part of a unit under assessment or handed in as final: it cannot be changed now." }] };
  throw notFound();
}

export default function EditRecord() {
  const { document, saved } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const root = useRouteLoaderData("root") as { csrf: string };
  const version = outcome && "version" in outcome && outcome.version ? outcome.version : document.version;
  return (
    <>
      <p><a href="/assessor/learners">My learners</a> · <a href={`/downloads/document/${document.id}.pdf`}>Download as PDF</a></p>
      {saved && !outcome ? <div className="notice notice--success" role="status"><p>Saved.</p></div> : null}
      <DocumentEditor templateId={document.templateId} templateVersion={document.templateVersion} documentId={document.id} value={document.data} expectedVersion={version} csrf={root.csrf} knownNames={[]} outcome={outcome} />
    </>
  );
}
