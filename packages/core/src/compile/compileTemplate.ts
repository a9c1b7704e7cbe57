import type { CompiledValidator, RegistryEntry, Template } from "../registry/types.ts";
import { createAjv } from "./createAjv.ts";

let shared: ReturnType<typeof createAjv> | undefined;

/**
 * Compiles a template's validator at run time, for templates that arrive after the build (a
 * centre's own schema, say). Compiling generates code with `new Function`, so a page under a strict
 * Content-Security-Policy must use the precompiled validators instead.
 *
 * @param template - a bundled template
 * @returns the template with its validator, ready for `registry.add`
 */
export function compileTemplate(template: Template): RegistryEntry {
  shared ??= createAjv();
  return { template, validate: shared.compile(template.schema) as unknown as CompiledValidator };
}
