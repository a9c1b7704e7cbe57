import type { HandlebarsEnvironment } from "./types.ts";

/**
 * Registers `inc`: a zero-based index as a one-based number (`{{inc @index}}` prints 1, 2, 3 ...).
 * Returns a number, which Handlebars escapes like any other value.
 *
 * @param instance - the isolated environment from `Handlebars.create()`
 */
export function register(instance: HandlebarsEnvironment): void {
  instance.registerHelper("inc", (value: unknown) => (typeof value === "number" ? value + 1 : ""));
}
