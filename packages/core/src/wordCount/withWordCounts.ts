import type { Template } from "../registry/types.ts";
import { wordCounts } from "./wordCounts.ts";

/**
 * A copy of a document with every word-count field set to the count of its words (see `wordCounts`),
 * so that what is stored and printed is the count, whatever was typed or sent. The form calls it as the
 * learner types; the server calls it before it validates and stores a document.
 *
 * @param template - a bundled template
 * @param data - the document
 * @returns the same document when the template counts no words or it is not an object, otherwise a
 *   shallow copy with the counts written in
 */
export function withWordCounts<T>(template: Template, data: T): T {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  const counts = wordCounts(template, data);
  if (counts.length === 0) return data;
  const copy = { ...(data as Record<string, unknown>) };
  for (const { field, count } of counts) copy[field] = count;
  return copy as T;
}
