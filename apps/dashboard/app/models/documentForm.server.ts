import { parseDocument, type FieldError } from "@ilm-forms/core";

/** What a document form posts: the CSRF token, the JSON of the document, the version it was loaded at. */
export interface PostedDocument {
  data: Record<string, unknown>;
  expectedVersion?: number;
  intent: "save" | "mark-complete";
}

/**
 * Reads a posted document form. The JSON is untrusted: size and depth are bounded before parsing
 * and anything but an object is refused with a message, never an exception.
 *
 * @param form - the posted form data
 * @param maxBytes - the largest document accepted
 * @returns the document, or the errors to show
 */
export function readPostedDocument(form: FormData, maxBytes: number): { ok: true; posted: PostedDocument } | { ok: false; errors: FieldError[] } {
  const text = form.get("document");
  if (typeof text !== "string") return { ok: false, errors: [problem("The document is missing from the form")] };
  const parsed = parseDocument(text, { maxBytes });
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  if (parsed.document === null || typeof parsed.document !== "object" || Array.isArray(parsed.document)) {
    return { ok: false, errors: [problem("The document must be a group of fields")] };
  }
  const version = form.get("expectedVersion");
  const expectedVersion = typeof version === "string" && /^\d+$/.test(version) ? Number(version) : undefined;
  const intent = form.get("intent") === "mark-complete" ? "mark-complete" : "save";
  return { ok: true, posted: { data: parsed.document as Record<string, unknown>, expectedVersion, intent } };
}

function problem(message: string): FieldError {
  return { path: "", field: "The document", location: "The document", rule: "document", message };
}
