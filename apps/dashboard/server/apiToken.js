// The portal API's bearer token, read and resolved in one place for every /api/v1 route: the
// document routes (app/models/api.server.ts), the evidence-file routes (server/apiAttachments.js)
// and the per-token limits in front of both (server/apiLimits.js).
import { apiTokenScope } from "@ilm-forms/db";
import { securityEvent } from "./log.js";

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/**
 * The scope a request's `Authorization: Bearer <token>` acts in.
 *
 * @param {import("@ilm-forms/db").Db} db - the connection
 * @param {string} header - the Authorization header ('' when absent)
 * @returns {Promise<{ scope?: import("@ilm-forms/db").Scope, reason?: "missing" | "malformed" | "unknown" }>} the scope, or why there is none
 */
export async function apiTokenOf(db, header) {
  if (header === "") return { reason: "missing" };
  const match = BEARER.exec(header);
  if (!match) return { reason: "malformed" };
  const scope = await apiTokenScope(db, match[1]);
  return scope ? { scope } : { reason: "unknown" };
}

/**
 * As apiTokenOf, and a refusal logged in the security log (decision 067). For the routes, which
 * answer 401; the limits in front of them use apiTokenOf and leave the refusal to the route.
 *
 * @param {import("@ilm-forms/db").Db} db - the connection
 * @param {string} header - the Authorization header ('' when absent)
 * @param {import("node:http").IncomingMessage} [req] - the request, where the log has no request of its own
 * @returns {Promise<import("@ilm-forms/db").Scope | undefined>} the scope, or undefined for a missing, malformed or unknown token (expired, revoked, or its issuer no longer an admin)
 */
export async function apiScopeOf(db, header, req) {
  const { scope, reason } = await apiTokenOf(db, header);
  if (!scope) securityEvent("api-token.refused", { reason }, req);
  return scope;
}
