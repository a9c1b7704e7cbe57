import type { FieldError } from "./types.ts";

/** Limits on untrusted JSON text. */
export interface ParseLimits {
  /** Largest accepted text, in bytes of UTF-8. Default 1 MiB. */
  maxBytes?: number;
  /** Deepest accepted nesting of objects and arrays. Default 32. */
  maxDepth?: number;
}

export type ParseResult = { ok: true; document: unknown } | { ok: false; error: FieldError };

const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_DEPTH = 32;

/**
 * Parses untrusted JSON text into a document, refusing text that is too large or nested too deeply
 * before parsing it, so that neither parsing nor validation can be made slow or crash.
 *
 * @param text - the JSON text
 * @param limits - the size and depth limits
 * @returns the document, or an error saying what is wrong with the text
 */
export function parseDocument(text: string, limits: ParseLimits = {}): ParseResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (typeof text !== "string") return fail("too-large", "The document must be JSON text");
  // A UTF-8 byte count is at most three times the UTF-16 length, at least equal to it.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes)) {
    return fail("maxBytes", `The document is larger than ${formatBytes(maxBytes)}`);
  }
  const depth = nestingDepth(text, maxDepth);
  if (depth > maxDepth) return fail("maxDepth", `The document is nested more than ${maxDepth} levels deep`);
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    return fail("json", `The document is not valid JSON: ${(error as Error).message}`);
  }
}

/** Counts the deepest nesting of brackets outside strings, stopping as soon as it passes `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

function fail(rule: string, message: string): ParseResult {
  return { ok: false, error: { path: "", field: "The document", location: "The document", rule, message } };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
