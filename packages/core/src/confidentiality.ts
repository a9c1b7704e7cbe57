// `@ilm-forms/core/confidentiality`: the name scan for documents whose template the caller already
// has (a template module, or a registry entry), without the built-in registry. A one-form browser
// bundle imports this to warn while the person types and ships no other template.
export { findNamedPeopleIn, namesIn, namesUsedInKnown } from "./confidentiality/scanNames.ts";
export type { DocumentWithTemplate, NamedPersonWarning } from "./confidentiality/scanNames.ts";
