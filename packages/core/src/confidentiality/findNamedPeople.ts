import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import { findNamedPeopleIn, namesUsedInKnown, type DocumentWithTemplate, type NamedPersonWarning } from "./scanNames.ts";

export { findNamedPeopleIn, namesIn, namesUsedInKnown } from "./scanNames.ts";
export type { DocumentWithTemplate, NamedPersonWarning } from "./scanNames.ts";

/** Options of `findNamedPeople`. */
export interface FindNamedPeopleOptions {
  /** Names the learner has written elsewhere (for example in the name fields of other documents). */
  knownNames?: string[];
  /** Where the documents' templates are found: needed from `@ilm-forms/core/engine`; built in from `@ilm-forms/core`. */
  registry?: Pick<Registry, "get">;
}

/**
 * Finds free text that looks like it names a person: a capitalised common first name, or a name the
 * learner has used elsewhere. Clients should appear only by reference ("Client 1"), so each hit is a
 * warning the learner can act on before submitting. Name and signature fields are not searched.
 * Fast enough to run on every keystroke: one pass over the text of each field.
 *
 * @param documents - one document or many
 * @param options - names known from elsewhere, and the registry that holds the templates (needed from `@ilm-forms/core/engine`; built in from `@ilm-forms/core`)
 * @returns one warning per name per field, in document order
 */
export function findNamedPeople(documents: PortfolioDocument | PortfolioDocument[], options: FindNamedPeopleOptions = {}): NamedPersonWarning[] {
  return findNamedPeopleIn(withTemplates(Array.isArray(documents) ? documents : [documents], needed(options.registry, "findNamedPeople")), options.knownNames ?? []);
}

function withTemplates(documents: PortfolioDocument[], registry: Pick<Registry, "get">): DocumentWithTemplate[] {
  const found: DocumentWithTemplate[] = [];
  for (const document of documents) {
    const template = registry.get(document.template, document.version);
    if (template) found.push({ document, template });
  }
  return found;
}

/**
 * Collects the names a learner has typed into the name and signature fields of their documents,
 * for `findNamedPeople`'s `knownNames`.
 *
 * @param documents - the learner's documents
 * @param registry - where their templates are found (needed from `@ilm-forms/core/engine`; built in from `@ilm-forms/core`)
 * @returns the names, each once
 */
export function namesUsedIn(documents: PortfolioDocument[], registry?: Pick<Registry, "get">): string[] {
  return namesUsedInKnown(withTemplates(documents, needed(registry, "namesUsedIn")));
}


/** The registry, or a plain error: `@ilm-forms/core/engine` holds no templates of its own. */
function needed(registry: Pick<Registry, "get"> | undefined, name: string): Pick<Registry, "get"> {
  if (!registry) throw new Error(`${name} needs a registry: @ilm-forms/core/engine holds no templates (@ilm-forms/core's ${name} uses the built-in ones)`);
  return registry;
}
