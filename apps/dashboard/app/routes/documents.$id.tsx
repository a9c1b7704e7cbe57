import { registry } from "@ilm-forms/core";
import { getDocument, getLearner } from "@ilm-forms/db";
import { IlmForm } from "@ilm-forms/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignatureList } from "../components/SignerSignatures.tsx";
import { documentSignatures } from "../models/signatures.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Document"} – ilm-forms` }];

/** A document, read-only, for the people who assess and quality-assure it (scoped by the database). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["assessor", "iqa", "centre_admin", "learner"]);
  const { db } = context.database;
  const document = (await getDocument(db, user.scope, params.id ?? ""));
  if (!document) throw notFound();
  const learner = (await getLearner(db, user.scope, document.learnerId));
  return {
    document: { id: document.id, templateId: document.templateId, templateVersion: document.templateVersion, data: document.data, version: document.version, updatedAt: document.updatedAt },
    title: registry.get(document.templateId, document.templateVersion)?.title ?? document.templateId,
    learner: learner?.name ?? "",
    signatures: (await documentSignatures(db, user.scope, document)),
  };
}

export default function ViewDocument() {
  const { document, learner, signatures } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="hint">{learner}, version {document.version}, saved {document.updatedAt.slice(0, 16).replace("T", " ")} · <a href={`/downloads/document/${document.id}.pdf`}>Download as PDF</a></p>
      <IlmForm template={document.templateId} version={document.templateVersion} value={document.data} readOnly draftKey={false} />
      {signatures.fields.length ? (
        <section aria-labelledby="document-signers">
          <h2 id="document-signers">Signatures by the signers</h2>
          <SignatureList signatures={signatures.signatures} />
        </section>
      ) : null}
    </>
  );
}
