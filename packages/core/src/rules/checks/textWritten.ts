import type { FieldRole } from "../../registry/types.ts";
import type { KnownDocument } from "../facts.ts";
import { documentsOf, isFilled, met, notMet, pointTo, templateIds, type CheckKind } from "./context.ts";

/** `textWritten`: a document of the given templates has some field of a role filled in with text. */
export interface TextWrittenParams {
  /** Template names, e.g. `["cpd-monitoring"]`. */
  documents: string[];
  /** The role of the text fields, e.g. `text`. */
  role: FieldRole;
  /** Only the fields of the role that answer this criterion (`x-ilm.criterion`, e.g. `503:1.1`). */
  criterion?: string;
  /** The sentence given when the text is written. */
  present: string;
  /** The sentence given when it is not. */
  missing: string;
  /**
   * The documents are one way among others to evidence the criterion: when there is none the check
   * says nothing; when there is one, its text must be written (`missing` otherwise).
   */
  optional?: boolean;
}

export const textWritten: CheckKind<TextWrittenParams> = {
  compile({ documents, role, criterion, present, missing, optional = false }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole(role, ids, criterion === undefined ? `${at}/role` : `${at}/criterion`, criterion);
    const written = (known: KnownDocument): boolean => {
      let filled = false;
      for (const reader of known.readers.get(role) ?? []) {
        if (criterion !== undefined && reader.field.criterion !== criterion) continue;
        reader.read(known.document.data, (value) => {
          if (isFilled(value)) filled = true;
        });
        if (filled) return true;
      }
      return false;
    };
    return {
      reads: ids,
      run(context) {
        const found = documentsOf(context, ids);
        if (optional && found.length === 0) return undefined;
        const withText = found.filter(written);
        if (withText.length === 0) return notMet([missing]);
        return met([present], withText.map((d) => pointTo(d)));
      },
    };
  },
};
