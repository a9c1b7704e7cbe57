import { valuesByRole } from "../fieldsByRole.ts";
import { JUSTIFICATION, TOOLS } from "../toolVocabulary.ts";
import type { Pointer } from "../types.ts";
import { forAssessor, listOf, met, notMet, pointTo, type Check } from "./context.ts";

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
        for (const sentence of found.value.split(/(?<=[.!?;])\s+/)) {
          const reasoned = JUSTIFICATION.test(sentence);
          for (const tool of TOOLS) {
            if (!tool.pattern.test(sentence)) continue;
            if (reasoned && !justified.has(tool.name)) justified.set(tool.name, pointTo(log, found.path));
            else if (!reasoned) namedOnly.add(tool.name);
          }
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
