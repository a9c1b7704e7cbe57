import { entries, qualifications } from "../generated/registry.js";
import { createRegistry } from "./registry/createRegistry.ts";
import { createValidate } from "./validation/createValidate.ts";

export * from "./engine.ts";
// The same names as the engine's, with the built-in registry as their default (these take precedence).
export { checkPortfolio, createPortfolioChecker, findNamedPeople, generateDemoPortfolio, namesUsedIn, templatesReadBy } from "./builtin.ts";
export { countWords } from "./wordCount/countWords.ts";
export { wordCounts } from "./wordCount/wordCounts.ts";
export type { WordCount } from "./wordCount/wordCounts.ts";
export { withWordCounts } from "./wordCount/withWordCounts.ts";

/** Every template of `schemas/` with its precompiled validator, and the qualification data. */
export const registry = createRegistry(entries, qualifications);

/**
 * Validates a document against a template of the built-in registry with its precompiled validator.
 * The same function, and so the same messages, runs in the browser and on the server.
 *
 * @param templateId - e.g. `ilm-8588/session-record`
 * @param document - the parsed document
 * @param options - `version` (the current one when omitted) and `draft` (required fields may be empty)
 * @returns `{ valid: true }` or the field errors, each naming the field by its title and the rule
 */
export const validate = createValidate(registry);
