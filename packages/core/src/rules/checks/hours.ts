import { count, forAssessor, hours, hoursPhrase, met, notMet, sessionLabel, type Check, type CheckContext } from "./context.ts";
import type { Pointer } from "../types.ts";

/** Total hours, hours per client, and where the log and the session records disagree. */
export const coachingHours: Check = {
  reads: ["hoursLog", "sessionRecord"],
  run(context) {
    const { facts, thresholds, unitName } = context;
    if (facts.sessions.length === 0) return notMet(["No coaching sessions are recorded in an hours log or a session record."]);
    const byClient = hoursByClient(context);
    const total = Object.values(byClient).reduce((sum, h) => sum + h, 0);
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
    const reasons = [`${hoursPhrase(total)} of coaching are recorded over ${count(facts.sessions.length, "session")} (${perClient})`];
    const target = thresholds.coachingHours;
    if (target === undefined) return forAssessor([`${reasons[0]}; ${unitName} sets no minimum number of hours.`], unique);
    if (total + 1e-9 < target) return notMet([`${reasons[0]}; ${unitName} needs at least ${target}.`], unique);
    reasons[0] += `; ${unitName} needs at least ${target}.`;
    const extra: Pointer[] = [];
    for (const d of facts.disagreements) {
      reasons.push(`${sessionLabel(d)}: the hours log says ${hoursPhrase(d.logHours)} but the session record says ${hoursPhrase(d.recordHours)}; the log's figure is counted.`);
      extra.push(...d.pointers);
    }
    for (const s of facts.sessions.filter((s) => !s.log)) {
      reasons.push(`${sessionLabel(s)} has a session record but no row in an hours log; its ${hoursPhrase(s.hours)} are counted.`);
    }
    const future = facts.sessions.filter((s) => s.date !== undefined && s.date > context.today);
    for (const s of future) reasons.push(`${sessionLabel(s)} is dated after today (${context.today}).`);
    if (facts.disagreements.length > 0 || future.length > 0) return forAssessor(reasons, [...unique, ...extra]);
    return met(reasons, unique);
  },
};

/**
 * Hours per client, keyed by the client reference as first written. Worked out once per portfolio (the
 * check and the summary both need it); callers must not change the result.
 */
export function hoursByClient(context: Pick<CheckContext, "facts" | "memo">): Record<string, number> {
  return (context.memo.hoursByClient ??= sumHours(context));
}

function sumHours(context: Pick<CheckContext, "facts">): Record<string, number> {
  const byClient: Record<string, number> = {};
  for (const s of context.facts.sessions) {
    const name = context.facts.clients.get(s.clientKey) ?? s.client;
    byClient[name] = Math.round(((byClient[name] ?? 0) + s.hours) * 1000) / 1000;
  }
  return byClient;
}

/** Distinct clients against the unit's range, and the centre's record for an exceptional extra client. */
export const clients: Check = {
  reads: ["hoursLog", "sessionRecord", "exceptionalCircumstances"],
  run(context) {
    const { facts, unitName } = context;
    const range = context.thresholds.clients ?? {};
    const names = [...facts.clients.values()];
    const n = names.length;
    const stated = `${count(n, "client")} had coaching sessions${n > 0 ? ` (${names.join(", ")})` : ""}`;
    if (range.min !== undefined && n < range.min) return notMet([`${stated}; ${unitName} needs at least ${range.min}.`]);
    if (range.max === undefined || n <= range.max) {
      const span = range.max === undefined ? (range.min === undefined ? "sets no number of clients" : `needs ${range.min} or more`) : `needs ${range.min ?? 1} to ${range.max}`;
      return met([`${stated}; ${unitName} ${span}.`]);
    }
    const allowance = range.exceptionalMax;
    if (allowance === undefined || n > allowance) {
      return notMet([`${stated}; ${unitName} allows at most ${range.max}${allowance === undefined ? "" : ` (${allowance} with the centre's exceptional-circumstances record)`}.`]);
    }
    const records = (facts.byKind.get("exceptionalCircumstances") ?? []).filter((r) => r.clientKey !== undefined && facts.clients.has(r.clientKey));
    if (records.length === 0) {
      return notMet([`${stated}; ${unitName} allows at most ${range.max}, or ${allowance} only with the centre's exceptional-circumstances record, and there is no such record for any of these clients.`]);
    }
    return met(
      [`${stated}; ${unitName} allows at most ${range.max}, and the centre's exceptional-circumstances record covers ${records.map((r) => r.client).join(", ")}.`],
      records.map((r) => ({ document: r.document.id })),
    );
  },
};
