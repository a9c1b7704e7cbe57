import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLearnerDocuments, apiScope, createApiDocument, forbiddenTemplate, json, problem, readDocumentBody, TEMPLATE_ID, unauthorised } from "../models/api.server.ts";

/** GET /api/v1/documents?learnerNumber=ILM123: the documents of a learner of the caller's centre. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db } = context.database;
  const scope = (await apiScope(db, request));
  if (!scope) return unauthorised();
  const learnerNumber = new URL(request.url).searchParams.get("learnerNumber");
  const documents = await apiLearnerDocuments(db, scope, learnerNumber);
  if (!documents) return json({ errors: [problem("learner", "There is no learner with this learnerNumber in your centre", "/learnerNumber")] }, 404);
  return json({ documents });
}

/**
 * POST /api/v1/documents `{ learnerNumber, template, templateVersion?, data }`: validated exactly as
 * the pages validate; field errors in the body; nothing stored when invalid.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ errors: [problem("method", "Use POST to create a document")] }, 405);
  const { db } = context.database;
  const scope = (await apiScope(db, request));
  if (!scope) return unauthorised();
  const read = await readDocumentBody(request, context.config.maxBodyBytes, { learnerNumber: "text", template: "text" });
  if (!read.ok) return read.response;
  const { body } = read;
  if (body.templateVersion !== undefined && typeof body.templateVersion !== "string") return json({ errors: [problem("type", "templateVersion must be text", "/templateVersion")] }, 400);
  if (!TEMPLATE_ID.test(body.template as string)) return json({ errors: [problem("template", "template must be a template id, <qualification>/<template>, as GET /api/v1/templates lists them (docs/api.md)", "/template")] }, 422);
  if (body.templateVersion !== undefined && !/^[0-9A-Za-z.+-]{1,40}$/.test(body.templateVersion as string)) return json({ errors: [problem("templateVersion", "templateVersion must be a version such as 2.0.0", "/templateVersion")] }, 422);
  const result = (await createApiDocument(db, scope, {
    learnerNumber: body.learnerNumber,
    templateId: body.template as string,
    templateVersion: body.templateVersion as string | undefined,
    data: body.data,
  }));
  if (result.ok) return json({ id: result.id, version: result.version }, 201);
  if (result.reason === "invalid") return json({ errors: result.errors.map((e) => ({ ...e, path: `/data${e.path}` })) }, 422);
  if (result.reason === "no-learner") return json({ errors: [problem("learner", "There is no learner with this learnerNumber in your centre", "/learnerNumber")] }, 404);
  if (result.reason === "forbidden") return forbiddenTemplate();
  return json({ errors: [problem("learner", "There is no such learner in your centre")] }, 404);
}
