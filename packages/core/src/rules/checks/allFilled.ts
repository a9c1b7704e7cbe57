import type { FieldRole } from "../../registry/types.ts";
import type { KnownDocument } from "../facts.ts";
import { fieldsByRole } from "../../roles/fieldsByRole.ts";
import { count, documentsOf, isFilled, listOf, met, notMet, pointTo, readAt, templateIds, type CheckKind } from "./context.ts";

/** `allFilled`: a document of the given templates has every field of a role filled in (fields outside lists). */
export interface AllFilledParams {
  /** Template names, e.g. `["coach-swot"]`. */
  documents: string[];
  /** The role of the parts, e.g. `swot-quadrant`. */
  role: FieldRole;
  /** What the document is called, e.g. `SWOT analysis`. */
  what: string;
  /** What one part is called, e.g. `quadrant`. */
  part: string;
  /** The sentence given when there is no such document. */
  missing: string;
}

export const allFilled: CheckKind<AllFilledParams> = {
  compile({ documents, role, what, part, missing }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole(role, ids, `${at}/role`);
    const emptyParts = (known: KnownDocument): Array<{ title: string; path: string }> =>
      fieldsByRole(known.template)
        .filter((f) => f.role === role && !f.steps.includes("*"))
        .filter((f) => !isFilled(readAt(known.document.data, f.steps)))
        .map((f) => ({ title: f.title, path: `/${f.steps.join("/")}` }));
    return {
      reads: ids,
      run(context) {
        const found = documentsOf(context, ids);
        if (found.length === 0) return notMet([missing]);
        const gaps = found.map((d) => ({ d, empty: emptyParts(d) }));
        const complete = gaps.find((g) => g.empty.length === 0);
        if (complete) return met([`The ${what} has every ${part} filled in.`], [pointTo(complete.d)]);
        const first = gaps[0]!;
        return notMet(
          [`The ${what} leaves ${count(first.empty.length, part)} empty: ${listOf(first.empty.map((q) => `“${q.title}”`))}.`],
          first.empty.map((q) => pointTo(first.d, q.path)),
        );
      },
    };
  },
};
