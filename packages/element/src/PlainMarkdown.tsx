import type { ReactNode } from "react";

/**
 * Stands in for markdown-to-jsx inside the element's bundle, as in `@ilm-forms/react/form`
 * (decision 018): no ILM template turns RJSF's Markdown on, and markdown-to-jsx is a quarter of a
 * one-form bundle.
 *
 * @param props - the text
 * @returns the text in a `<span>`
 */
export function Markdown({ children }: { children?: ReactNode; options?: unknown }) {
  return <span>{children}</span>;
}
