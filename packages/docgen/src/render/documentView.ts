import type { Registry, Template } from "@ilm-forms/core";
import { bindPlan } from "../layout/bindPlan.ts";
import { evidenceMatrixView } from "../layout/evidenceMatrixView.ts";
import { planTemplate } from "../layout/planTemplate.ts";
import { asObject } from "../layout/resolveSchema.ts";
import { resultSheetView } from "../layout/resultSheetView.ts";
import type { DocumentView } from "../layout/viewTypes.ts";
import { documentFacts } from "../naming/documentFacts.ts";
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
  const base = { anchor, title: plan.title, section: plan.section, description: plan.description, caption: withCaption ? caption(template, data) : undefined };
  switch (template.annotations.generatedFrom?.kind) {
    case "result-sheet":
      return { ...base, layout: "resultSheet", resultSheet: resultSheetView(template, data) };
    case "evidence-matrix":
      return { ...base, layout: "evidenceMatrix", evidenceMatrix: evidenceMatrixView(template, data) };
    default:
      return { ...base, layout: "form", nodes: bindPlan(plan.nodes, data) };
  }
}

/**
 * A short line telling a document from its siblings: unit, client, session, date.
 *
 * @param template - the document's template
 * @param data - the document
 * @returns e.g. `Unit 501 · Client 1 · Session 2 · 03/03/2026`
 */
export function caption(template: Template, data: Record<string, unknown>): string {
  const facts = documentFacts(template, data);
  const parts: string[] = [];
  if (facts.unit) parts.push(`Unit ${facts.unit}`);
  if (facts.clientRef) parts.push(facts.clientRef);
  if (facts.sessionNo !== undefined) parts.push(`Session ${facts.sessionNo}`);
  if (facts.date) parts.push(facts.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1"));
  return parts.join(" · ");
}
