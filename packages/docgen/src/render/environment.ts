import type Handlebars from "handlebars";
// The runtime build only: templates are precompiled at build time, so the compiler is never loaded.
import HandlebarsRuntime from "handlebars/runtime.js";
import { templateSpecs } from "../generated/templates.ts";
import { registerHelpers } from "../helpers/index.ts";
import type { HandlebarsEnvironment } from "../helpers/types.ts";

type Spec = Parameters<typeof Handlebars.template>[0];

/** The page template, with every other template registered as a partial of the same environment. */
export interface Environment {
  instance: HandlebarsEnvironment;
  page: HandlebarsTemplateDelegate;
}

let shared: Environment | undefined;

/**
 * The package's own Handlebars environment: created once with `Handlebars.create()` (so nothing is
 * registered on, or read from, the global instance), with the helpers and the precompiled partials.
 *
 * @returns the environment, created on first use
 */
export function environment(): Environment {
  if (shared) return shared;
  const instance = (HandlebarsRuntime as unknown as typeof Handlebars).create();
  registerHelpers(instance);
  for (const [name, spec] of Object.entries(templateSpecs)) {
    if (name !== "page") instance.registerPartial(name, instance.template(spec as Spec));
  }
  const page = instance.template(templateSpecs.page as Spec);
  shared = { instance, page };
  return shared;
}
