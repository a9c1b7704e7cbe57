import type { DocumentFacts } from "./documentFacts.ts";

export interface FileNameParts {
  /** The learner's registration number (e.g. `ILM123456`). */
  registrationNo?: string;
  /** The unit (e.g. `501`); documents that serve several units take the portfolio's unit. */
  unit?: string;
  /** The template id (`ilm-8588/session-record`): its last segment names the document. */
  templateId: string;
  facts?: DocumentFacts;
  /** `pdf` or `html`. */
  extension: "pdf" | "html";
}

const MAX_LENGTH = 150;

/**
 * Names a document's file by the one convention of this package:
 * `<registration>_<unit>_<document>[_<client>][_s<NN>|_<date>].<ext>`, e.g.
 * `ILM123456_501_session-record_client-1_s02.pdf`. Every part is reduced to letters, digits and
 * hyphens, so no name can hold a path separator, `..`, a control character or a leading dot; missing
 * parts are left out (the registration number becomes `unregistered`).
 *
 * @param parts - the learner, unit, template and the document's facts
 * @returns a safe file name (at most 150 characters)
 */
export function documentFileName(parts: FileNameParts): string {
  const facts = parts.facts ?? {};
  const registration = safePart(parts.registrationNo ?? facts.registrationNo ?? "", false) || "unregistered";
  const pieces = [registration];
  const unit = safePart(parts.unit ?? facts.unit ?? "", true);
  if (unit) pieces.push(unit);
  pieces.push(safePart(parts.templateId.split("/").pop() ?? "", true) || "document");
  const client = safePart(facts.clientRef ?? "", true);
  if (client) pieces.push(client);
  if (typeof facts.sessionNo === "number" && Number.isInteger(facts.sessionNo) && facts.sessionNo >= 0) {
    pieces.push(`s${String(facts.sessionNo).padStart(2, "0")}`);
  } else if (facts.date) {
    const date = safePart(facts.date, true);
    if (date) pieces.push(date);
  }
  const stem = pieces.join("_").slice(0, MAX_LENGTH - parts.extension.length - 1).replace(/[-_]+$/, "");
  return `${stem}.${parts.extension}`;
}

/**
 * One part of a file name: letters, digits and single hyphens only.
 *
 * @param value - any text
 * @param lower - lower-case it (everything but the registration number)
 * @returns the safe part, possibly empty
 */
export function safePart(value: string, lower: boolean): string {
  const ascii = value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const cased = lower ? ascii.toLowerCase() : ascii;
  return cased
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
