import { count, documentsOf, met, notMet, pointTo, templateIds, type CheckKind } from "./context.ts";

/** `documentsPresent`: at least one document of the given templates is in the portfolio. */
export interface DocumentsPresentParams {
  /** Template names, e.g. `["supervisor-feedback"]`. */
  documents: string[];
  /** How one is counted when found, e.g. `feedback form from a supervisor or tutor` (`2 feedback forms ... found.`). */
  noun: string;
  /** Its plural, when not `noun` and an s. */
  plural?: string;
  /** The sentence given when there is none (not needed when `optional`). */
  missing?: string;
  /**
   * The documents are one way among others to evidence the criterion (a centre may use its own): when
   * there is none the check says nothing, never "not met"; when there are, they are counted and pointed at.
   */
  optional?: boolean;
}

export const documentsPresent: CheckKind<DocumentsPresentParams> = {
  compile({ documents, noun, plural = `${noun}s`, missing = "", optional = false }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    return {
      reads: ids,
      run(context) {
        const found = documentsOf(context, ids);
        if (found.length === 0) return optional ? undefined : notMet([missing]);
        return met([`${count(found.length, noun, plural)} found.`], found.map((d) => pointTo(d)));
      },
    };
  },
};
