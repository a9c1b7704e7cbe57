import type { FieldRole } from "../../registry/types.ts";
import { eachValueIn } from "../../roles/fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { count, documentsOf, isFilled, listOf, met, notMet, pointTo, sessionLabel, type CheckKind } from "./context.ts";

/**
 * `sessionRowsHave`: every session row of the logs (a row with a `session-date`) has a field of a role
 * filled in beside it, in the same row: for a diary that keeps each session's feedback in its row.
 */
export interface SessionRowsHaveParams {
  /** The role of the field each row needs, e.g. `client-feedback`. */
  role: FieldRole;
  /** What the field holds, e.g. `feedback from the client` (`3 sessions have no feedback from the client`). */
  what: string;
}

export const sessionRowsHave: CheckKind<SessionRowsHaveParams> = {
  compile({ role, what }, unit, at) {
    unit.requireSessions(at);
    unit.requireRole(role, unit.sessions.logs, `${at}/role`);
    const logs = unit.sessions.logs;
    return {
      reads: logs,
      run(context) {
        const missing: Array<{ label: string; pointer: Pointer }> = [];
        let rows = 0;
        for (const log of documentsOf(context, logs)) {
          const filled = new Set<unknown>();
          const clients = new Map<unknown, string>();
          eachValueIn(log.readers, log.document.data, role, (value, container) => {
            if (isFilled(value)) filled.add(container);
          });
          eachValueIn(log.readers, log.document.data, "client-ref", (value, container) => {
            if (typeof value === "string") clients.set(container, value.trim());
          });
          eachValueIn(log.readers, log.document.data, "session-date", (value, container, base) => {
            if (typeof value !== "string") return;
            rows++;
            if (filled.has(container)) return;
            const client = clients.get(container) ?? log.client ?? "A client";
            missing.push({ label: sessionLabel({ client, date: value }), pointer: pointTo(log, base) });
          });
        }
        if (rows === 0) return notMet([`No session rows are recorded, so no ${what} can be looked for.`]);
        if (missing.length > 0) return notMet([`${count(missing.length, "session has", "sessions have")} no ${what}: ${listOf(missing.map((m) => m.label))}.`], missing.map((m) => m.pointer));
        return met([`Every session (${count(rows, "session")}) has ${what}.`]);
      },
    };
  },
};
