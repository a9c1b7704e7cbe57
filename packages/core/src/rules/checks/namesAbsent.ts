import { findNamedPeopleIn, findNamedPeopleRemembered, namesUsedInKnown } from "../../confidentiality/scanNames.ts";
import type { KnownDocument } from "../facts.ts";
import type { Template } from "../../registry/types.ts";
import { memoByObject } from "../../roles/memoByObject.ts";
import { count, forAssessor, listOf, met, type CheckKind } from "./context.ts";

/**
 * `namesAbsent`: clients appear only by reference. Free text (and client references) of every document
 * of the unit (templates whose `x-ilm.perClient` is true, or whose `x-ilm.criteria` name one of the
 * unit's criteria: a supervision record as much as a session record) that looks like it names a person
 * is a warning for the assessor (a heuristic can be wrong either way, so never "not met").
 */
export type NamesAbsentParams = Record<string, never>;

export const namesAbsent: CheckKind<NamesAbsentParams> = {
  compile() {
    return {
      reads: [],
      run(context) {
        const { known } = context.facts;
        const prefix = `${context.unit.id}:`;
        const ofUnit = known.filter((k) => isOfUnit(k.template, prefix));
        const warnings = context.remember ? namedRemembered(known, ofUnit) : findNamedPeopleIn(ofUnit, namesUsedInKnown(known));
        if (warnings.length === 0) return met([`No free text or client reference in the ${count(ofUnit.length, "document")} of ${context.unitName} looks like it names a person.`]);
        const titles = new Map(context.facts.known.map((k) => [k.document.id, k.template.title]));
        return forAssessor(
          [`Text that may name a person: ${listOf(warnings.map((w) => `“${w.name}” in “${w.field}” of ${titles.get(w.documentId) ?? "a document"} ${w.documentId}`), 6)}. Clients should appear only by reference.`],
          warnings.map((w) => ({ document: w.documentId, path: w.path })),
        );
      },
    };
  },
};

/** The same warnings, each document's names and scan kept with it (`memo`): a re-check scans only what changed. */
function namedRemembered(known: KnownDocument[], ofUnit: KnownDocument[]) {
  const names = new Set<string>();
  for (const k of known) for (const name of (k.memo.personNames ??= namesUsedInKnown([k]))) names.add(name);
  return findNamedPeopleRemembered(ofUnit, [...names]);
}

/** Whether a template's documents are of the unit (by its criteria's prefix, e.g. `501:`), worked out once per template. */
const unitsOf = memoByObject((_template: Template) => new Map<string, boolean>());
function isOfUnit(template: Template, prefix: string): boolean {
  const known = unitsOf(template);
  let answer = known.get(prefix);
  if (answer === undefined) known.set(prefix, (answer = template.annotations.perClient === true || template.annotations.criteria?.some((c) => c.startsWith(prefix)) === true));
  return answer;
}
