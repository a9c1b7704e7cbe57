import type { JsonSchema, UiSchema } from "../registry/types.ts";
import type { Qualification, Unit } from "./types.ts";

/** A template produced from qualification data, in the same unbundled form as a file in `schemas/`. */
export interface GeneratedTemplate {
  /** The template's file name without `.schema.json`, e.g. `result-sheet-501`. */
  name: string;
  schema: JsonSchema;
  ui: UiSchema;
}

const COMMON = "../../common";

/**
 * Builds the result sheet of a unit from the qualification data: every learning outcome with its
 * criteria, each criterion's sufficiency descriptors, the assessor's feedback and decision (or marks,
 * for a marks scheme), the learning-outcome and QA comments, and the signatures.
 * One generator serves every unit, so no result sheet is written by hand.
 *
 * @param qualification - the qualification the unit belongs to
 * @param unit - the unit (a specific rule-set version)
 * @returns the result sheet, named `result-sheet-<unit>`, with relative `$ref`s to `schemas/common/`
 */
export function generateResultSheet(qualification: Qualification, unit: Unit): GeneratedTemplate {
  const marks = qualification.scheme === "marks";
  const learningOutcomes: Record<string, JsonSchema> = {};
  const loUi: UiSchema = { "ui:order": unit.learningOutcomes.map((lo) => lo.number) };
  for (const lo of unit.learningOutcomes) {
    const criteria: Record<string, JsonSchema> = {};
    const criteriaUi: UiSchema = { "ui:order": lo.criteria.map((c) => c.id) };
    for (const criterion of lo.criteria) {
      const decision: JsonSchema = marks
        ? { title: `Marks (out of ${criterion.maxMarks ?? 0})`, type: "integer", minimum: 0, maximum: criterion.maxMarks ?? 0 }
        : { title: "Pass / Referral (delete as applicable)", type: "string", enum: ["Pass", "Referral"] };
      criteria[criterion.id] = {
        title: `AC ${criterion.id} ${criterion.resultSheetText ?? criterion.text}`,
        type: "object",
        additionalProperties: false,
        properties: {
          feedback: { $ref: `${COMMON}/long-text.schema.json`, title: "Assessor feedback on AC", type: "string", maxLength: 5000 },
          [marks ? "marks" : "decision"]: decision,
        },
        "x-ilm": { criterion: `${unit.id}:${criterion.id}`, descriptors: criterion.descriptors, maxMarks: criterion.maxMarks },
      };
      criteriaUi[criterion.id] = { "ui:order": ["feedback", marks ? "marks" : "decision"], feedback: { "ui:widget": "textarea" }, ...(marks ? {} : { decision: { "ui:widget": "radio" } }) };
    }
    learningOutcomes[lo.number] = {
      title: `Learning Outcome ${lo.number} ${lo.resultSheetTitle ?? lo.title}`,
      type: "object",
      additionalProperties: false,
      properties: {
        criteria: { title: "Assessment Criteria (AC)", type: "object", additionalProperties: false, properties: criteria },
        comments: { $ref: `${COMMON}/long-text.schema.json`, title: `Learning Outcome ${lo.number} comments (optional)`, type: "string", maxLength: 5000 },
        qaComments: { $ref: `${COMMON}/long-text.schema.json`, title: "QA comments (optional)", type: "string", maxLength: 5000 },
      },
    };
    loUi[lo.number] = { "ui:order": ["criteria", "comments", "qaComments"], criteria: criteriaUi, comments: { "ui:widget": "textarea" }, qaComments: { "ui:widget": "textarea" } };
  }
  // A marks unit's outcome is its total ("72 out of 100"); Pass or Referral only where the data declares
  // a pass mark (decision 052): no pass mark is invented.
  const outcome: JsonSchema =
    marks && unit.passMark === undefined
      ? { type: "string", maxLength: 80, description: `The total marks, e.g. "72 out of ${unit.totalMarks ?? 100}": no pass mark is declared for this unit.` }
      : { type: "string", enum: ["Pass", "Referral"] };
  const outcomeTitle = (title: string): string => (marks && unit.passMark === undefined ? title : `${title} (delete as applicable)`);
  const schema: JsonSchema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `Unit ${unit.id} Result Sheet`,
    description: unit.title,
    type: "object",
    additionalProperties: false,
    properties: {
      centreNumber: { $ref: `${COMMON}/short-text.schema.json`, title: "Centre Number", type: "string", maxLength: 40 },
      centreName: { $ref: `${COMMON}/short-text.schema.json`, title: "Centre Name" },
      learnerRegistrationNo: { $ref: `${COMMON}/short-text.schema.json`, title: "Learner Registration No.", type: "string", maxLength: 40 },
      learnerName: { $ref: `${COMMON}/person-name.schema.json`, title: "Learner Name" },
      // Not on the handbook's sheet: a centre running referrals numbers the attempts (issue 15, decision 030).
      attempt: { title: "Attempt", type: "integer", minimum: 1, maximum: 99 },
      learningOutcomes: { title: "Learning outcomes", type: "object", additionalProperties: false, properties: learningOutcomes },
      ...(marks ? { totalMarks: { title: `Total marks (out of ${unit.totalMarks ?? 100})`, type: "integer", minimum: 0, maximum: unit.totalMarks ?? 100 } } : {}),
      assessorDecision: { ...outcome, title: outcomeTitle("Assessor’s Decision") },
      assessorSignature: { $ref: `${COMMON}/signature.schema.json`, title: "Signature of Assessor" },
      unitOutcome: { ...outcome, title: outcomeTitle("Unit Outcome") },
      qaSignature: { $ref: `${COMMON}/signature.schema.json`, title: "Signature of QA", description: "The date is the Date of QA check." },
    },
    "x-ilm": {
      version: unit.version,
      current: unit.current,
      source: unit.resultSheet?.source ?? qualification.source,
      instructions: unit.resultSheet?.instructions,
      descriptorsNote: unit.resultSheet?.descriptorsNote,
      criteria: [],
      generatedFrom: { qualification: qualification.id, unit: unit.id, unitVersion: unit.version, kind: "result-sheet" },
    },
  };
  const ui: UiSchema = {
    "ui:order": ["centreNumber", "centreName", "learnerRegistrationNo", "learnerName", "attempt", "learningOutcomes", ...(marks ? ["totalMarks"] : []), "assessorDecision", "assessorSignature", "unitOutcome", "qaSignature"],
    learningOutcomes: loUi,
    assessorSignature: { "ui:field": "signature" },
    qaSignature: { "ui:field": "signature" },
  };
  return { name: `result-sheet-${unit.id}`, schema, ui };
}
