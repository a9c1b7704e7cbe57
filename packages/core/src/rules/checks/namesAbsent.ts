import { findNamedPeopleIn, findNamedPeopleRemembered, namesUsedInKnown, type NamedPersonWarning } from "../../confidentiality/scanNames.ts";
import type { KnownDocument } from "../facts.ts";
import type { Template } from "../../registry/types.ts";
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
        let ofUnit: KnownDocument[];
        let warnings: NamedPersonWarning[];
        if (context.keep === undefined) {
          ofUnit = known.filter((k) => isOfUnit(k.template, prefix));
          warnings = context.remember ? namedRemembered(known, ofUnit) : findNamedPeopleIn(ofUnit, namesUsedInKnown(known));
        } else {
          const kept = keptNames(known, prefix, context.keep);
          ofUnit = kept.ofUnit;
          warnings = findNamedPeopleRemembered(ofUnit, kept.names, kept.key);
        }
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
  for (const k of known) for (const name of personNamesOf(k)) names.add(name);
  return findNamedPeopleRemembered(ofUnit, [...names]);
}

/** Whether a template's documents are of the unit (by its criteria's prefix, e.g. `501:`). */
function isOfUnit(template: Template, prefix: string): boolean {
  return template.annotations.perClient === true || template.annotations.criteria?.some((c) => c.startsWith(prefix)) === true;
}

/** What `namesAbsent` keeps between re-checks: the documents it last read, those of the unit, and the names they write. */
interface KeptNames {
  prefix: string;
  known: KnownDocument[];
  ofUnit: KnownDocument[];
  names: string[];
  key: string;
}

const personNamesOf = (k: KnownDocument): string[] => (k.memo.personNames ??= namesUsedInKnown([k]));

function sameNames(a: string[], b: string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The documents of the unit and the names written anywhere, updated from the last re-check by the
 * documents that changed (the same templates in the same places), else read again from every document.
 */
function keptNames(known: KnownDocument[], prefix: string, keep: { value?: unknown }): KeptNames {
  const last = keep.value as KeptNames | undefined;
  if (last !== undefined && last.prefix === prefix && last.known.length === known.length) {
    let ofUnit = last.ofUnit;
    let namesChanged = false;
    let same = true;
    for (let i = 0; i < known.length && same; i++) {
      const now = known[i]!;
      const was = last.known[i]!;
      if (now === was) continue;
      if (now.template !== was.template) same = false;
      else {
        if (!sameNames(personNamesOf(now), personNamesOf(was))) namesChanged = true;
        if (isOfUnit(now.template, prefix)) {
          const at = ofUnit.indexOf(was);
          if (at < 0) same = false;
          else {
            if (ofUnit === last.ofUnit) ofUnit = ofUnit.slice();
            ofUnit[at] = now;
          }
        }
      }
    }
    if (same) {
      const kept: KeptNames = namesChanged ? withNames(prefix, known, ofUnit) : { prefix, known, ofUnit, names: last.names, key: last.key };
      keep.value = kept;
      return kept;
    }
  }
  const kept = withNames(prefix, known, known.filter((k) => isOfUnit(k.template, prefix)));
  keep.value = kept;
  return kept;
}

function withNames(prefix: string, known: KnownDocument[], ofUnit: KnownDocument[]): KeptNames {
  const names = new Set<string>();
  for (const k of known) for (const name of personNamesOf(k)) names.add(name);
  const list = [...names];
  return { prefix, known, ofUnit, names: list, key: list.join("\n") };
}
