import type { JsonSchema, UiSchema } from "../registry/types.ts";
import type { GeneratedTemplate } from "./generateResultSheet.ts";
import type { Qualification, Unit } from "./types.ts";

const COMMON = "../../common";

/**
 * Builds a unit's evidence matrix (the portfolio evidence matrix of 501 and 502, the reflective
 * journal evidence matrix of 503) from the qualification data: for each criterion, rows of evidence
 * title and reference number.
 *
 * @param qualification - the qualification the unit belongs to
 * @param unit - a unit that has `evidenceMatrix` data
 * @returns the matrix, named `evidence-matrix-<unit>`, or `undefined` when the unit has none
 */
export function generateEvidenceMatrix(qualification: Qualification, unit: Unit): GeneratedTemplate | undefined {
  const matrix = unit.evidenceMatrix;
  if (!matrix) return undefined;
  const row: JsonSchema = {
    type: "object",
    additionalProperties: false,
    required: ["title"],
    properties: {
      title: { $ref: `${COMMON}/short-text.schema.json`, title: matrix.evidenceTitleLabel, type: "string", minLength: 1 },
      reference: { $ref: `${COMMON}/short-text.schema.json`, title: matrix.referenceLabel ?? "Reference Number", type: "string", maxLength: 60 },
    },
  };
  const [nameLabel, signatureLabel, dateLabel] = matrix.learnerFields ?? ["Name of learner", "Signature", "Date completed"];
  const sections: Record<string, JsonSchema> = {};
  const sectionsUi: UiSchema = { "ui:order": unit.learningOutcomes.map((lo) => lo.number) };
  for (const lo of unit.learningOutcomes) {
    const criteria: Record<string, JsonSchema> = {};
    const criteriaUi: UiSchema = {};
    for (const criterion of lo.criteria) {
      criteria[criterion.id] = {
        title: `AC ${criterion.id} ${criterion.matrixText ?? criterion.text}`,
        type: "array",
        maxItems: 30,
        items: { ...row, title: "Evidence" },
        "x-ilm": { criterion: `${unit.id}:${criterion.id}` },
      };
      criteriaUi[criterion.id] = { "ui:options": { table: true } };
    }
    sections[lo.number] = {
      title: lo.section ?? `Learning Outcome ${lo.number}`,
      type: "object",
      additionalProperties: false,
      properties: criteria,
    };
    sectionsUi[lo.number] = { "ui:order": lo.criteria.map((c) => c.id), ...criteriaUi };
  }
  const schema: JsonSchema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: matrix.title,
    description: matrix.instruction,
    type: "object",
    additionalProperties: false,
    required: ["learnerName"],
    properties: {
      learnerName: { $ref: `${COMMON}/person-name.schema.json`, title: nameLabel },
      signature: { $ref: `${COMMON}/person-name.schema.json`, title: signatureLabel },
      dateCompleted: { $ref: `${COMMON}/date.schema.json`, title: dateLabel },
      sections: { title: `Unit ${unit.id} ${unit.title}`, type: "object", additionalProperties: false, properties: sections },
      references: { $ref: `${COMMON}/long-text.schema.json`, title: matrix.referencesNote ?? "References" },
    },
    "x-ilm": {
      version: unit.version,
      current: unit.current,
      source: qualification.source,
      criteria: [],
      generatedFrom: { qualification: qualification.id, unit: unit.id, unitVersion: unit.version, kind: "evidence-matrix" },
    },
  };
  const ui: UiSchema = {
    "ui:order": ["learnerName", "signature", "dateCompleted", "sections", "references"],
    sections: sectionsUi,
    references: { "ui:widget": "textarea" },
  };
  return { name: `evidence-matrix-${unit.id}`, schema, ui };
}
