import { firstValueIn } from "../fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { count, listOf, met, notMet, sessionLabel, type Check } from "./context.ts";

/** A session record for every session in the hours logs. */
export const sessionRecords: Check = {
  reads: ["hoursLog", "sessionRecord"],
  run({ facts }) {
    const logged = facts.sessions.filter((s) => s.log);
    if (facts.sessions.length === 0) return notMet(["No coaching sessions are recorded, so there are no session records to look at."]);
    const missing = logged.filter((s) => !s.record);
    const records = facts.sessions.filter((s) => s.record).length;
    if (missing.length > 0) {
      return notMet(
        [`${count(missing.length, "logged session has", "logged sessions have")} no session record: ${listOf(missing.map(sessionLabel))}.`],
        missing.map((s) => s.log!.pointer),
      );
    }
    return met([`Every session has a session record (${count(records, "record")}).`]);
  },
};

/** A reflective log for every session, linked to it by client reference and date. */
export const reflectiveLogs: Check = {
  reads: ["reflectiveLog", "hoursLog", "sessionRecord"],
  run({ facts }) {
    if (facts.sessions.length === 0) return notMet(["No coaching sessions are recorded, so there are no reflective logs to look at."]);
    const logs = facts.byKind.get("reflectiveLog") ?? [];
    // Dates reflected on, by client key (two levels, so no joined key is made for each log and session).
    const reflected = new Map<string, Set<string>>();
    for (const log of logs) {
      if (log.clientKey === undefined) continue;
      const date = firstValueIn(log.readers, log.document.data, "session-date");
      if (typeof date !== "string") continue;
      const dates = reflected.get(log.clientKey);
      if (dates) dates.add(date);
      else reflected.set(log.clientKey, new Set([date]));
    }
    const missing = facts.sessions.filter((s) => s.date === undefined || !(reflected.get(s.clientKey)?.has(s.date) ?? false));
    if (missing.length > 0) {
      const pointers: Pointer[] = missing.map((s) => (s.log ?? s.record)!.pointer);
      return notMet([`${count(missing.length, "session has", "sessions have")} no reflective log with the same client reference and date: ${listOf(missing.map(sessionLabel))}.`], pointers);
    }
    return met([`Every session has a reflective log (${count(logs.length, "log")}).`]);
  },
};
