// Requests refused before Remix, with a 4xx and a plain message, where Remix or the form parser
// would otherwise throw (a 500): a method the site does not serve (TRACE cannot even be made into a
// fetch Request; PROPFIND and the like make Remix throw), a page action posted by another site
// (Origin is not this host), and a page action whose body is not a form.
import { securityEvent } from "./log.js";

/** The bodies a page action takes: forms. `app/utils/form.server.ts` reads the same list. */
export const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** The methods the pages and the API answer; any other gets 405 with this list in `Allow`. */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
const SERVED = new Set(SERVED_METHODS);

/**
 * @param {{ trustProxy: unknown }} config - X-Forwarded-Host is believed only behind a trusted proxy
 * @param {{ apiPrefix?: string }} [options]
 */
export function requestGuards(config, { apiPrefix = "/api/" } = {}) {
  return (req, res, next) => {
    if (!SERVED.has(req.method)) {
      res.set("Allow", SERVED_METHODS.join(", "));
      return refuse(res, 405, `This site does not answer ${req.method} requests.`);
    }
    if (!UNSAFE.has(req.method)) return next();
    if (req.path.startsWith(apiPrefix)) {
      // The API authenticates by bearer token, not cookies: the Origin of a portal's browser does not
      // matter to it (and Remix checks Origin only for page actions).
      return next();
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !sameHost(origin, req, Boolean(config.trustProxy))) {
      securityEvent("origin.refused", {}, req);
      return refuse(res, 403, "This form was posted from another site. Open the page on this site and send it again.");
    }
    const type = req.headers["content-type"] ?? "";
    if (!FORM_TYPES.test(type)) {
      return refuse(res, 415, "The pages accept only forms (application/x-www-form-urlencoded or multipart/form-data). Portals use the JSON API under /api/v1/.");
    }
    next();
  };
}

/** A host as a URL's authority may carry it, without user info: a name, IPv4 or a bracketed IPv6 address, and a port. */
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/**
 * Whether a Host (or X-Forwarded-Host) value can stand in a URL as this site's authority: what
 * the server builds every request's URL from, so a value that is not one ("a b", "[::1", "me@evil",
 * a port over 65535) is refused with a 400 here, not a TypeError later.
 *
 * @param {string} value
 */
export function isValidHost(value) {
  const match = HOST.exec(value);
  if (!match || (match[1] !== undefined && Number(match[1]) > 65535)) return false;
  try {
    return new URL(`http://${value}`).host !== "";
  } catch {
    return false;
  }
}

/**
 * The host the nearest proxy names: the first X-Forwarded-Host value, trimmed (a chain of proxies
 * appends theirs after it), behind a trusted proxy only; undefined otherwise or without the header.
 * An empty value stays "" (not a host: hostGuard refuses it, sameHost falls back to Host).
 *
 * @param {import("express").Request} req
 * @param {boolean} behindProxy
 * @returns {string | undefined}
 */
function forwardedHost(req, behindProxy) {
  const forwarded = behindProxy ? req.headers["x-forwarded-host"] : undefined;
  return typeof forwarded === "string" ? forwarded.split(",")[0].trim() : undefined;
}

/**
 * Refuses a request whose Host header (or, behind a trusted proxy, X-Forwarded-Host) is not a host.
 * A request with no Host at all (HTTP/1.0) goes on: Node itself refuses an HTTP/1.1 one.
 *
 * @param {{ trustProxy: unknown }} config
 */
export function hostGuard(config) {
  return (req, res, next) => {
    for (const value of [req.headers.host, forwardedHost(req, Boolean(config.trustProxy))]) {
      if (value !== undefined && !isValidHost(value)) return refuse(res, 400, "The Host header does not name a host.");
    }
    next();
  };
}

/**
 * Whether an Origin header names this host (X-Forwarded-Host first, behind a trusted proxy only).
 *
 * @param {string} origin
 * @param {import("express").Request} req
 * @param {boolean} behindProxy
 */
function sameHost(origin, req, behindProxy) {
  if (origin === "null") return false;
  let host;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = forwardedHost(req, behindProxy) || req.headers.host;
  return Boolean(expected) && host === expected;
}

function refuse(res, status, message) {
  res.status(status).type("text/plain").send(message);
}
