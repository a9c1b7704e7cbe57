import type { FieldError } from "../validation/types.ts";

/** What the records show about one assessment criterion. Never Pass or Referral: the assessor decides. */
export type FindingStatus = "met" | "not met" | "for the assessor";

/** A document, and optionally a field of it, that a finding is about. */
export interface Pointer {
  /** The document's id (`PortfolioDocument.id`). */
  document: string;
  /** JSON pointer of the field inside the document, e.g. `/sessions/2/duration`. */
  path?: string;
}

/** One finding per assessment criterion of the unit. */
export interface Finding {
  /** `unit:criterion`, e.g. `501:2.1`. */
  criterion: string;
  status: FindingStatus;
  /** Plain-English sentences, e.g. `17.5 hours of coaching are recorded; Unit 501 needs at least 18`. */
  reasons: string[];
  pointers: Pointer[];
}

/** What one cross-document check found, before it is attached to a criterion. */
export interface CheckResult {
  status: FindingStatus;
  reasons: string[];
  pointers: Pointer[];
}

/** A document that does not validate against its template: reported, never a crash. */
export interface InvalidDocument {
  document: string;
  template: string;
  errors: FieldError[];
}

/** Where the log and a session record give different durations for the same session. */
export interface HoursDisagreement {
  client: string;
  sessionNo?: number;
  date?: string;
  logHours: number;
  recordHours: number;
  pointers: Pointer[];
}

/** The figures behind the findings, for progress displays ("hours against target"). */
export interface PortfolioSummary {
  /** Hours of coaching over every client (from the hours logs, and session records missing from them). */
  coachingHours: number;
  hoursByClient: Record<string, number>;
  supervisionHours: number;
  /** Distinct clients who had at least one session, as the learner wrote their references. */
  clients: string[];
  /** Sessions found in hours logs or session records. */
  sessions: number;
  hoursDisagreements: HoursDisagreement[];
  invalidDocuments: InvalidDocument[];
  /** Documents whose template is unknown to the registry. */
  unknownDocuments: string[];
}

/** What `checkPortfolio` answers. */
export interface PortfolioCheck {
  qualification: string;
  unit: string;
  version: string;
  findings: Finding[];
  summary: PortfolioSummary;
}
