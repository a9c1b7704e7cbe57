import type { FieldRole } from "../../registry/types.ts";
import { valuesIn } from "../../roles/fieldsByRole.ts";
import { isIsoDate } from "../isoDate.ts";
import { count, documentsOf, forAssessor, met, notMet, pointTo, templateIds, type CheckKind } from "./context.ts";

/**
 * `dateSpan`: the dates of a document (every field of a role) span at least N whole months, counted
 * inclusively from the earliest date to the end of the latest day (a plan dated 1 January whose last
 * action is due 31 December covers 12 months).
 */
export interface DateSpanParams {
  /** Template names, e.g. `["pdp"]`. */
  documents: string[];
  /** The role of the dates, e.g. `date`. */
  role: FieldRole;
  /** What the document is called, e.g. `personal development plan`. */
  what: string;
  /** A short name for it, e.g. `plan` (`needs a plan covering at least 12 months`). */
  short?: string;
  /** The least number of whole months; when left out, the span is stated for the assessor. */
  months?: number;
}

export const dateSpan: CheckKind<DateSpanParams> = {
  compile({ documents, role, what, short = what, months: needed }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole(role, ids, `${at}/role`);
    return {
      reads: ids,
      run(context) {
        const plans = documentsOf(context, ids);
        if (plans.length === 0) return notMet([`There is no ${what}.`]);
        const spans = plans.map((plan) => {
          const dates = valuesIn(plan.readers, plan.document.data, role)
            .map((v) => v.value)
            .filter((v): v is string => isIsoDate(v))
            .sort();
          const from = dates[0];
          const to = dates[dates.length - 1];
          return { plan, from, to, months: from && to ? monthsCovered(from, to) : 0 };
        });
        const best = spans.reduce((a, b) => (b.months > a.months ? b : a));
        const stated = best.from
          ? `The ${what} runs from ${best.from} to ${best.to}, ${count(best.months, "whole month")} counting both days (the earliest date to the end of the latest)`
          : `The ${what} has no dates`;
        if (needed === undefined) return forAssessor([`${stated}; ${context.unitName} sets no minimum.`], [pointTo(best.plan)]);
        if (best.months < needed) return notMet([`${stated}; ${context.unitName} needs a ${short} covering at least ${needed} months.`], [pointTo(best.plan)]);
        return met([`${stated}; ${context.unitName} needs at least ${needed}.`], [pointTo(best.plan)]);
      },
    };
  },
};

/**
 * Whole calendar months a span covers, counting both its first and its last day: 2026-01-01 to
 * 2026-12-31 covers 12 months, 2026-01-15 to 2027-01-14 covers 12 too, 2026-01-15 to 2027-01-13 11.
 *
 * @param from - the first day
 * @param to - the last day (the same or later)
 * @returns the whole months from the first day to the day after the last
 */
export function monthsCovered(from: string, to: string): number {
  const [y, m, d] = to.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return monthsBetween(from, next);
}

/**
 * Whole calendar months from one ISO date to a later one (the later day not counted).
 *
 * @param from - the earlier date
 * @param to - the later date
 * @returns the whole months between them
 */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  // 31 January to 30 April is three whole months: the end month has no 31st.
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 && d2 < lastDay ? 1 : 0);
}
