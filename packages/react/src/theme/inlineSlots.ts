import { createContext, useContext, type ReactElement } from "react";

/**
 * Fields printed inside another field's text (the contract's "review after ____ sessions"): the
 * object template collects each field with `ui:options.inlineIn` and hands it, by host field name, to
 * the host's widget.
 */
export const InlineSlotsContext = createContext<ReadonlyMap<string, ReactElement>>(new Map());

/** @returns the inlined fields of the enclosing object, by the name of the field that hosts them */
export function useInlineSlots() {
  return useContext(InlineSlotsContext);
}

/** The words of a clause on either side of its blank (`____`). */
export function splitAtBlank(text: string): [string, string] | undefined {
  const match = /_{2,}/.exec(text);
  if (!match) return undefined;
  return [text.slice(0, match.index).trimEnd(), text.slice(match.index + match[0].length).trimStart()];
}
