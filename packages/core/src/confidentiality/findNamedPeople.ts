import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { Template } from "../registry/types.ts";
import firstNames from "./firstNames.json" with { type: "json" };
import { builtinRegistry } from "../rules/builtinRegistry.ts";
import { valuesByRole } from "../rules/fieldsByRole.ts";
import { textFields } from "./textFields.ts";

/** A warning on one field: text that looks like it names a person. */
export interface NamedPersonWarning {
  documentId: string;
  /** JSON pointer of the field, e.g. `/reality`. */
  path: string;
  /** The field's title as the template prints it. */
  field: string;
  /** The word (or words) that look like a name. */
  name: string;
  message: string;
}

/** Options of `findNamedPeople`. */
export interface FindNamedPeopleOptions {
  /** Names the learner has written elsewhere (for example in the name fields of other documents). */
  knownNames?: string[];
  /** Where the documents' templates are found; the built-in registry when omitted. */
  registry?: Pick<Registry, "get">;
}

const NAMES = new Set(firstNames.names);
const AMBIGUOUS = new Set(firstNames.ambiguous);
const MONTHS = new Set(["April", "May", "June", "August"]);

/**
 * Finds free text that looks like it names a person: a capitalised common first name, or a name the
 * learner has used elsewhere. Clients should appear only by reference ("Client 1"), so each hit is a
 * warning the learner can act on before submitting. Name and signature fields are not searched.
 * Fast enough to run on every keystroke: one pass over the text of each field.
 *
 * @param documents - one document or many
 * @param options - names known from elsewhere, and the registry that holds the templates (built-in by default)
 * @returns one warning per name per field, in document order
 */
export function findNamedPeople(documents: PortfolioDocument | PortfolioDocument[], options: FindNamedPeopleOptions = {}): NamedPersonWarning[] {
  const registry = options.registry ?? builtinRegistry;
  const known = knownNameWords(options.knownNames ?? []);
  const warnings: NamedPersonWarning[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    const template = registry.get(document.template, document.version);
    if (template) scanDocument(document, template, known, warnings);
  }
  return warnings;
}

function scanDocument(document: PortfolioDocument, template: Template, known: Set<string>, out: NamedPersonWarning[]): void {
  for (const field of textFields(template)) {
    visit(document.data, field.steps, 0, "", (path, text) => {
      for (const name of namesIn(text, known)) {
        out.push({
          documentId: document.id,
          path,
          field: field.title,
          name,
          message: `“${name}” in “${field.title}” looks like a person’s name: refer to clients by reference only (for example “Client 1”) and leave other people unnamed.`,
        });
      }
    });
  }
}

function visit(node: unknown, steps: string[], at: number, path: string, found: (path: string, text: string) => void): void {
  if (at === steps.length) {
    if (typeof node === "string" && node !== "") found(path, node);
    return;
  }
  const step = steps[at]!;
  if (step === "*") {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, steps, at + 1, `${path}/${index}`, found));
  } else if (node !== null && typeof node === "object" && Object.hasOwn(node, step)) {
    visit((node as Record<string, unknown>)[step], steps, at + 1, `${path}/${step.includes("~") || step.includes("/") ? step.replaceAll("~", "~0").replaceAll("/", "~1") : step}`, found);
  }
}

/**
 * The names in one piece of text, each once.
 *
 * @param text - free text
 * @param known - capitalised words of names the learner has used elsewhere
 */
export function namesIn(text: string, known: Set<string> = new Set()): string[] {
  let names: string[] | undefined;
  // A hand-written scan rather than a regular expression: it allocates only for capitalised words,
  // which keeps the check fast enough to run on every keystroke and over whole portfolios.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 65 || code > 90 || (i > 0 && isLetter(text.charCodeAt(i - 1)))) continue;
    let end = i + 1;
    while (end < text.length && isLower(text.charCodeAt(end))) end++;
    if (end === i + 1 || (end < text.length && isUpper(text.charCodeAt(end)))) {
      i = end;
      continue;
    }
    const word = text.slice(i, end);
    if (known.has(word) || NAMES.has(word) || (AMBIGUOUS.has(word) && ambiguousIsName(text, word, i, end))) {
      names ??= [];
      if (!names.includes(word)) names.push(word);
    }
    i = end;
  }
  return names ?? [];
}

const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isLetter = (code: number): boolean => isUpper(code) || isLower(code) || code > 127;

/** "Will", "Grace", "May" ... are names only away from the start of a sentence; months only before a surname. */
function ambiguousIsName(text: string, word: string, at: number, end: number): boolean {
  if (atSentenceStart(text, at)) return false;
  if (!MONTHS.has(word)) return true;
  const next = /^\s+([A-Z][a-z]+)\b/.exec(text.slice(end, end + 40));
  return next !== null && !NAMES.has(next[1]!);
}

function atSentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const char = text[i]!;
    if (char === " " || char === "\t" || char === "\"" || char === "“" || char === "‘" || char === "'" || char === "(") continue;
    return char === "." || char === "!" || char === "?" || char === ":" || char === "\n" || char === ";" || char === "-" || char === "•";
  }
  return true;
}

/** The capitalised words of known names ("Priya Shah" → Priya, Shah), ignoring initials. */
function knownNameWords(names: string[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of name.split(/\s+/)) if (/^[A-Z][a-z]+(?:['’-][A-Za-z]+)?$/.test(word)) words.add(word);
  return words;
}

/**
 * Collects the names a learner has typed into the name and signature fields of their documents,
 * for `findNamedPeople`'s `knownNames`.
 *
 * @param documents - the learner's documents
 * @param registry - where their templates are found (built-in by default)
 * @returns the names, each once
 */
export function namesUsedIn(documents: PortfolioDocument[], registry: Pick<Registry, "get"> = builtinRegistry): string[] {
  const names = new Set<string>();
  const take = (value: unknown): void => {
    if (typeof value === "string" && value.trim() !== "") names.add(value.trim());
    else if (value !== null && typeof value === "object" && "name" in value) take((value as { name: unknown }).name);
  };
  for (const document of documents) {
    const template = registry.get(document.template, document.version);
    if (!template) continue;
    for (const role of ["person-name", "signature"] as const) for (const found of valuesByRole(template, document.data, role)) take(found.value);
  }
  return [...names];
}
