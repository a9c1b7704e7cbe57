/** The sufficiency descriptors of a result sheet: typical standards of a referral and of a pass. */
export interface Descriptors {
  referral: string[];
  pass: string[];
}

export interface Criterion {
  /** `1.1`, `2.3` ...: unique within its unit. */
  id: string;
  /** The unit specification's wording. */
  text: string;
  /** The result sheet's wording, where it differs. */
  resultSheetText?: string;
  /** The evidence matrix's wording, where it differs. */
  matrixText?: string;
  depth?: string;
  guidance?: string;
  descriptors?: Descriptors;
  /** Appendix 4 (and the 503 reflective journal examples): suggested evidence and the ILM templates. */
  evidence?: { criterionText?: string; examples?: string[]; ilmTemplates?: string[]; ilmTemplatesNote?: string };
  /** For marks schemes: the most marks this criterion can earn. */
  maxMarks?: number;
  /** The automatic checks that speak to this criterion, from the check vocabulary (`docs/schema-authoring.md`). */
  checks?: CheckDeclaration[];
}

/**
 * One check declared on a criterion: a kind of the vocabulary and its parameters. A number may be
 * written as it is or as `{ "threshold": "<name>" }`, the unit's threshold of that name.
 */
export interface CheckDeclaration {
  kind: string;
  [parameter: string]: unknown;
}

/** Which templates hold the coaching sessions of a portfolio (names within the qualification's folder). */
export interface SessionSources {
  /** Templates whose rows log sessions (date, number, duration; the client at the root or in the row). */
  logs: string[];
  /** Templates filled in once per session, matched to a logged session by client and number or date. */
  records?: string[];
  /** What the sessions are of, as the reasons say it ("hours of mentoring are recorded"); `coaching` when left out. */
  activity?: string;
}

export interface LearningOutcome {
  number: string;
  title: string;
  resultSheetTitle?: string;
  section?: string;
  criteria: Criterion[];
  guidance?: string;
}

/** The numbers the cross-document rules use. Only what the source states is present. */
export interface Thresholds {
  coachingHours?: number;
  clients?: { min?: number; max?: number; exceptionalMax?: number };
  supervisionHours?: number;
  developmentNeedsPerClient?: number;
  toolsJustified?: number;
  pdpMonths?: number;
}

export interface Unit {
  id: string;
  /** The rule-set version: a registration pins the version it was made on. */
  version: string;
  current: boolean;
  versionNote?: string;
  number?: string;
  uan?: string;
  title: string;
  level?: number;
  credit?: number;
  glh?: number;
  aim?: string;
  assessmentMethod?: string;
  thresholds?: Thresholds;
  totalMarks?: number;
  /** For marks schemes, only where the source gives one: the total at or above which the unit is a Pass. */
  passMark?: number;
  resultSheet?: { source?: string; instructions: string[]; descriptorsNote?: string };
  evidenceMatrix?: {
    title: string;
    instruction?: string;
    evidenceTitleLabel: string;
    referenceLabel?: string;
    /** The labels of the learner's fields at the top of the matrix: name, signature, date completed. */
    learnerFields?: [string, string, string];
    referencesNote?: string;
  };
  learningOutcomes: LearningOutcome[];
  assignment?: unknown;
}

export interface Route {
  id: string;
  title: string;
  code?: string;
  accreditationNumber?: string;
  glh?: number;
  tqt?: number;
  credit?: number;
  units: string[];
}

/** A qualification as kept in `schemas/<scheme>/qualification.json`. */
export interface Qualification {
  id: string;
  title: string;
  number?: string;
  source?: string;
  scheme: "pass-referral" | "marks";
  minimumAge?: number;
  registrationValidYears?: number;
  routes?: Route[];
  /** The template (a name in the qualification's folder) on which a learner declares the work their own. */
  authenticityDeclaration?: string;
  /** Where the portfolio's coaching sessions are read from, for every unit's checks and summary. */
  sessions?: SessionSources;
  units: Unit[];
}
