import type { Pointer } from "../types.ts";
import { count, forAssessor, hours, hoursPhrase, hoursShortOf, met, notMet, sessionLabel, type CheckContext, type CheckKind } from "./context.ts";

/**
 * `sessionHours`: the hours of the portfolio's sessions (the `duration` of each session, from the logs,
 * or from its session record where no log has it), in total at least N; where a log and a record
 * disagree, and sessions dated after today, go to the assessor.
 */
export interface SessionHoursParams {
  /** The least total of hours; when left out, the total is stated for the assessor. */
  atLeast?: number;
}

export const sessionHours: CheckKind<SessionHoursParams> = {
  compile({ atLeast: target }, unit, at) {
    const { activity } = unit.sessions;
    unit.requireSessions(at);
    return {
      reads: [...unit.sessions.logs, ...unit.sessions.records],
      run(context) {
        const { facts, unitName } = context;
        if (facts.sessions.length === 0) return notMet([`No ${activity} sessions are recorded in the portfolio's session logs or records.`]);
        const byClient = hoursByClient(context);
        const total = totalSessionHours(context);
        const perClient = Object.entries(byClient).map(([client, h]) => `${client}: ${hours(h)}`).join("; ");
        // One pointer per document the sessions come from, in the order first met.
        const unique: Pointer[] = [];
        const seen = new Set<string>();
        for (const s of facts.sessions) {
          const document = (s.log ?? s.record)!.pointer.document;
          if (!seen.has(document)) {
            seen.add(document);
            unique.push({ document });
          }
        }
        const stated = hoursPhrase(total);
        const reasons = [`${stated} of ${activity} ${isOrAre(stated)} recorded over ${count(facts.sessions.length, "session")} (${perClient})`];
        if (target === undefined) return forAssessor([`${reasons[0]}; ${unitName} sets no minimum number of hours.`], unique);
        if (total + 1e-9 < target) {
          const shortOf = hoursShortOf(total, target);
          const short = `${shortOf} of ${activity} ${isOrAre(shortOf)} recorded over ${count(facts.sessions.length, "session")} (${perClient})`;
          return notMet([`${short}; ${unitName} needs at least ${target}.`], unique);
        }
        reasons[0] += `; ${unitName} needs at least ${target}.`;
        const extra: Pointer[] = [];
        for (const d of facts.disagreements) {
          reasons.push(`${sessionLabel(d)}: the hours log says ${hoursPhrase(d.logHours)} but the session record says ${hoursPhrase(d.recordHours)}; the log's figure is counted.`);
          extra.push(...d.pointers);
        }
        for (const s of facts.sessions.filter((s) => !s.log)) {
          const own = hoursPhrase(s.minutes / 60);
          reasons.push(`${sessionLabel(s)} has a session record but no row in an hours log; its ${own} ${isOrAre(own)} counted.`);
        }
        const future = facts.sessions.filter((s) => s.date !== undefined && s.date > context.today);
        for (const s of future) reasons.push(`${sessionLabel(s)} is dated after today (${context.today}).`);
        if (facts.disagreements.length > 0 || future.length > 0) return forAssessor(reasons, [...unique, ...extra]);
        return met(reasons, unique);
      },
    };
  },
};

/** "1 hour of coaching is recorded", "1.5 hours … are": the verb agrees with the phrase as printed. */
const isOrAre = (phrase: string): string => (phrase === "1 hour" || phrase === "1 minute" ? "is" : "are");

/**
 * Hours per client, keyed by the client reference as first written. Worked out once per portfolio (the
 * check and the summary both need it); callers must not change the result.
 *
 * @param context - the portfolio's facts and memo
 * @returns hours by client
 */
export function hoursByClient(context: Pick<CheckContext, "facts" | "memo">): Record<string, number> {
  return (context.memo.hoursByClient ??= sumHours(context));
}

/**
 * The hours of every session, added up in minutes and turned into hours once (rounded to thousandths).
 *
 * @param context - the portfolio's facts
 * @returns the total hours
 */
export function totalSessionHours(context: Pick<CheckContext, "facts">): number {
  let minutes = 0;
  for (const s of context.facts.sessions) minutes += s.minutes;
  return Math.round((minutes / 60) * 1000) / 1000;
}

function sumHours(context: Pick<CheckContext, "facts">): Record<string, number> {
  // Added up in minutes, turned into hours once: three sessions of 20 minutes are exactly 1 hour.
  const minutes = new Map<string, number>();
  for (const s of context.facts.sessions) {
    const name = context.facts.clients.get(s.clientKey) ?? s.client;
    minutes.set(name, (minutes.get(name) ?? 0) + s.minutes);
  }
  const byClient: Record<string, number> = {};
  for (const [name, m] of minutes) byClient[name] = Math.round((m / 60) * 1000) / 1000;
  return byClient;
}
