import { registry } from "@ilm-forms/core";
import { getDocument, getLearner } from "@ilm-forms/db";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DocumentEvidence, type DocumentEvidenceData } from "../components/DocumentEvidence.tsx";
import { documentAttachments } from "../models/attachments.server.ts";
import { documentSignatures, signatureStates } from "../models/signatures.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Document"} – ilm-forms` }];

/** A document, read-only, for the people who assess and quality-assure it (scoped by the database). */
export async function loader({ request, context, params }: LoaderFunctionArgs): Promise<DocumentEvidenceData> {
  const user = await requireUser(request, context, ["assessor", "iqa", "centre_admin", "learner"]);
  const { db } = context.database;
  const document = getDocument(db, user.scope, params.id ?? "");
  if (!document) throw notFound();
  const learner = getLearner(db, user.scope, document.learnerId);
  const signatures = documentSignatures(db, user.scope, document);
  return {
    document: { id: document.id, templateId: document.templateId, templateVersion: document.templateVersion, data: document.data, version: document.version, updatedAt: document.updatedAt },
    title: registry.get(document.templateId, document.templateVersion)?.title ?? document.templateId,
    learner: learner?.name ?? "",
    signatures,
    signatureStates: signatureStates(document.data, signatures),
    files: documentAttachments(db, user.scope, document.learnerId, document.id),
  };
}

export default function ViewDocument() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{data.title}</h1>
      <DocumentEvidence data={data} />
    </>
  );
}
