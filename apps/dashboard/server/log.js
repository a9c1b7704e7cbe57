// The dashboard's error log: one JSON object a line on stderr, so text from a request (an address, an
// e-mail, a message that quotes them) can never start a line of its own (ASVS 16.4.1), every entry has
// its time in UTC (16.2.2), and a multi-line stack stays inside its entry. The security events
// (decision 067) go the same way: `level: "security"` and an `event` naming what happened.
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Writes one error to stderr as a JSON line: `{"time","level":"error","where","method","path","message","stack"}`.
 *
 * @param {unknown} error - what was thrown
 * @param {{ where?: string, request?: { method?: string, url?: string } }} [context] - where it happened and the request
 */
export function logError(error, context = {}) {
  const entry = { time: new Date().toISOString(), level: "error" };
  if (context.where) entry.where = context.where;
  if (context.request) {
    entry.method = context.request.method;
    try {
      entry.path = withoutTokens(new URL(context.request.url ?? "", "http://localhost").pathname);
    } catch {
      entry.path = String(context.request.url);
    }
  }
  entry.message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof Error && error.cause !== undefined) entry.cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
  if (error instanceof Error && error.stack) entry.stack = error.stack;
  write(entry);
}

/** One entry as one line: JSON escapes control characters; DEL, C1 and the Unicode line separators are escaped too. */
function write(entry) {
  const line = JSON.stringify(entry).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  process.stderr.write(`${line}\n`);
}

/**
 * The request a security event is about: kept per request so the place that decides need not pass it.
 * One store for the process: the server build bundles its own copy of this module beside the one
 * server.js imports, and both must see the same requests.
 */
const STORE = Symbol.for("ilm-forms.securityLog.requests");
const requests = (globalThis[STORE] ??= new AsyncLocalStorage());

/** The longest path and typed e-mail address an entry quotes. */
const MAX_PATH = 512;
const MAX_EMAIL = 254;

/**
 * What a security event says about its request: method, path without the query, and the client's
 * address as Express derives it (`trust proxy`: X-Forwarded-For only from a trusted proxy).
 *
 * @param {{ method: string, originalUrl?: string, url?: string, ip?: string }} req - an Express request
 * @returns {{ method: string, path: string, ip: string, userId?: string, centreId?: string }}
 */
export function describeRequest(req) {
  let path;
  try {
    path = new URL(req.originalUrl ?? req.url ?? "", "http://localhost").pathname;
  } catch {
    path = String(req.originalUrl ?? req.url).split("?")[0];
  }
  return { method: req.method, path: withoutTokens(path).slice(0, MAX_PATH), ip: req.ip ?? "unknown" };
}

/** A path segment that is a secret: a token of a one-time link (`/sign/…`, `/reset-password/…`), 20 or more base64url characters that are not a record's UUID. */
const TOKEN_SEGMENT = /^(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)[A-Za-z0-9_-]{20,}$/;

/**
 * The path with every segment that may be a link's token written `:token`: a signing or reset link
 * is a password for as long as it works, and is never logged.
 *
 * @param {string} path
 * @returns {string}
 */
export function withoutTokens(path) {
  return path.split("/").map((segment) => (TOKEN_SEGMENT.test(segment) ? ":token" : segment)).join("/");
}

/**
 * Runs `fn` with `req` as the request security events are about.
 *
 * @template T
 * @param {Parameters<typeof describeRequest>[0]} req - the Express request
 * @param {() => T} fn
 * @returns {T}
 */
export function withRequestLog(req, fn) {
  return requests.run(describeRequest(req), fn);
}

/**
 * Notes who the current request is (their id and centre) once their session is known, for the
 * security events that follow in it.
 *
 * @param {string} userId
 * @param {string} centreId
 */
export function noteRequestUser(userId, centreId) {
  const store = requests.getStore();
  if (store) Object.assign(store, { userId, centreId });
}

/**
 * Writes one security event to stderr as a JSON line (docs/operations.md, "security log"):
 * `{"time","level":"security","event",…fields,"userId","centreId","ip","method","path"}`. Never give
 * it a password, a token, a session id or a cookie: only ids, reasons and names of rules; `email` is
 * for the address typed at a failed sign-in and is cut to 254 characters.
 *
 * @param {string} event - what happened, e.g. "sign-in.refused"
 * @param {{ reason?: string, userId?: string, centreId?: string, email?: string, [key: string]: string | number | undefined }} [fields]
 * @param {Parameters<typeof describeRequest>[0]} [req] - the Express request, outside Remix (otherwise the current one)
 */
export function securityEvent(event, fields = {}, req) {
  const request = req ? describeRequest(req) : requests.getStore();
  const entry = { time: new Date().toISOString(), level: "security", event };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) entry[key] = key === "email" ? String(value).slice(0, MAX_EMAIL) : value;
  if (request) {
    entry.userId ??= request.userId;
    entry.centreId ??= request.centreId;
    Object.assign(entry, { ip: request.ip, method: request.method, path: request.path });
  }
  for (const key of ["userId", "centreId"]) if (entry[key] === undefined) delete entry[key];
  write(entry);
}
