// Everything the rules know about one scheme lives here: which template plays which part in a
// portfolio, and which checks speak to which assessment criterion of which unit version. Numbers
// never live here: they come from the unit's thresholds in the qualification data.

/** The parts a document can play in a coaching portfolio. */
export type EvidenceKind =
  | "hoursLog"
  | "sessionRecord"
  | "reflectiveLog"
  | "supervisionRecord"
  | "supervisorFeedback"
  | "clientFeedback"
  | "contract"
  | "developmentNeeds"
  | "programmePlan"
  | "coachSwot"
  | "pdp"
  | "cpdMonitoring"
  | "exceptionalCircumstances";

/** The cross-document checks; each is computed at most once per portfolio. */
export type CheckId =
  | "programmePlans"
  | "developmentNeeds"
  | "contracts"
  | "coachingHours"
  | "clients"
  | "sessionRecords"
  | "confidentiality"
  | "clientFeedback"
  | "supervisorFeedback"
  | "reflectiveLogs"
  | "toolsJustified"
  | "supervisionHours"
  | "supervisionPresent"
  | "reflectionPresent"
  | "swot"
  | "pdp"
  | "cpdMonitoring";

/**
 * How one criterion is looked at: the checks whose records it needs, and whether a person must still
 * judge it once every check is satisfied (`judgement`: the finding is then "for the assessor").
 */
export interface CriterionPlan {
  checks: CheckId[];
  judgement: boolean;
}

/** One scheme: its template ids and the plans of its units, by unit id and rule-set version. */
export interface EvidenceSources {
  templates: Record<EvidenceKind, string>;
  plans: Record<string, Record<string, Record<string, CriterionPlan>>>;
}

const plan = (checks: CheckId[], judgement = false): CriterionPlan => ({ checks, judgement });
const assessor: CriterionPlan = plan([], true);

/** Units 501 (current) and 502 share their criteria; only the thresholds differ. */
const practiceUnit: Record<string, CriterionPlan> = {
  "1.1": plan(["programmePlans"], true),
  "1.2": plan(["developmentNeeds"]),
  "1.3": plan(["contracts"]),
  "2.1": plan(["coachingHours", "clients"]),
  "2.2": plan(["sessionRecords", "confidentiality"]),
  "2.3": plan(["clientFeedback", "supervisorFeedback"]),
  "2.4": plan(["reflectiveLogs"]),
  "3.1": plan(["reflectiveLogs"], true),
  "3.2": plan(["toolsJustified"]),
  "3.3": plan(["supervisionHours"], true),
  "3.4": assessor,
};

const ilm8588: EvidenceSources = {
  templates: {
    hoursLog: "ilm-8588/hours-log",
    sessionRecord: "ilm-8588/session-record",
    reflectiveLog: "ilm-8588/reflective-log",
    supervisionRecord: "ilm-8588/supervision-record",
    supervisorFeedback: "ilm-8588/supervisor-feedback",
    clientFeedback: "ilm-8588/client-feedback",
    contract: "ilm-8588/contract",
    developmentNeeds: "ilm-8588/development-needs",
    programmePlan: "ilm-8588/programme-plan",
    coachSwot: "ilm-8588/coach-swot",
    pdp: "ilm-8588/pdp",
    cpdMonitoring: "ilm-8588/cpd-monitoring",
    exceptionalCircumstances: "ilm-8588/exceptional-circumstances",
  },
  plans: {
    "500": {},
    "501": {
      "2.0": practiceUnit,
      earlier: {
        "1.1": plan(["contracts"], true),
        "1.2": plan(["developmentNeeds"]),
        "1.3": plan(["programmePlans"], true),
        "2.1": plan(["coachingHours", "clients"]),
        "2.2": assessor,
        "2.3": assessor,
        "2.4": plan(["sessionRecords", "confidentiality"]),
        "3.1": plan(["clientFeedback"], true),
        "3.2": plan(["reflectiveLogs"], true),
        "3.3": plan(["reflectiveLogs", "supervisionPresent"], true),
      },
    },
    "502": { "2.0": practiceUnit },
    "503": {
      "2.0": {
        "1.1": plan(["reflectionPresent"], true),
        "1.2": plan(["reflectionPresent"], true),
        "1.3": plan(["reflectionPresent"], true),
        "2.1": plan(["swot"]),
        "2.2": plan(["pdp"]),
        "2.3": plan(["cpdMonitoring"], true),
      },
    },
  },
};

/** Every scheme the rules know, by qualification id. Adding a scheme means adding an entry here. */
export const evidenceSources: Record<string, EvidenceSources> = { "ilm-8588": ilm8588 };

/**
 * The plan of one criterion, or `undefined` when the rules have nothing to check for it.
 *
 * @param qualification - e.g. `ilm-8588`
 * @param unit - e.g. `501`
 * @param version - the unit's rule-set version, e.g. `earlier`
 * @param criterion - the criterion's id within the unit, e.g. `2.1`
 */
export function criterionPlan(qualification: string, unit: string, version: string, criterion: string): CriterionPlan | undefined {
  return evidenceSources[qualification]?.plans[unit]?.[version]?.[criterion];
}
