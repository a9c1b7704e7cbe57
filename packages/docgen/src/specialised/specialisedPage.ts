import type { Template } from "@ilm-forms/core";
import type Handlebars from "handlebars";
import { documentSpecs } from "../generated/documentTemplates.ts";
import { planTemplate } from "../layout/planTemplate.ts";
import { environment } from "../render/environment.ts";
import { slotBinder } from "./bindValues.ts";
import { planKey } from "./planKey.ts";

type Spec = Parameters<typeof Handlebars.template>[0];

/** Prints one document's whole page from its data, through a template specialised at build time. */
export type SpecialisedPage = (data: Record<string, unknown>) => string;

const byTemplate = new WeakMap<Template, SpecialisedPage | null>();
const byKey = new Map<string, HandlebarsTemplateDelegate>();

/**
 * The specialised page template for a template, when the build made one for exactly its layout plan
 * (the built-in registry's form templates); `undefined` otherwise (result sheets, evidence matrices,
 * templates registered at run time), and the caller prints through the generic partials. Both print
 * the same bytes. The answer is cached per template object.
 *
 * @param template - a template from a registry
 * @returns the page printer, or `undefined`
 */
export function specialisedPage(template: Template): SpecialisedPage | undefined {
  const cached = byTemplate.get(template);
  if (cached !== undefined) return cached ?? undefined;
  let page: SpecialisedPage | null = null;
  if (!template.annotations.generatedFrom) {
    const plan = planTemplate(template);
    const key = planKey(plan);
    const spec = documentSpecs[key];
    if (spec) {
      let compiled = byKey.get(key);
      if (!compiled) {
        compiled = environment().instance.template(spec as Spec);
        byKey.set(key, compiled);
      }
      const render = compiled;
      const bind = slotBinder(plan.nodes);
      page = (data) => {
        const slots: unknown[] = [];
        bind(data, slots);
        return render(slots);
      };
    }
  }
  byTemplate.set(template, page);
  return page ?? undefined;
}
