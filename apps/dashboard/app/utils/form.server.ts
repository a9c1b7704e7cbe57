import { FORM_TYPES } from "../../server/requestGuards.js";
import { requireCsrf } from "./csrf.server.ts";

/**
 * Reads a page action's form and checks its CSRF token. A body that is not a form, or a form that
 * cannot be parsed (broken multipart), is answered 400 or 415 with a message, never an exception
 * that ends as a 500. Every page action reads its form through here.
 *
 * @param request - the incoming request
 * @returns the form, its CSRF token checked
 */
export async function readForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? "")) {
    throw plain(415, "This page accepts only forms (application/x-www-form-urlencoded or multipart/form-data).");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw plain(400, "The form could not be read: its body is not a well-formed form. Reload the page and send it again.");
  }
  requireCsrf(request, form);
  return form;
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
