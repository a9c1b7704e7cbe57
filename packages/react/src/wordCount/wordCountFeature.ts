// What counting words needs, loaded with import() only by a form whose template has a word-count
// field (see lazyWordCount.tsx): core's counting, the widget and the store. A form without one
// carries none of it.
import { wordCounts, type WordCount } from "@ilm-forms/core/engine";

export { wordCounts };
export { WordCountWidget } from "./WordCountWidget.tsx";
export { createWordCountStore } from "./wordCountStore.ts";

/**
 * The data with each word-count field set to its count; the same object when there is none to set.
 *
 * @param data - the form's data
 * @param counts - the counts of that data
 * @returns the data with its counts
 */
export function withCounts(data: Record<string, unknown>, counts: readonly WordCount[]): Record<string, unknown> {
  if (counts.length === 0 || counts.every((c) => data[c.field] === c.count)) return data;
  const copy: Record<string, unknown> = { ...data };
  for (const { field, count } of counts) copy[field] = count;
  return copy;
}
