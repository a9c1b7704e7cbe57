import { valuesIn } from "../fieldsByRole.ts";
import { JUSTIFICATION, TOOLS } from "../toolVocabulary.ts";
import type { Pointer } from "../types.ts";
import { forAssessor, listOf, met, notMet, pointTo, type Check } from "./context.ts";

/**
 * Every tool pattern in one scan; the match is then told apart by testing the tools one by one. Each
 * pattern starts at a word boundary, so the leading `\b` changes no match; it lets the engine turn
 * down the positions inside words before trying 25 alternatives there (about twice as fast).
 */
const ANY_TOOL = new RegExp(`\\b(?:${TOOLS.map((t) => `(?:${t.pattern.source})`).join("|")})`, "gi");
const SENTENCE_END = /[.!?;]\s/g;

/**
 * Tools and techniques named and justified, read conservatively from the reflective logs' answers to
 * "What coaching or mentoring model or tools did I use? Justify your use of these.": a tool counts
 * only when a sentence names it and also gives a reason (because, so that, in order to ...).
 */
export const toolsJustified: Check = {
  reads: ["reflectiveLog"],
  run(context) {
    const logs = context.facts.byKind.get("reflectiveLog") ?? [];
    const justified = new Map<string, Pointer>();
    const namedOnly = new Set<string>();
    let answers = 0;
    for (const log of logs) {
      for (const found of valuesIn(log.readers, log.document.data, "tool-justification")) {
        if (typeof found.value !== "string" || found.value.trim() === "") continue;
        answers++;
        for (const { tool, sentence } of toolsIn(found.value)) {
          if (JUSTIFICATION.test(sentence)) {
            if (!justified.has(tool)) justified.set(tool, pointTo(log, found.path));
          } else namedOnly.add(tool);
        }
      }
    }
    const needed = context.thresholds.toolsJustified;
    if (answers === 0) return notMet(["No reflective log says which models or tools were used and why."], logs.map((l) => pointTo(l)));
    const names = [...justified.keys()];
    const unreasoned = [...namedOnly].filter((n) => !justified.has(n));
    const stated = names.length === 0 ? "No model or tool is both named and given a reason in the reflective logs" : `The reflective logs name and give reasons for ${listOf(names, 8)}`;
    const alsoNamed = unreasoned.length > 0 ? ` ${listOf(unreasoned, 8)} ${unreasoned.length === 1 ? "is" : "are"} named without a reason.` : "";
    if (needed !== undefined && names.length >= needed) return met([`${stated}; ${context.unitName} needs at least ${needed}.${alsoNamed}`], [...justified.values()]);
    const rule = needed === undefined ? `${context.unitName} sets no number` : `${context.unitName} needs at least ${needed}`;
    return forAssessor(
      [`${stated}; ${rule}.${alsoNamed} Only models and tools this check knows by name are counted, so the assessor should read the ${answers === 1 ? "answer" : `${answers} answers`}.`],
      [...justified.values()],
    );
  },
};

/** Each tool named in a text, with the sentence that names it. */
function toolsIn(text: string): Array<{ tool: string; sentence: string }> {
  const found: Array<{ tool: string; sentence: string }> = [];
  let ends: number[] | undefined;
  ANY_TOOL.lastIndex = 0;
  for (let match = ANY_TOOL.exec(text); match; match = ANY_TOOL.exec(text)) {
    const tool = toolOf(match[0]);
    if (tool) found.push({ tool: tool.name, sentence: sentenceAround(text, match.index, (ends ??= sentenceEnds(text))) });
    if (match[0] === "") ANY_TOOL.lastIndex++;
  }
  return found;
}

/** Where each sentence of a text ends (the index of its `.`, `!`, `?` or `;` before a space), found once per text. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) ends.push(m.index);
  return ends;
}

/** The sentence around a position: from just after the last sentence end before it to its own end. */
function sentenceAround(text: string, at: number, ends: number[]): string {
  let start = 0;
  let end: number | undefined;
  for (const index of ends) {
    if (index < at) start = index + 2;
    else {
      end = index;
      break;
    }
  }
  return text.slice(start, end === undefined ? text.length : end + 1);
}

const toolOfText = new Map<string, { name: string } | undefined>();

/** The first tool whose own pattern matches the text the combined scan found (remembered: the same words recur). */
function toolOf(text: string): { name: string } | undefined {
  if (toolOfText.has(text)) return toolOfText.get(text);
  const tool = TOOLS.find((t) => t.pattern.test(text));
  if (toolOfText.size >= 1024) toolOfText.clear();
  toolOfText.set(text, tool);
  return tool;
}
