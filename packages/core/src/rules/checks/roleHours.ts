import type { FieldRole } from "../../registry/types.ts";
import type { KnownDocument } from "../facts.ts";
import { minutesPerUnit, type RoleVisitor } from "../../roles/fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { documentsOf, forAssessor, hoursPhrase, hoursShortOf, met, notMet, pointTo, templateIds, type CheckContext, type CheckKind } from "./context.ts";

/**
 * `roleHours`: the hours in every field of a role, in any document of the portfolio (or only in the
 * documents of some templates), add up to at least N.
 */
export interface RoleHoursParams {
  /** A role whose fields hold hours, e.g. `supervision-duration`. */
  role: FieldRole;
  /**
   * Template names whose documents are counted (e.g. `["team-coaching-log"]`, beside one-to-one logs that
   * carry the same role); every template with the role when left out. With it, the reason gives the hours
   * of each client (the documents' client reference) too.
   */
  documents?: string[];
  /** What the hours are of, e.g. `supervision` (`1.5 hours of supervision are recorded`). */
  what: string;
  /** The least total of hours; when left out, the total is stated for the assessor. */
  atLeast?: number;
}

export const roleHours: CheckKind<RoleHoursParams> = {
  compile({ role, documents, what, atLeast: target }, unit, at) {
    const only = documents === undefined ? undefined : templateIds(unit, documents, `${at}/documents`);
    if (only !== undefined) unit.requireRole(role, only, `${at}/role`);
    const reads = only ?? unit.templatesWithRole(role);
    if (reads.length === 0) unit.requireRole(role, [], `${at}/role`);
    return {
      reads,
      run(context) {
        const { total, pointers, byClient }: { total: number; pointers: Pointer[]; byClient?: Map<string, number> } = only === undefined ? roleHoursOf(context, role) : roleHoursIn(context, role, only);
        const clients = byClient === undefined || byClient.size === 0 ? "" : ` (${[...byClient].map(([client, hours]) => `${client}: ${hoursPhrase(hours)}`).join("; ")})`;
        const stated = total === 0 ? `No ${what} time is recorded` : `${hoursPhrase(total)} of ${what} ${total === 1 ? "is" : "are"} recorded${clients}`;
        if (target === undefined) return forAssessor([`${stated}; ${context.unitName} sets no minimum.`], pointers);
        if (total + 1e-9 < target) {
          const phrase = hoursShortOf(total, target);
          const short = total === 0 ? stated : `${phrase} of ${what} ${phrase === "1 hour" || phrase === "1 minute" ? "is" : "are"} recorded${clients}`;
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

/**
 * The hours in every field of a role in the documents of some templates, in all and by client (the
 * documents' own client reference, as first written), each document's terms kept in its memo.
 *
 * @param context - the portfolio's facts
 * @param role - e.g. `session-duration`
 * @param templates - the template ids whose documents count
 * @returns the total and each client's hours, rounded to thousandths, and a pointer to each field counted
 */
function roleHoursIn(context: CheckContext, role: FieldRole, templates: string[]): { total: number; pointers: Pointer[]; byClient: Map<string, number> } {
  let minutes = 0;
  const pointers: Pointer[] = [];
  const clientMinutes = new Map<string, { client: string; minutes: number }>();
  for (const known of documentsOf(context, templates)) {
    const own = termsOf(known, role);
    let sum = 0;
    for (let i = 0; i < own.minutes.length; i++) {
      sum += own.minutes[i]!;
      pointers.push(own.pointers[i]!);
    }
    minutes += sum;
    if (known.clientKey !== undefined && known.client !== undefined && sum > 0) {
      const entry = clientMinutes.get(known.clientKey) ?? { client: known.client, minutes: 0 };
      entry.minutes += sum;
      clientMinutes.set(known.clientKey, entry);
    }
  }
  const rounded = (m: number) => Math.round((m / 60) * 1000) / 1000;
  return { total: rounded(minutes), pointers, byClient: new Map([...clientMinutes.values()].map((c) => [c.client, rounded(c.minutes)])) };
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
