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

/** The form's store; a widget outside an `IlmForm` finds none and shows the stored value. */
export const WordCountContext = createContext<WordCountStore | undefined>(undefined);
