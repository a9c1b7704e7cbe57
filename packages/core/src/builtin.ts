// `@ilm-forms/core`'s versions of the functions that read templates, with the built-in registry as
// their default; `@ilm-forms/core/engine` exports the same functions needing a registry, so an
// engine-only bundle never reaches the built-in templates.
import { generateDemoPortfolio as generateDemoPortfolioWith, type DemoOptions, type DemoPortfolio } from "./demo/generateDemoPortfolio.ts";
import type { DemoProfile } from "./demo/profiles.ts";
import { findNamedPeople as findNamedPeopleWith, namesUsedIn as namesUsedInWith, type FindNamedPeopleOptions } from "./confidentiality/findNamedPeople.ts";
import type { NamedPersonWarning } from "./confidentiality/scanNames.ts";
import type { PortfolioDocument, UnitRegistration } from "./portfolio/types.ts";
import { builtinRegistry } from "./registry/builtinRegistry.ts";
import type { Registry } from "./registry/createRegistry.ts";
import { checkPortfolio as checkPortfolioWith, createPortfolioChecker as createPortfolioCheckerWith, type CheckPortfolioOptions, type PortfolioChecker } from "./rules/checkPortfolio.ts";
import { templatesReadBy as templatesReadByWith } from "./rules/templatesReadBy.ts";
import type { PortfolioCheck } from "./rules/types.ts";

/**
 * `createPortfolioChecker` of `rules/checkPortfolio.ts` (an incremental `checkPortfolio`), over the
 * built-in registry unless `defaults.registry` is given.
 *
 * @param defaults - options for every check
 * @returns the checker
 */
export function createPortfolioChecker(defaults: CheckPortfolioOptions = {}): PortfolioChecker {
  return createPortfolioCheckerWith(defaults.registry ? defaults : { ...defaults, registry: builtinRegistry });
}

/**
 * `checkPortfolio` of `rules/checkPortfolio.ts`, over the built-in registry unless `options.registry` is given.
 *
 * @param registration - the learner's registration, or a unit id (e.g. `"501"`) for the current version
 * @param documents - the learner's documents
 * @param options - qualification data, today's date, the registry to use, and `assumeValid` to skip validation
 * @returns one finding per assessment criterion of the unit, in order, and a summary of the figures
 */
export function checkPortfolio(registration: UnitRegistration | string, documents: PortfolioDocument[], options: CheckPortfolioOptions = {}): PortfolioCheck {
  return checkPortfolioWith(registration, documents, options.registry ? options : { ...options, registry: builtinRegistry });
}

/**
 * `findNamedPeople` of `confidentiality/findNamedPeople.ts`, over the built-in registry unless one is given.
 *
 * @param documents - one document or several
 * @param options - names known from elsewhere, and the registry that holds the templates
 * @returns the warnings
 */
export function findNamedPeople(documents: PortfolioDocument | PortfolioDocument[], options: FindNamedPeopleOptions = {}): NamedPersonWarning[] {
  return findNamedPeopleWith(documents, options.registry ? options : { ...options, registry: builtinRegistry });
}

/**
 * `namesUsedIn` of `confidentiality/findNamedPeople.ts`, over the built-in registry unless one is given.
 *
 * @param documents - the learner's documents
 * @param registry - where their templates are found
 * @returns the names
 */
export function namesUsedIn(documents: PortfolioDocument[], registry: Pick<Registry, "get"> = builtinRegistry): string[] {
  return namesUsedInWith(documents, registry);
}

/**
 * `templatesReadBy` of `rules/templatesReadBy.ts`, over the built-in registry unless one is given.
 *
 * @param qualificationId - e.g. `ilm-8588`
 * @param unitId - e.g. `501`
 * @param version - the unit's rule-set version (the current one when omitted)
 * @param registry - where the unit and templates are found
 * @returns the template ids the unit's rules read
 */
export function templatesReadBy(qualificationId: string, unitId: string, version?: string, registry: Registry = builtinRegistry): Set<string> {
  return templatesReadByWith(registry, qualificationId, unitId, version);
}

/**
 * `generateDemoPortfolio` of `demo/generateDemoPortfolio.ts`; its `assessment` documents are read from
 * the built-in registry unless `options.registry` is given.
 *
 * @param seed - any integer
 * @param profile - which learner to generate
 * @param options - `assessment` to add the assessment documents
 * @returns the learner, their unit registrations and their documents
 */
export function generateDemoPortfolio(seed: number, profile: DemoProfile, options: DemoOptions = {}): DemoPortfolio {
  return generateDemoPortfolioWith(seed, profile, options.registry ? options : { ...options, registry: builtinRegistry });
}
