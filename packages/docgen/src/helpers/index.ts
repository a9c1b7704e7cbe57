import { register as registerInc } from "./inc.ts";
import type { HandlebarsEnvironment } from "./types.ts";

/** Every helper the templates use, each in its own file. */
const registrations = [registerInc];

/**
 * Registers every helper on an isolated environment (never on the global `Handlebars`).
 *
 * @param instance - from `Handlebars.create()`
 */
export function registerHelpers(instance: HandlebarsEnvironment): void {
  for (const register of registrations) register(instance);
}
