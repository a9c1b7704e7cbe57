import { createContext } from "react";

/**
 * Text boxes show each keystroke at once and hand it to the form as a React transition, so for a
 * moment the form (and the draft written from it) is behind what the box shows. When the page is
 * hidden or unloaded that moment may never come: the draft keeps the boxes' edits only if they are
 * handed over first. Each box registers how to hand over its pending text; the draft calls them all,
 * synchronously, before it writes.
 */
export interface PendingEdits {
  /** Registers a box's hand-over; returns the function that removes it. */
  add(handOver: () => void): () => void;
  /** Hands every box's pending text to the form now. */
  handOverAll(): void;
}

/** A registry of pending edits, one per form. */
export function createPendingEdits(): PendingEdits {
  const handOvers = new Set<() => void>();
  return {
    add(handOver) {
      handOvers.add(handOver);
      return () => handOvers.delete(handOver);
    },
    handOverAll() {
      for (const handOver of handOvers) handOver();
    },
  };
}

/** The form's registry; boxes outside an `IlmForm` (none registered) lose nothing but the wait. */
export const PendingEditsContext = createContext<PendingEdits | undefined>(undefined);
