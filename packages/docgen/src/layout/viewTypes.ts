/** A labelled value ready to print. */
export interface FieldView {
  title: string;
  value: string;
  multiline?: boolean;
  help?: string;
  hideLabel?: boolean;
}

/** One node of a bound document: `kind` names the partial that prints it. */
export type NodeView =
  | { kind: "fields"; rows: FieldView[] }
  | { kind: "grid"; rows: FieldView[][] }
  | { kind: "section"; title: string; description?: string; children: NodeView[] }
  | { kind: "ratings"; scale: number[]; items: RatingView[] }
  | { kind: "swot"; title: string; rows: FieldView[][] }
  | { kind: "signature"; title: string; help?: string; nameTitle: string; name: string; dateTitle: string; date: string }
  | { kind: "clauses"; items: ClauseView[] }
  | { kind: "table"; title: string; description?: string; columns: string[]; rows: FieldView[][]; empty: boolean }
  | { kind: "list"; title: string; help?: string; items: string[]; empty: boolean }
  | { kind: "repeat"; title: string; items: { title: string; children: NodeView[] }[] };

export interface RatingView {
  title: string;
  value: string;
  cells: { score: number; chosen: boolean }[];
}

export interface ClauseView {
  agreed: boolean;
  /** The clause's words before its blank (all of it when it has none). */
  before: string;
  /** The number written into the blank, `____` when none was given. */
  number?: string;
  after?: string;
}

/** A document as the page template prints it. */
export interface DocumentView {
  /** Which partial lays out the body: a generic form, a result sheet or an evidence matrix. */
  layout: "form" | "resultSheet" | "evidenceMatrix";
  /** Anchor of the document within a portfolio (`doc-3`); made here, never from data. */
  anchor: string;
  title: string;
  section?: string;
  description?: string;
  /** A short line under the title: who and what the document is about (client, session, date). */
  caption?: string;
  nodes?: NodeView[];
  resultSheet?: unknown;
  evidenceMatrix?: unknown;
}
