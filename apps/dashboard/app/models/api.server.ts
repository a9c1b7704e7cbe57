import { parseDocument, type FieldError } from "@ilm-forms/core";
import { apiScopeOf } from "../../server/apiToken.js";
import { securityEvent } from "../../server/log.js";
import { createDocument, getDocument, listDocuments, listLearners, saveDocument, type Db, type Scope, type StoredDocument } from "@ilm-forms/db";

/**
 * The scope a portal's request acts in: the centre admin who issued the token, in their centre, so the
 * audit log names the person answerable for the portal. (The audit entry does not yet say that the
 * change came through the API.)
 *
 * @param db - the connection
 * @param request - the request with `Authorization: Bearer <token>`
 * @returns the scope, or undefined for a missing or unknown token, or one whose issuer is no longer an admin
 */
export async function apiScope(db: Db, request: Request): Promise<Scope | undefined> {
  return apiScopeOf(db, request.headers.get("Authorization") ?? "");
}

/** JSON (`application/json` or a `+json` type), in UTF-8 when a charset is named. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Reads a JSON request body with a hard limit, whatever the Content-Length says (a chunked body
 * is counted as it arrives), then parses it with core's bounded parser.
 *
 * @param request - the request
 * @param maxBytes - the largest body accepted
 * @returns the parsed body, or a response to send (415 not sent as JSON, 413 too large, 400 not JSON)
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!JSON_TYPE.test(type)) {
    return { ok: false, response: json({ errors: [problem("contentType", `Send the body as JSON in UTF-8, with Content-Type: application/json${type ? ` (not ${JSON.stringify(type.slice(0, 80))})` : ""}`)] }, 415) };
  }
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Stop reading, but do not cancel the stream: cancelling makes the adapter destroy the socket
        // before the 413 is written. Node discards the rest of the body after the answer.
        reader.releaseLock();
        return { ok: false, response: json({ errors: [problem("maxBytes", `The request body is larger than ${maxBytes} bytes`)] }, 413) };
      }
      chunks.push(value);
    }
  }
  const parsed = parseDocument(Buffer.concat(chunks).toString("utf8"), { maxBytes });
  if (!parsed.ok) return { ok: false, response: json({ errors: [parsed.error] }, 400) };
  return { ok: true, body: parsed.document };
}

/**
 * Reads a JSON body that must be an object holding a document under `data`, refusing anything else
 * with a message that names the member.
 *
 * @param request - the request
 * @param maxBytes - the largest body accepted
 * @param required - members that must be present beside `data`, each with its rule: "text" or "integer"
 * @returns the body, or the response to send
 */
export async function readDocumentBody(
  request: Request,
  maxBytes: number,
  required: Record<string, "text" | "integer">,
): Promise<{ ok: true; body: Record<string, unknown> & { data: Record<string, unknown> } } | { ok: false; response: Response }> {
  const read = await readJsonBody(request, maxBytes);
  if (!read.ok) return read;
  const body = read.body as Record<string, unknown>;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { ok: false, response: json({ errors: [problem("type", "The request body must be a JSON object")] }, 400) };
  const errors: FieldError[] = [];
  for (const [member, rule] of Object.entries(required)) {
    const value = body[member];
    if (rule === "integer" ? !Number.isInteger(value) : typeof value !== "string" || value === "") errors.push(problem("required", `${member} is required (${rule === "integer" ? "a whole number" : "text"})`, `/${member}`));
  }
  if (body.data === null || typeof body.data !== "object" || Array.isArray(body.data)) errors.push(problem("type", "data must be a JSON object: the document", "/data"));
  if (errors.length) return { ok: false, response: json({ errors }, 400) };
  return { ok: true, body: body as Record<string, unknown> & { data: Record<string, unknown> } };
}

/**
 * A JSON response.
 *
 * @param body - the body
 * @param status - the status
 */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * A field error about the request as a whole or one of its members.
 *
 * @param rule - the rule broken
 * @param message - the plain-English message
 * @param path - the JSON pointer in the request body
 */
export function problem(rule: string, message: string, path = ""): FieldError {
  const field = path ? path.slice(1) : "The request";
  return { path, field, location: field, rule, message };
}

/** What a template id looks like: `scheme/name`, short; anything else is refused before it is looked up or echoed. */
export const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,60}\/[a-z0-9][a-z0-9-]{0,60}$/;

/** 403 for a template the portal's role may not write (generated result sheets, records kept by the assessor). */
export function forbiddenTemplate(): Response {
  securityEvent("access.refused", { rule: "writers" });
  return json({ errors: [problem("writers", "Your centre's portal may not write documents of this template: see x-ilm.writers in the template, and docs/api.md", "/template")] }, 403);
}

/** 401 for a missing or unknown token. */
export function unauthorised(): Response {
  return new Response(JSON.stringify({ errors: [problem("token", "Send your centre's API token as Authorization: Bearer <token>. A token works until the expiry its admin chose, or until it is revoked or replaced: ask your centre admin for a new one")] }), {
    status: 401,
    headers: { "Content-Type": "application/json; charset=utf-8", "WWW-Authenticate": 'Bearer realm="ilm-forms"' },
  });
}

/** A document as the API shows it (`data` only when one document is read). */
function apiView(d: StoredDocument) {
  return { id: d.id, template: d.templateId, templateVersion: d.templateVersion, version: d.version, status: d.status, updatedAt: d.updatedAt };
}

/**
 * One document of the caller's centre, as GET /api/v1/documents/:id answers it.
 *
 * @param db - the connection
 * @param scope - the portal's scope
 * @param id - the document's id
 * @returns the document with its data, or undefined when the centre has none such
 */
export async function apiDocument(db: Db, scope: Scope, id: string) {
  const d = await getDocument(db, scope, id);
  return d ? { id: d.id, template: d.templateId, templateVersion: d.templateVersion, version: d.version, status: d.status, data: d.data, updatedAt: d.updatedAt } : undefined;
}

/**
 * The documents of the centre's learner with this registration number (without their data).
 *
 * @param db - the connection
 * @param scope - the portal's scope
 * @param learnerNumber - the learner's registration number
 * @returns the documents, or undefined when the centre has no such learner
 */
export async function apiLearnerDocuments(db: Db, scope: Scope, learnerNumber: string | null) {
  const learner = (await listLearners(db, scope)).find((l) => l.learnerNumber && l.learnerNumber === learnerNumber);
  return learner ? (await listDocuments(db, scope, learner.id)).map(apiView) : undefined;
}

/**
 * Creates a document for the centre's learner with this registration number, validated as the pages validate.
 *
 * @param db - the connection
 * @param scope - the portal's scope
 * @param input - the learner's number, the template (and version) and the data
 * @returns the new id and version, or why not (`no-learner` when the number names no learner of the centre)
 */
export async function createApiDocument(db: Db, scope: Scope, input: { learnerNumber: unknown; templateId: string; templateVersion: string | undefined; data: Record<string, unknown> }) {
  const learner = (await listLearners(db, scope)).find((l) => l.learnerNumber === input.learnerNumber);
  if (!learner) return { ok: false as const, reason: "no-learner" as const };
  return createDocument(db, scope, { learnerId: learner.id, templateId: input.templateId, templateVersion: input.templateVersion, data: input.data });
}

/**
 * Changes a document with optimistic locking (PUT /api/v1/documents/:id).
 *
 * @param db - the connection
 * @param scope - the portal's scope
 * @param input - the document's id, the version the portal read, the new data
 * @returns the new version, or why not (invalid, changed, locked, final, forbidden, not found)
 */
export function saveApiDocument(db: Db, scope: Scope, input: { id: string; expectedVersion: number; data: Record<string, unknown> }) {
  return saveDocument(db, scope, input);
}
