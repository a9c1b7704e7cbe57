import type { Registry, Template } from "@ilm-forms/core";
import { bindPlan } from "../layout/bindPlan.ts";
import { evidenceMatrixView } from "../layout/evidenceMatrixView.ts";
import { planTemplate } from "../layout/planTemplate.ts";
import { asObject } from "../layout/resolveSchema.ts";
import { resultSheetView } from "../layout/resultSheetView.ts";
import type { DocumentView } from "../layout/viewTypes.ts";
import { documentCaption } from "../naming/documentCaption.ts";
import type { DocumentInput } from "./types.ts";

/**
 * Finds a document's template in the registry, or says plainly which one is missing.
 *
 * @param registry - the template registry
 * @param document - the document
 * @returns the template
 */
export function templateOf(registry: Registry, document: DocumentInput): Template {
  const template = registry.get(document.template, document.version);
  if (!template) {
    const version = document.version ? ` version ${document.version}` : "";
    throw new Error(`No template ${JSON.stringify(document.template)}${version} in the registry`);
  }
  return template;
}

/**
 * Binds one document to its template's layout: a generic form, or for generated result sheets and
 * evidence matrices the layout of the official appendix.
 *
 * @param registry - the template registry
 * @param document - the document to print
 * @param anchor - the document's anchor within the page (`doc-1`)
 * @param withCaption - work out the caption (only a portfolio's contents page prints it)
 * @returns the view the page template prints
 */
export function documentView(registry: Registry, document: DocumentInput, anchor: string, withCaption = false): DocumentView {
  const template = templateOf(registry, document);
  const data = asObject(document.data) ?? {};
  const plan = planTemplate(template);
  const base = { anchor, title: plan.title, section: plan.section, description: plan.description, caption: withCaption ? documentCaption(template, data) : undefined };
  switch (template.annotations.generatedFrom?.kind) {
    case "result-sheet":
      return { ...base, layout: "resultSheet", resultSheet: resultSheetView(template, data) };
    case "evidence-matrix":
      return { ...base, layout: "evidenceMatrix", evidenceMatrix: evidenceMatrixView(template, data) };
    default:
      return { ...base, layout: "form", nodes: bindPlan(plan.nodes, data) };
  }
}

