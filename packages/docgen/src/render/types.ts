import type { Registry } from "@ilm-forms/core";

/** A document to print: a `PortfolioDocument` from `@ilm-forms/core`, or just its template and data. */
export interface DocumentInput {
  /** Stable id of the document; not printed. */
  id?: string;
  /** Template id, e.g. `ilm-8588/session-record`. */
  template: string;
  /** Template version; the current one when omitted. */
  version?: string;
  data: Record<string, unknown>;
}

/** The learner a portfolio belongs to: printed on its contents page and used in file names. */
export interface Learner {
  name?: string;
  registrationNo?: string;
}

export interface RenderOptions {
  /** Where templates come from; the built-in registry of `@ilm-forms/core` when omitted. */
  registry?: Registry;
}

export interface PortfolioOptions extends RenderOptions {
  learner?: Learner;
  /** The title of the contents page; `Portfolio of evidence` when omitted. */
  title?: string;
  /** Print a contents page first (default true). */
  contents?: boolean;
}
