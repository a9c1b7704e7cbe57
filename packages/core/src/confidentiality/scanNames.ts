// Finding text that seems to name a person, for documents whose templates are known. Nothing here
// reaches the built-in registry, so a browser bundle of one form can warn while the person types
// without shipping every template (`@ilm-forms/core/confidentiality`).
import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Template } from "../registry/types.ts";
import firstNames from "./firstNames.json" with { type: "json" };
import { eachValueIn, escapeStep, needsOwnCheck, roleReaders, runsOf, type RoleReaders } from "../roles/fieldsByRole.ts";
import { memoByObject } from "../roles/memoByObject.ts";
import { textFields, type TextField } from "./textFields.ts";

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

const NAMES = new Set(firstNames.names);
const AMBIGUOUS = new Set(firstNames.ambiguous);
const MONTHS = new Set(["April", "May", "June", "August"]);

/** A document with its template already found (the portfolio rules have found every one). */
export interface DocumentWithTemplate {
  document: PortfolioDocument;
  template: Template;
  /** `roleReaders(template)` when already looked up. */
  readers?: RoleReaders;
}

/**
 * `findNamedPeople` for documents whose templates are already known.
 *
 * @param documents - documents with their templates
 * @param knownNames - names the learner has written elsewhere
 * @returns one warning per name per field, in document order
 */
export function findNamedPeopleIn(documents: DocumentWithTemplate[], knownNames: string[]): NamedPersonWarning[] {
  const matcher = matcherForNames(knownNames);
  const warnings: NamedPersonWarning[] = [];
  for (const { document, template } of documents) scanDocument(document, template, matcher, warnings);
  return warnings;
}

/**
 * `findNamedPeopleIn`, keeping each document's warnings in its `memo` for the names known: a document
 * scanned before, with the same names known, is not scanned again (an incremental re-check).
 *
 * @param documents - documents with their templates and a memo each
 * @param knownNames - names the learner has written elsewhere
 * @param namesKey - `knownNames.join("\n")` when the caller keeps it
 * @returns the same warnings as `findNamedPeopleIn`, in document order
 */
export function findNamedPeopleRemembered(documents: (DocumentWithTemplate & { memo: { names?: { key: string; warnings: NamedPersonWarning[] } } })[], knownNames: string[], namesKey?: string): NamedPersonWarning[] {
  let key = namesKey ?? knownNames.join("\n");
  // The same names as last time give the very same key string, so each document's key is compared by reference, not letter by letter.
  if (key === lastKey) key = lastKey;
  else lastKey = key;
  let matcher: NameMatcher | undefined;
  const warnings: NamedPersonWarning[] = [];
  for (const doc of documents) {
    let remembered = doc.memo.names;
    if (remembered === undefined || remembered.key !== key) {
      const found: NamedPersonWarning[] = [];
      scanDocument(doc.document, doc.template, (matcher ??= matcherForNames(knownNames)), found);
      doc.memo.names = remembered = { key, warnings: found };
    }
    for (const warning of remembered.warnings) warnings.push(warning);
  }
  return warnings;
}

/** The key of the names last scanned for (see `findNamedPeopleRemembered`). */
let lastKey = "";

const NO_ROWS: number[] = [];

function scanDocument(document: PortfolioDocument, template: Template, matcher: NameMatcher, out: NamedPersonWarning[]): void {
  const data = document.data as unknown;
  if (data === null || typeof data !== "object") return;
  let rows: number[] | undefined;
  const plans = plansOf(template.schema);
  for (let p = 0; p < plans.length; p++) {
    const plan = plans[p]!;
    if (plan.key === undefined) scanRun(document, plan, matcher, data, 0, (rows ??= []), out);
    else {
      // Most free-text fields sit at the top of the document: one property read, no walk.
      const value = (data as Record<string, unknown>)[plan.key];
      if (typeof value === "string" && value !== "") {
        const names = matcher.namesIn(value, plan.field.reference);
        if (names !== undefined) warn(document, plan.field, names, NO_ROWS, out);
      }
    }
  }
}

/** A field's steps cut at each `*` into runs of property names, once per field. */
interface FieldPlan {
  field: TextField;
  runs: string[][];
  /** `needsOwnCheck(field.steps)`. */
  ownOnly: boolean;
  /** The property name of a top-level field that no inherited member shares; otherwise undefined (walked). */
  key: string | undefined;
}

/** The plans of a template's free-text fields, made once per schema. */
const plansOf = memoByObject((schema: Template["schema"]): FieldPlan[] =>
  textFields({ schema } as Template).map((field) => {
    const ownOnly = needsOwnCheck(field.steps);
    return { field, runs: runsOf(field.steps), ownOnly, key: field.steps.length === 1 && !ownOnly ? field.steps[0] : undefined };
  }),
);

/**
 * Walks to the strings of one field without building a JSON pointer for each: the pointer is written
 * only for text that names someone, which is rare. `rows` holds the array indices on the way down.
 */
function scanRun(document: PortfolioDocument, plan: FieldPlan, matcher: NameMatcher, node: unknown, at: number, rows: number[], out: NamedPersonWarning[]): void {
  const run = plan.runs[at]!;
  for (let i = 0; i < run.length; i++) {
    const step = run[i]!;
    if (node === null || typeof node !== "object") return;
    const next = (node as Record<string, unknown>)[step];
    if (next === undefined || (plan.ownOnly && !Object.hasOwn(node, step))) return;
    node = next;
  }
  if (at === plan.runs.length - 1) {
    if (typeof node === "string" && node !== "") {
      const names = matcher.namesIn(node, plan.field.reference);
      if (names !== undefined) warn(document, plan.field, names, rows, out);
    }
    return;
  }
  if (!Array.isArray(node)) return;
  for (let index = 0; index < node.length; index++) {
    rows.push(index);
    scanRun(document, plan, matcher, node[index], at + 1, rows, out);
    rows.pop();
  }
}

function warn(document: PortfolioDocument, field: TextField, names: string[], rows: number[], out: NamedPersonWarning[]): void {
  const path = pointerOf(field.steps, rows);
  for (const name of names) {
    out.push({
      documentId: document.id,
      path,
      field: field.title,
      name,
      message: field.reference
        ? `“${name}” in “${field.title}” looks like a person’s name: a client reference names no one; write it as “Client 1”, “Client 2” and so on.`
        : `“${name}” in “${field.title}” looks like a person’s name: refer to clients by reference only (for example “Client 1”) and leave other people unnamed.`,
    });
  }
}

function pointerOf(steps: string[], rows: number[]): string {
  let path = "";
  let row = 0;
  for (const step of steps) path += `/${step === "*" ? rows[row++] : escapeStep(step)}`;
  return path;
}

/**
 * The names in one piece of text, each once, in the order they first appear.
 *
 * @param text - free text
 * @param known - capitalised words of names the learner has used elsewhere
 */
export function namesIn(text: string, known: Set<string> = new Set()): string[] {
  return matcherFor(known).namesIn(text) ?? [];
}

/** Finds names in text with one precompiled regular expression over every name it knows. */
interface NameMatcher {
  /**
   * The names, or `undefined` when there are none (most text: no empty list is made for it). In a
   * `reference` (a client reference, not a sentence) a word such as "Grace" or "May" is a name wherever it stands.
   */
  namesIn(text: string, reference?: boolean): string[] | undefined;
}

/**
 * A word as the scan reads it: a capital letter not preceded by a letter (any non-ASCII character
 * counts as one), then one or more lower-case ASCII letters, not followed by a letter. "McKay" and
 * "GROW" are not words of this kind; "Priya" in "Priya's" is.
 */
const BEFORE = "(?<![A-Za-z\\u0080-\\uffff])";
const AFTER = "(?![A-Za-z])";
const WORD = /^[A-Z][a-z]+$/;

const matchers = new Map<string, NameMatcher>();

/**
 * The matcher for the common first names plus the learner's own known words, compiled once per set
 * of known words (the regular expression engine then skips through the text in native code, and no
 * string is made for a word that is not a name). A few recent sets are kept.
 */
function matcherFor(known: Set<string>): NameMatcher {
  const extra = [...known].filter((word) => WORD.test(word) && !NAMES.has(word)).sort();
  const key = extra.join(" ");
  let matcher = matchers.get(key);
  if (matcher) return matcher;
  const knownWords = new Set(extra);
  const words = [...new Set([...NAMES, ...AMBIGUOUS, ...knownWords])].filter((word) => WORD.test(word)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`${BEFORE}(?:${words.join("|")})${AFTER}`, "g");
  matcher = {
    namesIn(text, reference) {
      let names: string[] | undefined;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const word = match[0];
        const end = match.index + word.length;
        if (knownWords.has(word) || NAMES.has(word) || reference === true || ambiguousIsName(text, word, match.index, end)) {
          names ??= [];
          if (!names.includes(word)) names.push(word);
        }
      }
      return names;
    },
  };
  if (matchers.size >= 8) matchers.delete(matchers.keys().next().value!);
  matchers.set(key, matcher);
  return matcher;
}

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

const byNames = new Map<string, NameMatcher>();

/**
 * The matcher for a list of known names, remembered by the list itself (the rules pass the same names
 * on every check of a portfolio), so the names are split into words only when the list changes.
 */
function matcherForNames(names: string[]): NameMatcher {
  const key = names.join("\n");
  let matcher = byNames.get(key);
  if (!matcher) {
    matcher = matcherFor(knownNameWords(names));
    if (byNames.size >= 8) byNames.delete(byNames.keys().next().value!);
    byNames.set(key, matcher);
  }
  return matcher;
}

/** The capitalised words of known names ("Priya Shah" → Priya, Shah), ignoring initials. */
function knownNameWords(names: string[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of name.split(/\s+/)) if (/^[A-Z][a-z]+(?:['’-][A-Za-z]+)?$/.test(word)) words.add(word);
  return words;
}

/**
 * `namesUsedIn` for documents whose templates are already known.
 *
 * @param documents - documents with their templates
 * @returns the names, each once
 */
export function namesUsedInKnown(documents: DocumentWithTemplate[]): string[] {
  const names = new Set<string>();
  const take = (value: unknown): void => {
    if (typeof value === "string" && value.trim() !== "") names.add(value.trim());
    else if (value !== null && typeof value === "object" && "name" in value) take((value as { name: unknown }).name);
  };
  for (const { document, template, readers = roleReaders(template) } of documents) {
    eachValueIn(readers, document.data, "person-name", take);
    eachValueIn(readers, document.data, "signature", take);
  }
  return [...names];
}
