/** One filled-in template in a learner's portfolio. */
export interface PortfolioDocument {
  /** Stable id of the document (a database id, a file name ...): findings point at it. */
  id: string;
  /** The template it fills in, e.g. `ilm-8588/session-record`. */
  template: string;
  /** The template version it was written against; the current one when omitted. */
  version?: string;
  /** The document itself, as the template's schema describes it. */
  data: Record<string, unknown>;
  /** True when the centre approved the document as it is now (for templates with `x-ilm.approvedBy`). */
  approved?: boolean;
}

/** A learner's registration on a unit: which qualification, unit and rule-set version apply. */
export interface UnitRegistration {
  qualification: string;
  unit: string;
  /** The rule-set version the learner was registered on; the current one when omitted. */
  version?: string;
}
