import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { DocumentEvidence, type DocumentEvidenceData } from "../components/DocumentEvidence.tsx";
import { documentToRead, endorseRecord, recordApproval } from "../models/documentView.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Document"} – ilm-forms` }];

/** A document, read-only, for the people who assess and quality-assure it (scoped by the database). */
export async function loader({ request, context, params }: LoaderFunctionArgs): Promise<DocumentEvidenceData & { approval: (NonNullable<Awaited<ReturnType<typeof recordApproval>>> & { done: boolean }) | null }> {
  const user = await requireUser(request, context, ["assessor", "iqa", "centre_admin", "learner", "eqa"]);
  const { db } = context.database;
  const read = await documentToRead(db, user.scope, params.id ?? "");
  if (!read) throw notFound();
  const approval = await recordApproval(db, user.scope, read.document);
  return { ...read, approval: approval && { ...approval, done: new URL(request.url).searchParams.get("approved") === "1" } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["iqa", "centre_admin"]);
  const form = await readForm(request);
  if (form.get("intent") !== "approve") throw notFound();
  const result = (await endorseRecord(context.database.db, user.scope, { documentId: params.id ?? "", kind: "approved", expectedVersion: Number(form.get("version")) }));
  if (result.ok) throw redirect(`/documents/${params.id}?approved=1`);
  if (result.reason === "changed") return { errors: [{ href: "#approval", message: "The record changed since you read it: read it again before you approve it." }] };
  // The caller may read the document (not-found otherwise): say that this kind of record takes no approval from them.
  if (result.reason === "forbidden") return { errors: [{ href: "#main", message: "This record does not ask for your approval." }] };
  throw notFound();
}

export default function ViewDocument() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const approval = data.approval;
  return (
    <>
      <ErrorSummary errors={result?.errors ?? []} />
      <h1>{data.title}</h1>
      {approval ? (
        <section id="approval" aria-labelledby="approval-title" className={approval.current ? "notice notice--success" : "notice notice--warning"}>
          <h2 id="approval-title">The centre’s approval</h2>
          {approval.current ? (
            <p role={approval.done ? "status" : undefined}>Approved by {approval.current.name} ({approval.current.role === "iqa" ? "IQA" : "centre admin"}) on {approval.current.on}. The rules count this record.</p>
          ) : (
            <>
              <p>{approval.earlier ? "The record changed after it was approved: it needs approving again." : "Not approved yet."} The rules count this record only once the centre (a centre admin or the IQA) approves it.</p>
              {approval.mayApprove ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="version" value={data.document.version} />
                  <button type="submit" className="button">Approve this record</button>
                </Form>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      <DocumentEvidence data={data} />
    </>
  );
}
