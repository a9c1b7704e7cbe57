import { count, documentsOf, listOf, met, notMet, templateIds, type CheckKind } from "./context.ts";

/** `drawsOn`: a piece of work has something of each group of documents to draw on (every group at least one). */
export interface DrawsOnParams {
  /** What draws on them, as the start of a sentence, e.g. `The reflection draws on reflective logs and feedback`. */
  lead: string;
  groups: Array<{ documents: string[]; noun: string; plural?: string }>;
}

export const drawsOn: CheckKind<DrawsOnParams> = {
  compile({ lead, groups }, unit, at) {
    const compiled = groups.map((group, i) => ({ ...group, ids: templateIds(unit, group.documents, `${at}/groups/${i}/documents`) }));
    return {
      reads: compiled.flatMap((g) => g.ids),
      run(context) {
        const counts = compiled.map((g) => ({ n: documentsOf(context, g.ids).length, g }));
        const stated = listOf(counts.map(({ n, g }) => count(n, g.noun, g.plural)), counts.length);
        if (counts.some(({ n }) => n === 0)) return notMet([`${lead}; found ${stated}.`]);
        return met([`${stated} are there to draw on.`]);
      },
    };
  },
};
