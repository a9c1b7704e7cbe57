import { timingSafeEqual } from "node:crypto";
import { expectedCsrfToken } from "../../server/csrf.js";
import { securityEvent } from "../../server/log.js";

/**
 * Refuses a form post whose hidden `csrf` field does not match the token of this request (403): the
 * one derived from the session when signed in, the CSRF cookie's otherwise (see server/csrf.js).
 * Every action that a form posts to calls it first.
 *
 * @param request - the incoming request
 * @param form - its parsed form data
 */
export function requireCsrf(request: Request, form: FormData): void {
  const expected = expectedCsrfToken(request.headers.get("Cookie") ?? "");
  const field = form.get("csrf");
  if (typeof field !== "string" || !expected || field.length !== expected.length || !timingSafeEqual(Buffer.from(field), Buffer.from(expected))) {
    securityEvent("csrf.refused", { reason: typeof field !== "string" || field === "" ? "missing" : "mismatch" });
    throw new Response("The form has expired or did not come from this site. Go back, reload the page and try again.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
