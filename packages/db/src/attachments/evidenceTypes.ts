import { fileTypeFromBuffer } from "file-type";

/**
 * The kinds of evidence a portfolio holds (scans, photos, recordings, letters, office documents,
 * e-mails and plain text), by the media type sniffed from the bytes. Anything else, an executable,
 * an HTML page or an SVG (which can carry script) among them, is refused.
 */
export const EVIDENCE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/heic",
  "image/tiff",
  "audio/mpeg",
  "audio/mp4",
  "audio/x-m4a",
  "audio/wav",
  "audio/x-wav",
  "audio/ogg",
  "audio/opus",
  "audio/webm",
  "audio/aac",
  "audio/x-flac",
  "video/mp4",
  "video/quicktime",
  "video/webm",
  "video/ogg",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.ms-outlook",
  "application/x-cfb",
  "message/rfc822",
  "text/plain",
]);

/** How many leading bytes the sniffer reads. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Text that is valid UTF-8 with no control characters but tab, line feed, form feed and carriage
 * return: what an e-mail saved as `.eml` or a plain note looks like. No signature tells text apart, so
 * this is the test; HTML is text too, but it is stored and served as `text/plain` and downloaded only.
 */
function looksLikeText(head: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.length === SNIFF_BYTES ? trimPartialCharacter(head) : head);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** A cut at SNIFF_BYTES can split a multi-byte character: drop its leading bytes. */
function trimPartialCharacter(head: Uint8Array): Uint8Array {
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if ((byte & 0xc0) === 0xc0) end -= back;
    break;
  }
  return head.subarray(0, end);
}

/**
 * The media type of a file, sniffed from its first bytes (never from its name or the type a client
 * claims), when it is a kind of evidence; undefined otherwise.
 *
 * @param head - the first bytes of the file (up to {@link SNIFF_BYTES})
 * @returns e.g. `application/pdf`, `message/rfc822` for text that begins as an e-mail, `text/plain`, or undefined
 */
export async function sniffEvidenceType(head: Uint8Array): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(head);
  if (found) return EVIDENCE_MEDIA_TYPES.has(found.mime) ? found.mime : undefined;
  if (head.length === 0 || !looksLikeText(head)) return undefined;
  return /^(received|return-path|from|date|message-id|mime-version|subject|to|delivered-to):/i.test(new TextDecoder().decode(head.subarray(0, 200)))
    ? "message/rfc822"
    : "text/plain";
}
