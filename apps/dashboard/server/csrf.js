// CSRF protection. Signed in, the token is derived from the session token (a keyed hash nobody can
// compute without the HttpOnly session cookie), so a value an attacker plants in a cookie and a field
// is worthless. Signed out (the sign-in form), a random token in a SameSite=Lax, HttpOnly cookie is
// repeated in a hidden field (double submit). Actions compare the field with the expected token (see
// app/utils/csrf.server.ts).
import { createHash, randomBytes } from "node:crypto";

export const CSRF_COOKIE = "ilm_csrf";
export const SESSION_COOKIE = "ilm_session";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The CSRF token bound to a session: SHA-256 of a label and the session token, base64url.
 *
 * @param {string} sessionToken - the session cookie's value
 * @returns {string}
 */
export function csrfTokenForSession(sessionToken) {
  return createHash("sha256").update(`ilm-forms csrf\0${sessionToken}`).digest("base64url");
}

/**
 * The token a form of this request must carry: the session's when a session cookie is present,
 * otherwise the CSRF cookie's (undefined when there is none).
 *
 * @param {string} cookieHeader - the request's Cookie header
 * @returns {string | undefined}
 */
export function expectedCsrfToken(cookieHeader) {
  const session = readCookie(cookieHeader, SESSION_COOKIE);
  if (session) return csrfTokenForSession(session);
  const cookie = readCookie(cookieHeader, CSRF_COOKIE);
  return cookie && TOKEN.test(cookie) ? cookie : undefined;
}

/**
 * Sets the signed-out CSRF cookie when missing and puts this request's token in `res.locals.csrfToken`.
 *
 * @param {{ cookieSecure: boolean }} config
 */
export function csrfCookie(config) {
  return (req, res, next) => {
    const header = req.headers.cookie ?? "";
    const existing = readCookie(header, CSRF_COOKIE);
    let cookieToken = existing && TOKEN.test(existing) ? existing : undefined;
    if (!cookieToken) {
      cookieToken = randomBytes(32).toString("base64url");
      const secure = config.cookieSecure || req.secure ? "; Secure" : "";
      res.append("Set-Cookie", `${CSRF_COOKIE}=${cookieToken}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    }
    const session = readCookie(header, SESSION_COOKIE);
    res.locals.csrfToken = session ? csrfTokenForSession(session) : cookieToken;
    next();
  };
}

/**
 * @param {string} header
 * @param {string} name
 * @returns {string | undefined}
 */
export function readCookie(header, name) {
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
