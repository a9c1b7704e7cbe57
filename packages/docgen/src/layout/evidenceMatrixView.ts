import type { Template } from "@ilm-forms/core";
import { formatValue } from "./formatValue.ts";
import { asObject, resolveSchema } from "./resolveSchema.ts";
import type { FieldView } from "./viewTypes.ts";

type Data = Record<string, unknown>;

export interface EvidenceMatrixView {
  header: FieldView[];
  unitTitle: string;
  titleLabel: string;
  referenceLabel: string;
  sections: { title: string; criteria: { title: string; span: number; evidence: { title: string; reference: string }[] }[] }[];
  references: FieldView;
}

/**
 * Lays out an evidence matrix generated from qualification data (Appendix 5 "Portfolio of evidence
 * matrix", Appendix 8 "Reflective Journal evidence matrix"): the learner's name, signature and date,
 * then per section each criterion beside the evidence titles and reference numbers that meet it.
 *
 * @param template - a template whose `x-ilm.generatedFrom.kind` is `evidence-matrix`
 * @param data - the filled-in matrix (may be empty)
 * @returns the view the `evidenceMatrix` partial prints
 */
export function evidenceMatrixView(template: Template, data: Data): EvidenceMatrixView {
  const root = template.schema;
  const properties = asObject(root.properties) ?? {};
  const field = (key: string, date = false): FieldView => {
    const schema = resolveSchema(asObject(properties[key]) ?? {}, root);
    return { title: String(schema.title ?? key), value: formatValue(data[key], { type: "string", date }) };
  };
  const sectionsSchema = asObject(properties.sections) ?? {};
  const sectionsData = asObject(data.sections) ?? {};
  let titleLabel = "Portfolio Evidence Title";
  let referenceLabel = "Reference Number";
  const sections = Object.entries(asObject(sectionsSchema.properties) ?? {}).map(([number, raw]) => {
    const section = asObject(raw) ?? {};
    const values = asObject(sectionsData[number]) ?? {};
    const criteria = Object.entries(asObject(section.properties) ?? {}).map(([id, rawCriterion]) => {
      const criterion = asObject(rawCriterion) ?? {};
      const row = asObject(asObject(criterion.items)?.properties) ?? {};
      titleLabel = String(resolveSchema(asObject(row.title) ?? {}, root).title ?? titleLabel);
      referenceLabel = String(resolveSchema(asObject(row.reference) ?? {}, root).title ?? referenceLabel);
      const entries = Array.isArray(values[id]) ? (values[id] as unknown[]) : [];
      const evidence = entries.map((entry) => ({
        title: formatValue(asObject(entry)?.title, { type: "string" }),
        reference: formatValue(asObject(entry)?.reference, { type: "string" }),
      }));
      if (evidence.length === 0) evidence.push({ title: "", reference: "" });
      return { title: String(criterion.title ?? id), span: evidence.length, evidence };
    });
    return { title: String(section.title ?? number), criteria };
  });
  return {
    header: [field("learnerName"), field("signature"), field("dateCompleted", true)],
    unitTitle: String(sectionsSchema.title ?? ""),
    titleLabel,
    referenceLabel,
    sections,
    references: field("references"),
  };
}
