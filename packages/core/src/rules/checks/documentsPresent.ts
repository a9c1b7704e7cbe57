import { count, documentsOf, met, notMet, pointTo, templateIds, type CheckKind } from "./context.ts";

/** `documentsPresent`: at least one document of the given templates is in the portfolio. */
export interface DocumentsPresentParams {
  /** Template names, e.g. `["supervisor-feedback"]`. */
  documents: string[];
  /** How one is counted when found, e.g. `feedback form from a supervisor or tutor` (`2 feedback forms ... found.`). */
  noun: string;
  /** Its plural, when not `noun` and an s. */
  plural?: string;
  /** The sentence given when there is none. */
  missing: string;
}

export const documentsPresent: CheckKind<DocumentsPresentParams> = {
  compile({ documents, noun, plural = `${noun}s`, missing }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    return {
      reads: ids,
      run(context) {
        const found = documentsOf(context, ids);
        if (found.length === 0) return notMet([missing]);
        return met([`${count(found.length, noun, plural)} found.`], found.map((d) => pointTo(d)));
      },
    };
  },
};
