import { createHash } from "node:crypto";
import type { DocumentPlan } from "../layout/types.ts";

/**
 * The fingerprint a specialised template is filed under: a SHA-256 of the whole layout plan (titles,
 * help, formats, order, nesting). A template whose plan differs in any way, such as a run-time
 * registry's own version of a built-in template, finds no specialised template and prints through the
 * generic partials.
 *
 * @param plan - `planTemplate(template)`
 * @returns the hex digest
 */
export function planKey(plan: DocumentPlan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}
