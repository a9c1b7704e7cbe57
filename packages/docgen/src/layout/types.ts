/** How a value is written out: derived once from its schema. */
export interface ValueFormat {
  type: "string" | "number" | "integer" | "boolean" | "array" | "unknown";
  /** `date` for ISO dates (written as dd/mm/yyyy). */
  date?: boolean;
  /** A unit after a number, e.g. `hours`. */
  unit?: string;
  /** Long text, printed with its line breaks. */
  multiline?: boolean;
}

/** A labelled value: a row of a label/value table, a grid cell or a table column. */
export interface FieldPlan {
  key: string;
  title: string;
  help?: string;
  /** `ui:options.label === false`: the value stands without its label (a narrative box). */
  hideLabel?: boolean;
  format: ValueFormat;
}

/** The layout of a template, worked out once from its schema and UI hints, before any data. */
export type PlanNode =
  | { kind: "fields"; rows: FieldPlan[] }
  | { kind: "grid"; columns: number; cells: FieldPlan[] }
  | { kind: "section"; key: string; title: string; description?: string; children: PlanNode[] }
  | { kind: "ratings"; min: number; max: number; items: FieldPlan[] }
  | { kind: "swot"; key: string; title: string; quadrants: FieldPlan[] }
  | { kind: "signature"; key: string; title: string; help?: string; nameTitle: string; dateTitle: string }
  | { kind: "clauses"; items: ClausePlan[] }
  | { kind: "table"; key: string; title: string; description?: string; columns: FieldPlan[] }
  | { kind: "list"; key: string; title: string; help?: string; item: FieldPlan }
  | { kind: "repeat"; key: string; title: string; itemTitle: string; children: PlanNode[] };

/** A clause of an agreement: ticked when agreed; `numberKey` is the sibling whose value fills its blank. */
export interface ClausePlan {
  key: string;
  title: string;
  numberKey?: string;
}

/** What a document's layout depends on besides its fields: heading texts from the template. */
export interface DocumentPlan {
  title: string;
  /** The assessment-criterion heading printed above the form. */
  section?: string;
  description?: string;
  nodes: PlanNode[];
}
