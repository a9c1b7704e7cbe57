// The portal API's limits per token (decision 072), before every /api/v1 route (the evidence-file
// routes here and the document routes in Remix): each request made with a valid token is counted in
// the database (so every process counts the same requests), writes a second time, and the token's last
// use is recorded. Past a limit: 429 with Retry-After and a message naming the rule, before the route
// reads the body or stores anything. A missing, unknown, revoked or expired token is left to the route,
// which answers 401: nothing is counted for it, so made-up tokens cannot fill the table.
import { recordApiTokenUse, reserveRequest } from "@ilm-forms/db";
import { apiTokenOf } from "./apiToken.js";
import { securityEvent } from "./log.js";

/** The window of both limits: ten minutes. */
export const API_WINDOW_MS = 10 * 60 * 1000;

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * @param {{ apiRequestsPer10Minutes: number, apiWritesPer10Minutes: number }} config
 * @param {import("@ilm-forms/db").OpenDatabase} database
 * @returns {import("express").RequestHandler} the middleware, for `/api/v1`
 */
export function apiTokenLimits(config, database) {
  return async (req, res, next) => {
    try {
      const { scope } = await apiTokenOf(database.db, req.headers.authorization ?? "");
      if (!scope) return next();
      await recordApiTokenUse(database.db, scope.centreId);
      // Node reads and discards the body the route would have read.
      const refuse = (limiter, message) => {
        securityEvent("rate-limit.refused", { limiter, centreId: scope.centreId }, req);
        res.status(429).setHeader("Retry-After", String(API_WINDOW_MS / 1000));
        res.setHeader("Cache-Control", "no-store");
        res.json({ errors: [{ path: "", field: "The request", location: "The request", rule: "rate-limit", message }] });
      };
      const ofToken = { key: scope.centreId, windowMs: API_WINDOW_MS };
      if (!(await reserveRequest(database.db, { bucket: "api-request", requests: config.apiRequestsPer10Minutes, ...ofToken }))) {
        return refuse("api-request", `Your centre's API token has made ${config.apiRequestsPer10Minutes} requests in the last ten minutes, as many as the dashboard takes from one token (API_REQUESTS_PER_10_MINUTES). Nothing was done; wait and send the request again (Retry-After gives the seconds).`);
      }
      if (WRITES.has(req.method) && !(await reserveRequest(database.db, { bucket: "api-write", requests: config.apiWritesPer10Minutes, ...ofToken }))) {
        return refuse("api-write", `Your centre's API token has made ${config.apiWritesPer10Minutes} writes in the last ten minutes, as many as the dashboard takes from one token (API_WRITES_PER_10_MINUTES). Nothing was stored; wait and send the request again (Retry-After gives the seconds).`);
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
