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
  /**
   * Which stored revision of the document this is (a database row's version), where the caller knows it.
   * An incremental checker (`createPortfolioChecker`) takes a document with the same id and revision as
   * unchanged without reading its data; without a revision it compares the data object itself (so pass
   * a new object for a changed document, never one changed in place).
   */
  revision?: string | number;
  /**
   * What the signers themselves did, where the caller knows it (a store that records signatures made
   * through signing links): by top-level signature field, the signature its signer made. Given, a
   * signature field that declares `x-ilm.signer` counts only when its signer signed it and the document
   * still says what they signed; a name the writer typed there is reported as typed by the writer.
   * Absent, nothing is known of who typed what, and the typed fields are read as they are.
   */
  signerSignatures?: Record<string, SignerSignatureState>;
  /** True when the centre approved the document as it is now (for templates with `x-ilm.approvedBy`). */
  approved?: boolean;
}

/** A signature made by its signer (not typed by the writer), as the rules read it. */
export interface SignerSignatureState {
  /** The name the signer typed. */
  name: string;
  /** The date they signed, `YYYY-MM-DD`. */
  date: string;
  /** The document's signed content is what they signed (false: it changed after). */
  matching: boolean;
}

/** A learner's registration on a unit: which qualification, unit and rule-set version apply. */
export interface UnitRegistration {
  qualification: string;
  unit: string;
  /** The rule-set version the learner was registered on; the current one when omitted. */
  version?: string;
}
