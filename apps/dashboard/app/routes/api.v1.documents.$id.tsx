import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiDocument, apiScope, saveApiDocument, forbiddenTemplate, json, problem, readDocumentBody, unauthorised } from "../models/api.server.ts";

const NOT_FOUND = () => json({ errors: [problem("not-found", "There is no such document in your centre")] }, 404);

/** GET /api/v1/documents/:id: one document of the caller's centre. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db } = context.database;
  const scope = (await apiScope(db, request));
  if (!scope) return unauthorised();
  const document = await apiDocument(db, scope, params.id ?? "");
  return document ? json(document) : NOT_FOUND();
}

/** PUT /api/v1/documents/:id `{ expectedVersion, data }`: optimistic locking; 409 when it changed or is in a unit under assessment. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== "PUT") return json({ errors: [problem("method", "Use PUT to change a document")] }, 405);
  const { db } = context.database;
  const scope = (await apiScope(db, request));
  if (!scope) return unauthorised();
  const read = await readDocumentBody(request, context.config.maxBodyBytes, { expectedVersion: "integer" });
  if (!read.ok) return read.response;
  const { body } = read;
  const result = (await saveApiDocument(db, scope, { id: params.id ?? "", expectedVersion: body.expectedVersion as number, data: body.data }));
  if (result.ok) return json({ id: params.id, version: result.version });
  if (result.reason === "invalid") return json({ errors: result.errors.map((e) => ({ ...e, path: `/data${e.path}` })) }, 422);
  if (result.reason === "changed") return json({ errors: [problem("changed", "The document changed since you read it: read it again and reapply your change", "/expectedVersion")], currentVersion: result.currentVersion }, 409);
  if (result.reason === "locked") {
    const { submission } = result;
    return json({ errors: [problem("locked", `The document is part of unit ${submission.unit}, submitted for assessment on ${submission.submittedAt.slice(0, 10)}: it can be changed again once the assessor returns the unit`)], submission: submission.id }, 409);
  }
  if (result.reason === "final") return json({ errors: [problem("final", "The document was handed in as final (status submitted): it can be changed again only once a returned unit reopens it")] }, 409);
  if (result.reason === "forbidden") return forbiddenTemplate();
  return NOT_FOUND();
}
