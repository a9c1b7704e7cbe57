import type { Template } from "../registry/types.ts";

/** The kinds of evidence file a template can allow (`x-ilm.attachments.kinds`). */
export const ATTACHMENT_KINDS = ["pdf", "image", "audio", "video", "office", "email", "text"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** What each kind is called in messages: many of them, and one file of it. */
const KIND_NAMES: Record<AttachmentKind, [plural: string, one: string]> = {
  pdf: ["PDFs", "a PDF"],
  image: ["images", "an image"],
  audio: ["audio recordings", "an audio recording"],
  video: ["video recordings", "a video recording"],
  office: ["office documents", "an office document"],
  email: ["e-mails", "an e-mail"],
  text: ["plain text files", "plain text"],
};

/**
 * The files a template's documents may carry (`x-ilm.attachments` at the template's root): what the
 * list is called on the form, the kinds allowed, and the largest file.
 */
export interface AttachmentRule {
  /** What the form calls the list of files, e.g. `Recording of the coaching or mentoring session`. */
  title: string;
  kinds: AttachmentKind[];
  /** The largest file, in bytes. */
  maxBytes: number;
}

/**
 * The kind of a media type sniffed from a file's bytes.
 *
 * @param mediaType - e.g. `application/pdf`, `audio/mpeg`
 * @returns the kind, or undefined for a type that is no kind of evidence
 */
export function attachmentKindOf(mediaType: string): AttachmentKind | undefined {
  if (mediaType === "application/pdf") return "pdf";
  const [top] = mediaType.split("/");
  if (top === "image" || top === "audio" || top === "video") return top;
  if (mediaType === "message/rfc822" || mediaType === "application/vnd.ms-outlook") return "email";
  if (mediaType === "text/plain") return "text";
  if (/^application\/(vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.|x-cfb$)/.test(mediaType)) return "office";
  return undefined;
}

/**
 * The attachment rule a template declares, if any (checked by the schema tests: known kinds, a whole
 * number of bytes).
 *
 * @param template - the template
 * @returns the rule, or undefined when the template declares none
 */
export function attachmentRule(template: Template): AttachmentRule | undefined {
  return template.annotations.attachments;
}

/** `PDFs or images`, `PDFs, images or audio recordings`. */
export function kindsPhrase(kinds: readonly AttachmentKind[]): string {
  const names = kinds.map((k) => KIND_NAMES[k][0]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : (names[0] ?? "");
}

/** `10 MB`, `1.5 MB`. */
export function megabytes(bytes: number): string {
  return `${Math.floor((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Why a file may not be attached to a document of a template with this rule, naming the list and
 * the rule; undefined when it may.
 *
 * @param rule - the template's rule
 * @param file - the file's sniffed media type, and its size when known
 * @returns the message, or undefined
 */
export function attachmentRefusal(rule: AttachmentRule, file: { mediaType?: string; size?: number }): string | undefined {
  if (file.size !== undefined && file.size > rule.maxBytes) return `${rule.title}: a file may be at most ${megabytes(rule.maxBytes)}.`;
  if (file.mediaType !== undefined) {
    const kind = attachmentKindOf(file.mediaType);
    if (!kind || !rule.kinds.includes(kind)) return `${rule.title}: attach ${kindsPhrase(rule.kinds)} only; this file is ${kind ? KIND_NAMES[kind][1] : "of another kind"}.`;
  }
  return undefined;
}
