import type { WordCount } from "@ilm-forms/core/engine";
import type { WordCountStore } from "./wordCountContext.ts";

/**
 * A store of word counts, one per form.
 *
 * @param initial - the counts of the data the form starts with
 * @returns the store
 */
export function createWordCountStore(initial: readonly WordCount[] = []): WordCountStore {
  let counts = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => counts,
    set(next) {
      const same = next.length === counts.length && next.every((count, i) => count.field === counts[i]!.field && count.count === counts[i]!.count);
      if (same) return;
      counts = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
