import type { ReactNode } from "react";

/** The props RJSF passes to markdown-to-jsx's `Markdown`. */
export interface PlainMarkdownProps {
  /** The text (RJSF passes a string). */
  children?: ReactNode;
  /** markdown-to-jsx's options: ignored. */
  options?: unknown;
}

/**
 * Stands in for markdown-to-jsx's `Markdown` inside the prebuilt `@ilm-forms/react/form` bundle (see
 * decision 018): the text is shown as it is written, not parsed. RJSF reaches `Markdown` only for
 * `ui:enableMarkdownInDescription` / `ui:enableMarkdownInHelp` (no ILM template sets them) and in its
 * own configuration-error messages, so the ILM forms render the same with it; markdown-to-jsx alone
 * was a quarter of a one-form bundle.
 *
 * @param props - the text
 * @returns the text in a `<span>`
 */
export function Markdown({ children }: PlainMarkdownProps) {
  return <span>{children}</span>;
}
