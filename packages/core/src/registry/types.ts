import type { AttachmentRule } from "../attachments/attachmentRule.ts";

/** A JSON Schema object as stored in `schemas/` (draft 2020-12). Kept loose on purpose: schemas are data. */
export type JsonSchema = { [keyword: string]: unknown };

/** The `x-ilm` annotations a template carries at its root. */
export interface TemplateAnnotations {
  /** Semantic version of the template. */
  version: string;
  /** Where in the source documents the template comes from. */
  source?: string;
  /** The assessment-criterion heading printed on the template. */
  section?: string;
  /** Criteria this template evidences, as `unit:ac` (for example `501:2.2`). */
  criteria?: string[];
  /** True when the template is filled in once per client. */
  perClient?: boolean;
  /** False for a superseded version that is kept so that older registrations can still be used. */
  current?: boolean;
  /** Who may create or change documents of this template (roles of a centre); none for generated templates. */
  writers?: WriterRole[];
  /**
   * Who may approve a document of this template for the centre (`centre_admin`, `iqa`): the rules
   * count such a document only once it is approved (`PortfolioDocument.approved`), as it is now.
   */
  approvedBy?: WriterRole[];
  /** Who confirms a document of this template that others wrote (the learner confirms the notes of a professional discussion). */
  confirmedBy?: WriterRole[];
  /**
   * `document`: the criteria it evidences are those its own `assessment-criteria` lists name (of its
   * `unit-ref` unit), for a record that can speak to any criterion (a professional discussion).
   */
  criteriaFrom?: "document";
  /** Phrases of the description that belong to the paper form ("This page will require photocopying ..."): printed, not shown on screen. */
  paperOnly?: string[];
  /**
   * The part of a portfolio the template is, where it is not plain evidence: `authenticity` (the
   * authentication sheet, printed first), `introduction` (printed first among a unit's evidence).
   */
  portfolioPart?: PortfolioPartAnnotation;
  /**
   * How documents written against an earlier version become documents of this one, declared as data
   * and applied by `upgradeDocument`: each entry names the earlier version and the unit conversions
   * (a field counting `from` in the earlier version and `to` in this one, at the same place, has its
   * numbers converted; see `UNIT_CONVERSIONS`).
   */
  upgradesFrom?: UpgradeDeclaration[];
  /** The evidence files a document of the template may carry: the list's title, the kinds allowed, the largest file. */
  attachments?: AttachmentRule;
  /** For templates generated from qualification data: what generated them. */
  generatedFrom?: { qualification: string; unit: string; unitVersion: string; kind: "result-sheet" | "evidence-matrix" };
}

/** One declared migration: from an earlier version of the same template to the version that declares it. */
export interface UpgradeDeclaration {
  /** The earlier version, e.g. `2.0.0`. */
  version: string;
  /** Unit conversions, e.g. `[{ "from": "hours", "to": "minutes" }]`. */
  convert: Array<{ from: string; to: string }>;
}

/** The parts of a portfolio a template can declare itself (`x-ilm.portfolioPart`). */
export type PortfolioPartAnnotation = "authenticity" | "introduction";

/** The roles that can be declared as writers of a template. */
export type WriterRole = "learner" | "assessor" | "iqa" | "centre_admin";

/** The `x-ilm` annotation of a single field. */
export interface FieldAnnotations {
  role?: FieldRole;
  unit?: string;
  /** On a signature: who signs it when that is not the writer (`client`, `stakeholder`, `witness`). */
  signer?: string;
}

export type FieldRole =
  | "client-ref"
  | "person-name"
  | "date"
  | "session-date"
  | "session-no"
  | "duration"
  | "supervision-duration"
  | "rating"
  | "signature"
  | "swot"
  | "swot-quadrant"
  | "development-need"
  | "tool-justification"
  | "assessment-criteria"
  | "unit-ref"
  | "client-feedback"
  | "clause"
  | "word-count"
  | "text";

/** A react-jsonschema-form uiSchema, kept beside each template as `<name>.ui.json`. */
export type UiSchema = { [key: string]: unknown };

/** A template ready to use: its schema bundled into one self-contained document. */
export interface Template {
  /** Stable id, the template's path: `ilm-8588/session-record`. */
  id: string;
  version: string;
  title: string;
  /** The schema with every shared definition inlined under `$defs`. */
  schema: JsonSchema;
  ui: UiSchema;
  annotations: TemplateAnnotations;
}

/** An ajv error as precompiled and run-time validators report it. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: precompiled at build time or compiled at run time. */
export interface CompiledValidator {
  (document: unknown): boolean;
  errors?: AjvError[] | null;
}

/** A template with its validator, as a registry holds it. */
export interface RegistryEntry {
  template: Template;
  validate: CompiledValidator;
}
