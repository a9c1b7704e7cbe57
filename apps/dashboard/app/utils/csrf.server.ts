import { timingSafeEqual } from "node:crypto";
import { CSRF_COOKIE, readCookie } from "../../server/csrf.js";

/**
 * Refuses a form post whose hidden `csrf` field does not match the CSRF cookie (403).
 * Every action that a signed-in person's form posts to calls it first.
 *
 * @param request - the incoming request
 * @param form - its parsed form data
 */
export function requireCsrf(request: Request, form: FormData): void {
  const cookie = readCookie(request.headers.get("Cookie") ?? "", CSRF_COOKIE);
  const field = form.get("csrf");
  if (typeof field !== "string" || !cookie || field.length !== cookie.length || !timingSafeEqual(Buffer.from(field), Buffer.from(cookie))) {
    throw new Response("The form has expired or did not come from this site. Go back, reload the page and try again.", { status: 403 });
  }
}
