import type { KnownDocument } from "../facts.ts";
import { eachValueIn, firstValueIn } from "../../roles/fieldsByRole.ts";
import { clientKey } from "../facts.ts";
import type { Pointer } from "../types.ts";
import { count, documentsOf, listOf, met, notMet, sessionLabel, templateIds, type CheckKind } from "./context.ts";

/**
 * `everySessionHas`: every session has a document of the given templates about the same client
 * (its client reference) and the same date (its `session-date` field), or, where `rows` is declared,
 * a row of a document of those templates about the same client and session (number or date).
 */
export interface EverySessionHasParams {
  /** Template names, e.g. `["reflective-log"]`. */
  documents: string[];
  /** What one such document is called, e.g. `reflective log`. */
  what: string;
  /** How they are counted when all are there, e.g. `log` (`12 logs`). */
  counted: string;
  /**
   * Documents that speak to many sessions, a row each (e.g. `session-conclusions`), accepted beside
   * `documents`: a row names its client (its own `client-ref`, or the document's) and its session
   * (`session-no` or `session-date`).
   */
  rows?: { documents: string[]; what: string };
}

/** The sessions the rows of some documents speak to: by client key, their numbers and dates. */
interface RowsCovered {
  numbers: Map<string, Set<number>>;
  dates: Map<string, Set<string>>;
  rows: number;
}

export const everySessionHas: CheckKind<EverySessionHasParams> = {
  compile({ documents, what, counted, rows }, unit, at) {
    const { activity } = unit.sessions;
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole("session-date", ids, `${at}/documents`);
    unit.requireSessions(at);
    const rowIds = rows ? templateIds(unit, rows.documents, `${at}/rows/documents`) : [];
    if (rows && !rowIds.some((id) => unit.templatesWithRole("session-no").includes(id) || unit.templatesWithRole("session-date").includes(id))) {
      unit.requireRole("session-no", rowIds, `${at}/rows/documents`);
    }
    // Declarations that differ only in their rows answer alike when the portfolio has no such rows.
    const plain = JSON.stringify([ids, what, counted]);
    return {
      reads: [...ids, ...rowIds, ...unit.sessions.logs, ...unit.sessions.records],
      run(context) {
        const { facts } = context;
        if (facts.sessions.length === 0) return notMet([`No ${activity} sessions are recorded, so there are no ${what}s to look at.`]);
        const rowDocuments = rowIds.length === 0 ? [] : documentsOf(context, rowIds);
        const memo = rowDocuments.length === 0 ? (context.memo.everySessionHas ??= new Map()) : undefined;
        const answered = memo?.get(plain);
        if (answered !== undefined) return answered;
        const found = documentsOf(context, ids);
        // Dates covered, by client key (two levels, so no joined key is made for each document and session).
        const covered = new Map<string, Set<string>>();
        for (const known of found) {
          if (known.clientKey === undefined) continue;
          const date = firstValueIn(known.readers, known.document.data, "session-date");
          if (typeof date !== "string") continue;
          const dates = covered.get(known.clientKey);
          if (dates) dates.add(date);
          else covered.set(known.clientKey, new Set([date]));
        }
        const byRow = rowDocuments.length === 0 ? undefined : rowsCovered(rowDocuments);
        const missing = facts.sessions.filter(
          (s) =>
            !(s.date !== undefined && (covered.get(s.clientKey)?.has(s.date) ?? false)) &&
            !(byRow !== undefined && ((s.sessionNo !== undefined && (byRow.numbers.get(s.clientKey)?.has(s.sessionNo) ?? false)) || (s.date !== undefined && (byRow.dates.get(s.clientKey)?.has(s.date) ?? false)))),
        );
        if (missing.length > 0) {
          const pointers: Pointer[] = missing.map((s) => (s.log ?? s.record)!.pointer);
          const nor = byRow === undefined || !rows ? "" : `, and no row in a ${rows.what} with the same client reference and session number or date`;
          const result = notMet([`${count(missing.length, "session has", "sessions have")} no ${what} with the same client reference and date${nor}: ${listOf(missing.map(sessionLabel))}.`], pointers);
          memo?.set(plain, result);
          return result;
        }
        if (byRow === undefined || !rows) {
          const result = met([`Every session has a ${what} (${count(found.length, counted)}).`]);
          memo?.set(plain, result);
          return result;
        }
        return met([`Every session has a ${what} or a row in a ${rows.what} (${count(found.length, counted)}, ${count(byRow.rows, "row")}).`]);
      },
    };
  },
};

/** The client and session (number or date) of every row of the documents that names both. */
function rowsCovered(documents: KnownDocument[]): RowsCovered {
  const covered: RowsCovered = { numbers: new Map(), dates: new Map(), rows: 0 };
  for (const known of documents) {
    const data = known.document.data;
    const rows = new Map<unknown, { client?: string; sessionNo?: number; date?: string }>();
    const rowOf = (container: unknown) => {
      let row = rows.get(container);
      if (!row) rows.set(container, (row = {}));
      return row;
    };
    eachValueIn(known.readers, data, "client-ref", (value, container) => {
      if (container !== data && typeof value === "string" && value.trim() !== "") rowOf(container).client = value;
    });
    eachValueIn(known.readers, data, "session-no", (value, container) => {
      if (container !== data && Number.isInteger(value)) rowOf(container).sessionNo = value as number;
    });
    eachValueIn(known.readers, data, "session-date", (value, container) => {
      if (container !== data && typeof value === "string") rowOf(container).date = value;
    });
    for (const row of rows.values()) {
      const client = row.client ?? known.client;
      if (client === undefined || (row.sessionNo === undefined && row.date === undefined)) continue;
      const key = clientKey(client);
      covered.rows++;
      if (row.sessionNo !== undefined) add(covered.numbers, key, row.sessionNo);
      if (row.date !== undefined) add(covered.dates, key, row.date);
    }
  }
  return covered;
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const values = map.get(key);
  if (values) values.add(value);
  else map.set(key, new Set([value]));
}
