import { count, listOf, met, notMet, sessionLabel, type CheckKind } from "./context.ts";

/** `sessionsRecorded`: every session in the logs has its session record (matched by client and number, or date). */
export type SessionsRecordedParams = Record<string, never>;

export const sessionsRecorded: CheckKind<SessionsRecordedParams> = {
  compile(_params, unit, at) {
    const { activity } = unit.sessions;
    unit.requireSessions(at);
    return {
      reads: [...unit.sessions.logs, ...unit.sessions.records],
      run({ facts }) {
        const logged = facts.sessions.filter((s) => s.log);
        if (facts.sessions.length === 0) return notMet([`No ${activity} sessions are recorded, so there are no session records to look at.`]);
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
  },
};
