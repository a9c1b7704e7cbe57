/** One problem with one field of a document, in words a learner understands. */
export interface FieldError {
  /** JSON pointer of the field, e.g. `/sessions/2/duration`. */
  path: string;
  /** The field's title as the template prints it, e.g. `Duration`. */
  field: string;
  /** Where the field is, e.g. `Log of hours › Row 3 › Duration`. */
  location: string;
  /** The rule that was broken, as the JSON Schema keyword (`required`, `exclusiveMinimum` ...). */
  rule: string;
  /** The plain-English message, e.g. `Duration must be more than 0 hours`. */
  message: string;
}

/** What `validate` answers. */
export type ValidationResult = { valid: true; errors: [] } | { valid: false; errors: FieldError[] };

/** Options of `validate`. */
export interface ValidateOptions {
  /** The template version the document was written against; the current one when omitted. */
  version?: string;
  /** A draft may leave required fields empty: every other rule still applies. */
  draft?: boolean;
}
