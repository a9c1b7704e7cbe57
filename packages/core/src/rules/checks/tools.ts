import { valuesByRole } from "../fieldsByRole.ts";
import { JUSTIFICATION, TOOLS } from "../toolVocabulary.ts";
import type { Pointer } from "../types.ts";
import { forAssessor, listOf, met, notMet, pointTo, type Check } from "./context.ts";

/** Every tool pattern in one scan; the match is then told apart by testing the tools one by one. */
const ANY_TOOL = new RegExp(TOOLS.map((t) => `(?:${t.pattern.source})`).join("|"), "gi");
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
      for (const found of valuesByRole(log.template, log.document.data, "tool-justification")) {
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
  ANY_TOOL.lastIndex = 0;
  for (let match = ANY_TOOL.exec(text); match; match = ANY_TOOL.exec(text)) {
    const tool = TOOLS.find((t) => t.pattern.test(match![0]));
    if (tool) found.push({ tool: tool.name, sentence: sentenceAround(text, match.index) });
    if (match[0] === "") ANY_TOOL.lastIndex++;
  }
  return found;
}

function sentenceAround(text: string, at: number): string {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && m.index < at; m = SENTENCE_END.exec(text)) start = m.index + m[0].length;
  SENTENCE_END.lastIndex = at;
  const end = SENTENCE_END.exec(text);
  return text.slice(start, end ? end.index + 1 : text.length);
}
