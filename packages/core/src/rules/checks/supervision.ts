import type { KnownDocument } from "../facts.ts";
import { eachValueIn, type RoleVisitor } from "../fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { count, forAssessor, hoursPhrase, met, notMet, pointTo, type Check, type CheckContext } from "./context.ts";

/**
 * Hours of supervision: every field with the role `supervision-duration`, in any document. Worked out
 * once per portfolio (the check and the summary both need it); callers must not change the result.
 */
export function supervisionHoursOf(context: Pick<CheckContext, "facts" | "memo">): { total: number; pointers: Pointer[] } {
  return (context.memo.supervision ??= sumSupervision(context));
}

function sumSupervision(context: Pick<CheckContext, "facts">): { total: number; pointers: Pointer[] } {
  let total = 0;
  const pointers: Pointer[] = [];
  let known: KnownDocument;
  const visit: RoleVisitor = (value, _container, base, tail) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return;
    total += value;
    pointers.push(pointTo(known, base + tail));
  };
  // Every document is asked (any template may carry the role); most have no such field and make nothing.
  for (known of context.facts.known) eachValueIn(known.readers, known.document.data, "supervision-duration", visit);
  return { total: Math.round(total * 1000) / 1000, pointers };
}

/** At least the unit's hours of supervision. */
export const supervisionHours: Check = {
  reads: ["supervisionRecord"],
  run(context) {
    const { total, pointers } = supervisionHoursOf(context);
    const target = context.thresholds.supervisionHours;
    const stated = total === 0 ? "No supervision time is recorded" : `${hoursPhrase(total)} of supervision ${total === 1 ? "is" : "are"} recorded`;
    if (target === undefined) return forAssessor([`${stated}; ${context.unitName} sets no minimum.`], pointers);
    if (total + 1e-9 < target) return notMet([`${stated}; ${context.unitName} needs at least ${hoursPhrase(target)}.`], pointers);
    return met([`${stated}; ${context.unitName} needs at least ${hoursPhrase(target)}.`], pointers);
  },
};

/** Some evidence of supervision or tutorial feedback, where the unit sets no number of hours. */
export const supervisionPresent: Check = {
  reads: ["supervisionRecord", "supervisorFeedback"],
  run(context) {
    const records = [...(context.facts.byKind.get("supervisionRecord") ?? []), ...(context.facts.byKind.get("supervisorFeedback") ?? [])];
    if (records.length === 0) return notMet(["There is no supervision record and no feedback from a supervisor or tutor."]);
    return met([`${count(records.length, "supervision record or supervisor feedback form", "supervision records or supervisor feedback forms")} found.`], records.map((r) => pointTo(r)));
  },
};

/** At least one feedback form from a supervisor or tutor who observed a session. */
export const supervisorFeedback: Check = {
  reads: ["supervisorFeedback"],
  run(context) {
    const forms = context.facts.byKind.get("supervisorFeedback") ?? [];
    if (forms.length === 0) return notMet(["There is no feedback on coaching or mentoring from a supervisor or tutor."]);
    return met([`${count(forms.length, "feedback form")} from a supervisor or tutor found.`], forms.map((f) => pointTo(f)));
  },
};
