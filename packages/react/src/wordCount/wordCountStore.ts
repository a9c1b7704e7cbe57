import type { WordCount } from "@ilm-forms/core/engine";
import { createContext } from "react";

/**
 * The form's word counts as the learner types (core's `wordCounts` over the live data). The form
 * writes them on every change; a word-count widget subscribes and re-renders alone, so a keystroke
 * in the report does not re-render the whole form.
 */
export interface WordCountStore {
  /** The counts now, one per word-count field of the template. */
  get(): readonly WordCount[];
  /** Replaces the counts and tells the subscribers when any changed. */
  set(counts: readonly WordCount[]): void;
  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

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

/** The form's store; a widget outside an `IlmForm` finds none and shows the stored value. */
export const WordCountContext = createContext<WordCountStore | undefined>(undefined);
