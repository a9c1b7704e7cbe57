import { firstValueIn } from "../fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { count, documentsOf, listOf, met, notMet, sessionLabel, templateIds, type CheckKind } from "./context.ts";

/**
 * `everySessionHas`: every session has a document of the given templates about the same client
 * (its client reference) and the same date (its `session-date` field).
 */
export interface EverySessionHasParams {
  /** Template names, e.g. `["reflective-log"]`. */
  documents: string[];
  /** What one such document is called, e.g. `reflective log`. */
  what: string;
  /** How they are counted when all are there, e.g. `log` (`12 logs`). */
  counted: string;
}

export const everySessionHas: CheckKind<EverySessionHasParams> = {
  compile({ documents, what, counted }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole("session-date", ids, `${at}/documents`);
    unit.requireSessions(at);
    return {
      reads: [...ids, ...unit.sessions.logs, ...unit.sessions.records],
      run(context) {
        const { facts } = context;
        if (facts.sessions.length === 0) return notMet([`No coaching sessions are recorded, so there are no ${what}s to look at.`]);
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
        const missing = facts.sessions.filter((s) => s.date === undefined || !(covered.get(s.clientKey)?.has(s.date) ?? false));
        if (missing.length > 0) {
          const pointers: Pointer[] = missing.map((s) => (s.log ?? s.record)!.pointer);
          return notMet([`${count(missing.length, "session has", "sessions have")} no ${what} with the same client reference and date: ${listOf(missing.map(sessionLabel))}.`], pointers);
        }
        return met([`Every session has a ${what} (${count(found.length, counted)}).`]);
      },
    };
  },
};
