import type { FieldRole } from "../../registry/types.ts";
import type { KnownDocument } from "../facts.ts";
import { minutesPerUnit, type RoleVisitor } from "../../roles/fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { forAssessor, hoursPhrase, hoursShortOf, met, notMet, pointTo, type CheckContext, type CheckKind } from "./context.ts";

/** `roleHours`: the hours in every field of a role, in any document of the portfolio, add up to at least N. */
export interface RoleHoursParams {
  /** A role whose fields hold hours, e.g. `supervision-duration`. */
  role: FieldRole;
  /** What the hours are of, e.g. `supervision` (`1.5 hours of supervision are recorded`). */
  what: string;
  /** The least total of hours; when left out, the total is stated for the assessor. */
  atLeast?: number;
}

export const roleHours: CheckKind<RoleHoursParams> = {
  compile({ role, what, atLeast: target }, unit, at) {
    const reads = unit.templatesWithRole(role);
    if (reads.length === 0) unit.requireRole(role, [], `${at}/role`);
    return {
      reads,
      run(context) {
        const { total, pointers } = roleHoursOf(context, role);
        const stated = total === 0 ? `No ${what} time is recorded` : `${hoursPhrase(total)} of ${what} ${total === 1 ? "is" : "are"} recorded`;
        if (target === undefined) return forAssessor([`${stated}; ${context.unitName} sets no minimum.`], pointers);
        if (total + 1e-9 < target) {
          const phrase = hoursShortOf(total, target);
          const short = total === 0 ? stated : `${phrase} of ${what} ${phrase === "1 hour" || phrase === "1 minute" ? "is" : "are"} recorded`;
          return notMet([`${short}; ${context.unitName} needs at least ${hoursPhrase(target)}.`], pointers);
        }
        return met([`${stated}; ${context.unitName} needs at least ${hoursPhrase(target)}.`], pointers);
      },
    };
  },
};

/**
 * The hours in every field of a role, in any document (any template may carry the role). Worked out
 * once per portfolio and role (checks and the summary share it); callers must not change the result.
 *
 * @param context - the portfolio's facts and memo
 * @param role - e.g. `supervision-duration`
 * @returns the total, rounded to thousandths, and a pointer to each field counted
 */
export function roleHoursOf(context: Pick<CheckContext, "facts" | "memo" | "remember" | "keep">, role: FieldRole): { total: number; pointers: Pointer[] } {
  const sums = (context.memo.roleHours ??= new Map());
  let sum = sums.get(role);
  if (!sum) sums.set(role, (sum = context.remember ? keptSum(context, role) : sumRole(context, role)));
  return sum;
}

/** The last sums of a check kept between re-checks, with the documents they were read from. */
type KeptSums = Map<FieldRole, { known: KnownDocument[]; sum: { total: number; pointers: Pointer[] } }>;

/**
 * `sumRemembered`, or the last sum when every document that changed since (the same templates in the
 * same places) has no term of the role, before or after.
 */
function keptSum(context: Pick<CheckContext, "facts" | "keep">, role: FieldRole): { total: number; pointers: Pointer[] } {
  const { known } = context.facts;
  const kept = context.keep === undefined ? undefined : ((context.keep.value as KeptSums | undefined) ?? (context.keep.value = new Map()));
  const last = kept?.get(role);
  if (last !== undefined && last.known.length === known.length) {
    let same = true;
    for (let i = 0; i < known.length && same; i++) {
      const now = known[i]!;
      const was = last.known[i]!;
      if (now !== was && (now.template !== was.template || termsOf(now, role).minutes.length > 0 || termsOf(was, role).minutes.length > 0)) same = false;
    }
    if (same) {
      last.known = known;
      return last.sum;
    }
  }
  const sum = sumRemembered(context, role);
  kept?.set(role, { known, sum });
  return sum;
}

/** A document's terms of a role's hours, in minutes, with a pointer each (kept in its memo). */
function termsOf(known: KnownDocument, role: FieldRole): { minutes: number[]; pointers: Pointer[] } {
  const kept = (known.memo.roleMinutes ??= new Map());
  let own = kept.get(role);
  if (own === undefined) {
    own = { minutes: [], pointers: [] };
    const terms = own;
    let scale = 60;
    const visit: RoleVisitor = (value, _container, base, tail) => {
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return;
      terms.minutes.push(value * scale);
      terms.pointers.push(pointTo(known, base + tail));
    };
    for (const reader of known.readers.get(role) ?? []) {
      scale = minutesPerUnit(reader.field);
      reader.read(known.document.data, visit);
    }
    kept.set(role, own);
  }
  return own;
}

/**
 * `sumRole` from each document's terms, kept in its memo (read the first time): a re-check reads only
 * the documents that changed. The terms are added in the same order, so the total is the same to the bit.
 */
function sumRemembered(context: Pick<CheckContext, "facts">, role: FieldRole): { total: number; pointers: Pointer[] } {
  let minutes = 0;
  const pointers: Pointer[] = [];
  for (const known of context.facts.known) {
    const own = termsOf(known, role);
    for (let i = 0; i < own.minutes.length; i++) {
      minutes += own.minutes[i]!;
      pointers.push(own.pointers[i]!);
    }
  }
  return { total: Math.round((minutes / 60) * 1000) / 1000, pointers };
}

function sumRole(context: Pick<CheckContext, "facts">, role: FieldRole): { total: number; pointers: Pointer[] } {
  // Added up in minutes (whatever unit each field counts), turned into hours once.
  let minutes = 0;
  let scale = 60;
  const pointers: Pointer[] = [];
  let known: KnownDocument;
  const visit: RoleVisitor = (value, _container, base, tail) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return;
    minutes += value * scale;
    pointers.push(pointTo(known, base + tail));
  };
  // Every document is asked; most have no such field and make nothing.
  for (known of context.facts.known) {
    for (const reader of known.readers.get(role) ?? []) {
      scale = minutesPerUnit(reader.field);
      reader.read(known.document.data, visit);
    }
  }
  return { total: Math.round((minutes / 60) * 1000) / 1000, pointers };
}
