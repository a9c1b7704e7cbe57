import { createContext, useContext } from "react";

/** A warning shown beside a field while the person types (for example: this seems to name a client). */
export interface FieldWarning {
  /** JSON pointer of the field, e.g. `/reality`. */
  path: string;
  /** What the person should know, in plain English. */
  message: string;
}

/** What the ILM templates read from the form around them (passed through RJSF's `formContext`). */
export interface IlmFormContext {
  /** Warnings by field id (`root_reality`). */
  warningsById: ReadonlyMap<string, string[]>;
  /** The RJSF id prefix, `root` unless the host changed it. */
  idPrefix: string;
}

/** Where a field sits: a table row or cell (the column header shows its label), or inside another field's text. */
export type TablePlacement = "row" | "cell" | "inline" | undefined;

/** Set by the table templates so that the row object renders as cells and its fields as cell content. */
export const TablePlacementContext = createContext<TablePlacement>(undefined);

/** @returns where the current field sits in a table-style array, if it does */
export function useTablePlacement(): TablePlacement {
  return useContext(TablePlacementContext);
}

/**
 * The field id RJSF gives the field at a JSON pointer.
 *
 * @param idPrefix - the form's id prefix (`root`)
 * @param segments - the pointer's segments
 * @returns the id, e.g. `root_sessions_2_duration`
 */
export function fieldIdOf(idPrefix: string, segments: string[]): string {
  return [idPrefix, ...segments].join("_");
}
