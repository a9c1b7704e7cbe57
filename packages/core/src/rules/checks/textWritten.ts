import type { FieldRole } from "../../registry/types.ts";
import { valuesIn } from "../fieldsByRole.ts";
import { documentsOf, isFilled, met, notMet, pointTo, templateIds, type CheckKind } from "./context.ts";

/** `textWritten`: a document of the given templates has some field of a role filled in with text. */
export interface TextWrittenParams {
  /** Template names, e.g. `["cpd-monitoring"]`. */
  documents: string[];
  /** The role of the text fields, e.g. `text`. */
  role: FieldRole;
  /** The sentence given when the text is written. */
  present: string;
  /** The sentence given when it is not. */
  missing: string;
}

export const textWritten: CheckKind<TextWrittenParams> = {
  compile({ documents, role, present, missing }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole(role, ids, `${at}/role`);
    return {
      reads: ids,
      run(context) {
        const written = documentsOf(context, ids).filter((d) => valuesIn(d.readers, d.document.data, role).some((v) => isFilled(v.value)));
        if (written.length === 0) return notMet([missing]);
        return met([present], written.map((d) => pointTo(d)));
      },
    };
  },
};
