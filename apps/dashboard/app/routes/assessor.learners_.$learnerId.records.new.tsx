import { mayWrite, registry } from "@ilm-forms/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { DocumentEditor } from "../components/DocumentEditor.tsx";
import { useGoToSaved } from "../components/useGoToSaved.ts";
import { readPostedDocument } from "../models/documentForm.server.ts";
import { createDocumentFor } from "../models/learnerDocuments.server.ts";
import { learnerRecords } from "../models/records.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { documentSaveRefusal } from "../models/rateLimits.server.ts";
import { retryAfterHeaders } from "../utils/retryAfter.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "New record"} – ilm-forms` }];

/** A refused save (429) says when to try again. */
export const headers = retryAfterHeaders;

/** The template asked for, if the assessor keeps such records, and the learner, if assigned to them. */
async function recordFor(request: Request, context: LoaderFunctionArgs["context"], learnerId: string) {
  const user = await requireUser(request, context, ["assessor"]);
  const template = registry.get(new URL(request.url).searchParams.get("template") ?? "");
  if (!template || !mayWrite(template, user.role)) throw notFound();
  const found = (await learnerRecords(context.database.db, user.scope, learnerId, [template.id.split("/")[0]!]));
  if (!found) throw notFound();
  return { user, template, learner: found.learner };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { template, learner } = await recordFor(request, context, params.learnerId ?? "");
  return { templateId: template.id, templateVersion: template.version, title: template.title, learner: { id: learner.id, name: learner.name } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, template, learner } = await recordFor(request, context, params.learnerId ?? "");
  const form = await readForm(request);
  const read = readPostedDocument(form, context.config.maxBodyBytes);
  if (!read.ok) return { errors: read.errors };
  const limited = await documentSaveRefusal(context.database.db, user.id, context.config.documentSavesPer10Minutes);
  if (limited) return limited;
  const result = (await createDocumentFor(context.database.db, user.scope, { learnerId: learner.id, templateId: template.id, data: read.posted.data }));
  if (!result.ok) {
    if (result.reason === "invalid") return { errors: result.errors };
    throw notFound();
  }
  return { saved: true, id: result.id };
}

export default function NewRecord() {
  const { templateId, templateVersion, title, learner } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const root = useRouteLoaderData("root") as { csrf: string };
  useGoToSaved(outcome, (id) => `/assessor/records/${id}?saved=1`);
  return (
    <>
      <p><a href="/assessor/learners">My learners</a></p>
      <p className="lead">{title}: a record you keep for {learner.name}. It is evidence in the learner’s portfolio for the criteria it names.</p>
      <DocumentEditor templateId={templateId} templateVersion={templateVersion} documentId={`new-${templateId}-${learner.id}`} value={{}} csrf={root.csrf} knownNames={[]} outcome={outcome} />
    </>
  );
}
