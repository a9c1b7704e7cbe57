import { mayWrite, registry } from "@ilm-forms/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { DocumentEditor } from "../components/DocumentEditor.tsx";
import { useGoToSaved } from "../components/useGoToSaved.ts";
import { readPostedDocument } from "../models/documentForm.server.ts";
import { createDocumentFor, namesInOtherDocuments } from "../models/learnerDocuments.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { documentSaveRefusal } from "../models/rateLimits.server.ts";
import { retryAfterHeaders } from "../utils/retryAfter.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "New document"} – ilm-forms` }];

/** A refused save (429) says when to try again. */
export const headers = retryAfterHeaders;

function templateFrom(request: Request) {
  const id = new URL(request.url).searchParams.get("template") ?? "";
  const template = registry.get(id);
  if (!template || !mayWrite(template, "learner")) throw notFound();
  return template;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const template = templateFrom(request);
  const unit = new URL(request.url).searchParams.get("unit");
  return { templateId: template.id, templateVersion: template.version, title: template.title, unit, knownNames: await namesInOtherDocuments(context.database.db, user.scope, user.learnerId ?? "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const form = await readForm(request);
  const template = templateFrom(request);
  const read = readPostedDocument(form, context.config.maxBodyBytes);
  if (!read.ok) return { errors: read.errors };
  const limited = await documentSaveRefusal(context.database.db, user.id, context.config.documentSavesPer10Minutes);
  if (limited) return limited;
  const result = (await createDocumentFor(context.database.db, user.scope, { learnerId: user.learnerId ?? "", templateId: template.id, data: read.posted.data }));
  if (!result.ok) {
    if (result.reason === "invalid") return { errors: result.errors };
    throw notFound();
  }
  return { saved: true, id: result.id };
}

export default function NewDocument() {
  const { templateId, templateVersion, unit, knownNames } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const root = useRouteLoaderData("root") as { csrf: string };
  useGoToSaved(outcome, (id) => `/learner/documents/${id}?saved=1${unit ? `&unit=${encodeURIComponent(unit)}` : ""}`);
  return (
    <>
      <p><a href={unit ? `/learner/units/${unit}` : "/learner"}>Back to the unit</a></p>
      <DocumentEditor
        templateId={templateId}
        templateVersion={templateVersion}
        documentId={`new-${templateId}`}
        value={{}}
        csrf={root.csrf}
        knownNames={knownNames}
        outcome={outcome}
      />
    </>
  );
}
