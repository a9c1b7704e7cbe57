import type { KnownDocument } from "../facts.ts";
import { eachValueIn, type RoleVisitor } from "../../roles/fieldsByRole.ts";
import { JUSTIFICATION, TOOLS } from "../toolVocabulary.ts";
import type { Pointer } from "../types.ts";
import type { FieldRole } from "../../registry/types.ts";
import { documentsOf, forAssessor, listOf, met, notMet, pointTo, templateIds, type CheckKind } from "./context.ts";

/**
 * Every tool pattern in two scans, one for the patterns that match in any case (`johari`, `scaling`
 * ...) and one for those written in capitals (GROW, OSCAR ...); a match is then told apart by testing
 * the tools one by one. Capitals are rare in running text, so the second scan skips through it; one
 * scan over every pattern without regard to case cost about a fifth more. Each pattern starts at a
 * word boundary, so the leading `\b` changes no match; it lets the engine turn down the positions
 * inside words before trying the alternatives there.
 */
const scanFor = (tools: typeof TOOLS, flags: string): RegExp => new RegExp(`\\b(?:${tools.map((t) => `(?:${t.pattern.source})`).join("|")})`, flags);
const ANY_CASE_TOOL = scanFor(TOOLS.filter((t) => t.pattern.ignoreCase), "gi");
const CAPITALS_TOOL = scanFor(TOOLS.filter((t) => !t.pattern.ignoreCase), "g");
const SENTENCE_END = /[.!?;]\s/g;

/**
 * `toolsJustified`: models, tools and techniques named and justified, read conservatively from the
 * answers in fields of a role (in the 8588 reflective logs, "What coaching or mentoring model or tools
 * did I use? Justify your use of these."): a tool counts only when a sentence names it and also gives
 * a reason (because, so that, in order to ...). Tools it does not know by name send the finding to the
 * assessor rather than to "not met".
 */
export interface ToolsJustifiedParams {
  /** Template names, e.g. `["reflective-log"]`. */
  documents: string[];
  /** The role of the answers, e.g. `tool-justification`. */
  role: FieldRole;
  /** What one such document is called, e.g. `reflective log`. */
  what: string;
  /** Its plural, when not `what` and an s. */
  plural?: string;
  /** The least number of tools named with a reason; when left out, for the assessor. */
  atLeast?: number;
  /**
   * Other documents whose answers of the role count too (e.g. a written statement justifying the
   * tools), named apart in the reasons: `what` and `plural` as above.
   */
  also?: { documents: string[]; what: string; plural?: string };
}

export const toolsJustified: CheckKind<ToolsJustifiedParams> = {
  compile({ documents, role, what, plural = `${what}s`, atLeast: needed, also }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole(role, ids, `${at}/role`);
    const alsoIds = also ? templateIds(unit, also.documents, `${at}/also/documents`) : [];
    if (also) unit.requireRole(role, alsoIds, `${at}/role`);
    const alsoPlural = also ? (also.plural ?? `${also.what}s`) : "";
    return {
      reads: [...ids, ...alsoIds],
      run(context) {
        const logs = documentsOf(context, ids);
        const others = alsoIds.length === 0 ? [] : documentsOf(context, alsoIds);
        const scan: ToolScan = { justified: new Map(), namedOnly: new Set(), answers: 0, log: undefined, named: undefined };
        const visit: RoleVisitor = (value, _container, base, tail) => scanAnswer(scan, value, base, tail);
        // An incremental checker replays each document's kept scan; a one-off check scans as it goes.
        const remember = context.remember === true;
        for (const log of logs) {
          scan.log = log;
          if (remember) replay(scan, log, role, visit);
          else eachValueIn(log.readers, log.document.data, role, visit);
        }
        const inLogs = scan.answers;
        for (const other of others) {
          scan.log = other;
          if (remember) replay(scan, other, role, visit);
          else eachValueIn(other.readers, other.document.data, role, visit);
        }
        const { justified, namedOnly, answers } = scan;
        if (answers === 0) {
          const none = others.length === 0 || !also ? `No ${what}` : `No ${what} or ${also.what}`;
          return notMet([`${none} says which models or tools were used and why.`], [...logs, ...others].map((l) => pointTo(l)));
        }
        // The documents whose answers were read, as the reasons name them.
        const sources = answers === inLogs ? plural : inLogs === 0 ? alsoPlural : `${plural} and the ${alsoPlural}`;
        const names = [...justified.keys()];
        const unreasoned = [...namedOnly].filter((n) => !justified.has(n));
        const stated = names.length === 0 ? `No model or tool is both named and given a reason in the ${sources}` : `The ${sources} name and give reasons for ${listOf(names, 8)}`;
        const alsoNamed = unreasoned.length > 0 ? ` ${listOf(unreasoned, 8)} ${unreasoned.length === 1 ? "is" : "are"} named without a reason.` : "";
        if (needed !== undefined && names.length >= needed) return met([`${stated}; ${context.unitName} needs at least ${needed}.${alsoNamed}`], [...justified.values()]);
        const rule = needed === undefined ? `${context.unitName} sets no number` : `${context.unitName} needs at least ${needed}`;
        return forAssessor(
          [`${stated}; ${rule}.${alsoNamed} Only models and tools this check knows by name are counted, so the assessor should read the ${answers === 1 ? "answer" : `${answers} answers`}.`],
          [...justified.values()],
        );
      },
    };
  },
};

/** What the scan of the answers has found so far. */
interface ToolScan {
  /** Each tool named with a reason, and the first answer that does so. */
  justified: Map<string, Pointer>;
  /** Tools named in a sentence that gives no reason. */
  namedOnly: Set<string>;
  /** Answers that are not blank. */
  answers: number;
  /** The reflective log being read. */
  log: KnownDocument | undefined;
  /** Where a document's own scan is kept (an incremental checker): each tool named, in order, instead of the above. */
  named?: { tool: string; reasoned: boolean; path: string }[];
}

/**
 * Adds one document's tools to the scan from what its memo keeps (scanning it the first time): a
 * re-check scans only the documents that changed, and the tools come in the same order as a scan.
 */
function replay(scan: ToolScan, known: KnownDocument, role: FieldRole, visit: RoleVisitor): void {
  const kept = (known.memo.tools ??= new Map());
  let own = kept.get(role);
  if (own === undefined) {
    const before = scan.answers;
    const named: { tool: string; reasoned: boolean; path: string }[] = [];
    scan.named = named;
    try {
      eachValueIn(known.readers, known.document.data, role, visit);
    } finally {
      scan.named = undefined;
    }
    kept.set(role, (own = { answers: scan.answers - before, named }));
    scan.answers = before;
  }
  scan.answers += own.answers;
  for (const { tool, reasoned, path } of own.named) {
    if (!reasoned) scan.namedOnly.add(tool);
    else if (!scan.justified.has(tool)) scan.justified.set(tool, pointTo(known, path));
  }
}

/**
 * Reads one answer: each tool it names, and whether the sentence naming it gives a reason. Sentence
 * ends are looked for only as far as the last tool named, and each sentence is tested for a reason
 * once however many tools it names.
 */
function scanAnswer(scan: ToolScan, value: unknown, base: string, tail: string): void {
  if (typeof value !== "string" || value.trim() === "") return;
  scan.answers++;
  const text = value;
  let start = 0;
  let end = -1;
  let reasoned = false;
  ANY_CASE_TOOL.lastIndex = 0;
  CAPITALS_TOOL.lastIndex = 0;
  let anyCase = nextMatch(ANY_CASE_TOOL, text);
  let capitals = nextMatch(CAPITALS_TOOL, text);
  while (anyCase !== null || capitals !== null) {
    // The earlier of the two matches (capitals first at the same place), as one scan over both would
    // find them; a match of the other scan that starts inside it is passed over.
    let match: RegExpExecArray;
    if (anyCase === null || (capitals !== null && capitals.index <= anyCase.index)) {
      match = capitals!;
      const after = match.index + match[0].length;
      capitals = nextMatch(CAPITALS_TOOL, text);
      if (anyCase !== null && anyCase.index < after) anyCase = nextMatch(ANY_CASE_TOOL, text, after);
    } else {
      match = anyCase;
      const after = match.index + match[0].length;
      anyCase = nextMatch(ANY_CASE_TOOL, text);
      if (capitals !== null && capitals.index < after) capitals = nextMatch(CAPITALS_TOOL, text, after);
    }
    const word = match[0];
    const tool = toolOf(word);
    if (tool === null) continue;
    if (end < match.index) {
      // The sentence around the match: from just after the last end before it to the first end after it.
      if (end >= 0) start = end + 2;
      SENTENCE_END.lastIndex = start;
      end = text.length;
      for (let found = SENTENCE_END.exec(text); found; found = SENTENCE_END.exec(text)) {
        if (found.index < match.index) start = found.index + 2;
        else {
          end = found.index;
          break;
        }
      }
      reasoned = JUSTIFICATION.test(text.slice(start, end + 1));
    }
    if (scan.named !== undefined) scan.named.push({ tool, reasoned, path: base + tail });
    else if (!reasoned) scan.namedOnly.add(tool);
    else if (!scan.justified.has(tool)) scan.justified.set(tool, pointTo(scan.log!, base + tail));
  }
}

/** The next match of a global scan (from `from` when given), stepping past an empty one. */
function nextMatch(scan: RegExp, text: string, from?: number): RegExpExecArray | null {
  if (from !== undefined) scan.lastIndex = from;
  const match = scan.exec(text);
  if (match !== null && match[0] === "") scan.lastIndex++;
  return match;
}

const toolOfText = new Map<string, string | null>();

/** The name of the first tool whose own pattern matches the text the combined scan found, or `null` (remembered: the same words recur). */
function toolOf(text: string): string | null {
  let tool = toolOfText.get(text);
  if (tool === undefined) {
    tool = TOOLS.find((t) => t.pattern.test(text))?.name ?? null;
    if (toolOfText.size >= 1024) toolOfText.clear();
    toolOfText.set(text, tool);
  }
  return tool;
}
