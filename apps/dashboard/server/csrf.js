// Double-submit CSRF protection: a random token in a SameSite=Lax, HttpOnly cookie, repeated in a
// hidden field of every form; actions compare the two (see app/utils/csrf.server.ts). A page of
// another site can neither read the cookie nor set it, so it cannot forge the field.
import { randomBytes } from "node:crypto";

export const CSRF_COOKIE = "ilm_csrf";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * @param {{ cookieSecure: boolean }} config
 */
export function csrfCookie(config) {
  return (req, res, next) => {
    const existing = readCookie(req.headers.cookie ?? "", CSRF_COOKIE);
    if (existing && TOKEN.test(existing)) {
      res.locals.csrfToken = existing;
    } else {
      const token = randomBytes(32).toString("base64url");
      res.locals.csrfToken = token;
      res.append("Set-Cookie", `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${config.cookieSecure ? "; Secure" : ""}`);
    }
    next();
  };
}

/**
 * @param {string} header
 * @param {string} name
 */
export function readCookie(header, name) {
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
