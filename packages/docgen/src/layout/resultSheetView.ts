import type { JsonSchema, Template } from "@ilm-forms/core";
import { formatValue } from "./formatValue.ts";
import { asObject, resolveSchema } from "./resolveSchema.ts";
import type { FieldView } from "./viewTypes.ts";

type Data = Record<string, unknown>;

/** A choice printed as the paper does it, "PASS / REFERRAL" with the one not chosen struck through. */
export interface ChoiceView {
  options: { label: string; chosen: boolean; struck: boolean }[];
  /** A free value where the schema lists no choices: a marks unit's outcome is its total, "72 out of 100". */
  text?: string;
}

export interface CriterionView {
  title: string;
  referral: string[];
  pass: string[];
  feedback: string;
  decision?: ChoiceView;
  marks?: FieldView;
}

export interface ResultSheetView {
  header: FieldView[][];
  instructions: string[];
  descriptorsNote?: string;
  columns: { criteria: string; descriptors: string; feedback: string; decision: string };
  learningOutcomes: { title: string; criteria: CriterionView[]; comments: FieldView[] }[];
  closing: FieldView[];
  decisions: { title: string; choice: ChoiceView; dateTitle: string; date: string; signatureTitle: string; name: string }[];
}

const DESCRIPTORS_TITLE = "Sufficiency descriptors";
const DESCRIPTORS_NOTE = "(Typical standards that, if replicated across the whole submission, would produce a referral or borderline pass)";

/**
 * Lays out a result sheet generated from qualification data (Appendices 2, 6, 7 and 9): the header,
 * the instructions, one table per learning outcome with each criterion's referral and pass descriptors,
 * the assessor's feedback and decision, the LO and QA comments, then the decisions and signatures.
 * It reads the generated schema, so every unit of every qualification prints without code.
 *
 * @param template - a template whose `x-ilm.generatedFrom.kind` is `result-sheet`
 * @param data - the filled-in result sheet (may be empty)
 * @returns the view the `resultSheet` partial prints
 */
export function resultSheetView(template: Template, data: Data): ResultSheetView {
  const root = template.schema;
  const properties = asObject(root.properties) ?? {};
  const xIlm = asObject(root["x-ilm"]) ?? {};
  const scalar = (key: string): FieldView => {
    const schema = resolveSchema(asObject(properties[key]) ?? {}, root);
    return { title: String(schema.title ?? key), value: formatValue(data[key], { type: "unknown" }) };
  };
  const header = [["centreNumber", "centreName"], ["learnerRegistrationNo", "learnerName"], ["attempt"]]
    .map((row) => row.filter((key) => key in properties).map(scalar))
    .filter((row) => row.length > 0);
  const loSchemas = asObject(asObject(properties.learningOutcomes)?.properties) ?? {};
  const loData = asObject(data.learningOutcomes) ?? {};
  let columns = { criteria: "Assessment Criteria (AC)", descriptors: DESCRIPTORS_TITLE, feedback: "Assessor feedback on AC", decision: "Pass / Referral (delete as applicable)" };
  const learningOutcomes = Object.entries(loSchemas).map(([number, raw]) => {
    const lo = asObject(raw) ?? {};
    const loProps = asObject(lo.properties) ?? {};
    const loValues = asObject(loData[number]) ?? {};
    const criteriaSchema = asObject(loProps.criteria) ?? {};
    columns = { ...columns, criteria: String(criteriaSchema.title ?? columns.criteria) };
    const criteriaValues = asObject(loValues.criteria) ?? {};
    const criteria = Object.entries(asObject(criteriaSchema.properties) ?? {}).map(([id, rawCriterion]) => {
      const criterion = asObject(rawCriterion) ?? {};
      const fields = asObject(criterion.properties) ?? {};
      const values = asObject(criteriaValues[id]) ?? {};
      const descriptors = asObject(asObject(criterion["x-ilm"])?.descriptors) ?? {};
      const feedbackSchema = resolveSchema(asObject(fields.feedback) ?? {}, root);
      const decisionSchema = asObject(fields.decision);
      const marksSchema = asObject(fields.marks);
      if (typeof feedbackSchema.title === "string") columns = { ...columns, feedback: feedbackSchema.title };
      if (decisionSchema && typeof decisionSchema.title === "string") columns = { ...columns, decision: decisionSchema.title };
      const view: CriterionView = {
        title: String(criterion.title ?? id),
        referral: strings(descriptors.referral),
        pass: strings(descriptors.pass),
        feedback: formatValue(values.feedback, { type: "string" }),
      };
      if (decisionSchema) view.decision = choice(decisionSchema, values.decision, false);
      if (marksSchema) {
        view.marks = { title: String(marksSchema.title ?? "Marks"), value: formatValue(values.marks, { type: "integer" }) };
        columns = { ...columns, decision: "Marks" };
      }
      return view;
    });
    const comments = ["comments", "qaComments"].filter((key) => key in loProps).map((key) => ({
      title: String(resolveSchema(asObject(loProps[key]) ?? {}, root).title ?? key).replace(/\s*\(optional\)$/, " (optional):"),
      value: formatValue(loValues[key], { type: "string" }),
    }));
    return { title: String(lo.title ?? number), criteria, comments };
  });
  const closing = "totalMarks" in properties ? [scalar("totalMarks")] : [];
  const decisions = [
    ["assessorDecision", "assessorSignature", "Date"],
    ["unitOutcome", "qaSignature", "Date of QA check"],
  ]
    .filter(([decision]) => decision! in properties)
    .map(([decision, signature, dateTitle]) => {
      const signatureSchema = resolveSchema(asObject(properties[signature!]) ?? {}, root);
      const signed = asObject(data[signature!]);
      return {
        title: String(asObject(properties[decision!])?.title ?? decision),
        choice: choice(asObject(properties[decision!]) ?? {}, data[decision!], true),
        dateTitle: dateTitle!,
        date: formatValue(signed?.date, { type: "string", date: true }),
        signatureTitle: String(signatureSchema.title ?? signature),
        name: formatValue(signed?.name, { type: "string" }),
      };
    });
  return {
    header,
    instructions: strings(xIlm.instructions),
    descriptorsNote: typeof xIlm.descriptorsNote === "string" ? xIlm.descriptorsNote : DESCRIPTORS_NOTE,
    columns,
    learningOutcomes,
    closing,
    decisions,
  };
}

function choice(schema: JsonSchema, value: unknown, upper: boolean): ChoiceView {
  if (schema.enum === undefined) return { options: [], text: typeof value === "string" ? value : "" };
  const options = strings(schema.enum);
  const decided = options.includes(value as string);
  return { options: options.map((label) => ({ label: upper ? label.toUpperCase() : label, chosen: value === label, struck: decided && value !== label })) };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
