import { fieldsByRole, valuesIn } from "../fieldsByRole.ts";
import type { KnownDocument } from "../facts.ts";
import { count, forAssessor, isFilled, listOf, met, notMet, pointTo, readAt, type Check } from "./context.ts";
import { isIsoDate } from "../isoDate.ts";


/** A SWOT of the coach with every quadrant filled in. */
export const swot: Check = {
  reads: ["coachSwot"],
  run(context) {
    const documents = context.facts.byKind.get("coachSwot") ?? [];
    if (documents.length === 0) return notMet(["There is no SWOT analysis of the learner's role as a coach or mentor."]);
    const gaps = documents.map((d) => ({ d, empty: emptyQuadrants(d) }));
    const complete = gaps.find((g) => g.empty.length === 0);
    if (complete) return met([`The SWOT analysis has every quadrant filled in.`], [pointTo(complete.d)]);
    const first = gaps[0]!;
    return notMet(
      [`The SWOT analysis leaves ${count(first.empty.length, "quadrant")} empty: ${listOf(first.empty.map((q) => `“${q.title}”`))}.`],
      first.empty.map((q) => pointTo(first.d, q.path)),
    );
  },
};

function emptyQuadrants(known: KnownDocument): Array<{ title: string; path: string }> {
  return fieldsByRole(known.template)
    .filter((f) => f.role === "swot-quadrant" && !f.steps.includes("*"))
    .filter((f) => !isFilled(readAt(known.document.data, f.steps)))
    .map((f) => ({ title: f.title, path: `/${f.steps.join("/")}` }));
}

/** Whole calendar months from one ISO date to a later one. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  // 31 January to 30 April is three whole months: the end month has no 31st.
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 && d2 < lastDay ? 1 : 0);
}

/** A personal development plan whose dates (the plan's own and every "when") span the unit's months. */
export const pdp: Check = {
  reads: ["pdp"],
  run(context) {
    const plans = context.facts.byKind.get("pdp") ?? [];
    const needed = context.thresholds.pdpMonths;
    if (plans.length === 0) return notMet(["There is no personal development plan."]);
    const spans = plans.map((plan) => {
      const dates = valuesIn(plan.readers, plan.document.data, "date")
        .map((v) => v.value)
        .filter((v): v is string => isIsoDate(v))
        .sort();
      const from = dates[0];
      const to = dates[dates.length - 1];
      return { plan, from, to, months: from && to ? monthsBetween(from, to) : 0 };
    });
    const best = spans.reduce((a, b) => (b.months > a.months ? b : a));
    const stated = best.from ? `The personal development plan runs from ${best.from} to ${best.to}, ${count(best.months, "whole month")}` : "The personal development plan has no dates";
    if (needed === undefined) return forAssessor([`${stated}; ${context.unitName} sets no minimum.`], [pointTo(best.plan)]);
    if (best.months < needed) return notMet([`${stated}; ${context.unitName} needs a plan covering at least ${needed} months.`], [pointTo(best.plan)]);
    return met([`${stated}; ${context.unitName} needs at least ${needed}.`], [pointTo(best.plan)]);
  },
};

/** A written explanation of how the learner will monitor and evaluate their CPD. */
export const cpdMonitoring: Check = {
  reads: ["cpdMonitoring"],
  run(context) {
    const documents = (context.facts.byKind.get("cpdMonitoring") ?? []).filter((d) => valuesIn(d.readers, d.document.data, "text").some((v) => isFilled(v.value)));
    if (documents.length === 0) return notMet(["There is no written explanation of how the learner will monitor and evaluate their CPD."]);
    return met(["An explanation of how CPD will be monitored and evaluated is written."], documents.map((d) => pointTo(d)));
  },
};

/** The evidence Unit 503's reflection draws on: reflective logs and feedback. */
export const reflectionPresent: Check = {
  reads: ["reflectiveLog", "clientFeedback", "supervisorFeedback"],
  run(context) {
    const logs = context.facts.byKind.get("reflectiveLog") ?? [];
    const feedback = [...(context.facts.byKind.get("clientFeedback") ?? []), ...(context.facts.byKind.get("supervisorFeedback") ?? [])];
    if (logs.length === 0 || feedback.length === 0) {
      return notMet([`The reflection draws on reflective logs and feedback; found ${count(logs.length, "reflective log")} and ${count(feedback.length, "feedback form")}.`]);
    }
    return met([`${count(logs.length, "reflective log")} and ${count(feedback.length, "feedback form")} are there to draw on.`]);
  },
};
