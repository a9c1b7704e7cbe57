import { fieldsByRole } from "../../roles/fieldsByRole.ts";
import type { KnownDocument } from "../facts.ts";
import { isIsoDate } from "../isoDate.ts";
import type { Pointer } from "../types.ts";
import { count, forClient, isFilled, met, notMet, pointTo, readAt, sessionClients, templateIds, type CheckKind } from "./context.ts";

/**
 * `signedPerClient`: every client has a document whose every signature field is signed with a name and
 * a date. Where the portfolio says what the signers did (`signerSignatures` of a document), a field
 * that declares `x-ilm.signer` counts only when its signer signed it and the document still says what
 * they signed; a name typed there by the writer is reported as such.
 */
export interface SignedPerClientParams {
  /** Template names, e.g. `["contract"]`. */
  documents: string[];
  /** What one such document is called, e.g. `contract`. */
  what: string;
  /** Its plural, when not `what` and an s. */
  plural?: string;
}

export const signedPerClient: CheckKind<SignedPerClientParams> = {
  compile({ documents, what, plural = `${what}s` }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole("signature", ids, `${at}/documents`);
    unit.requireSessions(at);
    return {
      reads: ids,
      run(context) {
        const clients = sessionClients(context);
        if (clients.length === 0) return notMet([`No clients with sessions are recorded, so no ${plural} can be matched to them.`]);
        const problems: string[] = [];
        const pointers: Pointer[] = [];
        for (const client of clients) {
          const found = forClient(context, ids, client);
          if (found.length === 0) {
            problems.push(`There is no ${what} for ${client}.`);
            continue;
          }
          const complete = found.find((d) => unsigned(d, what).length === 0);
          if (complete) {
            pointers.push(pointTo(complete));
            continue;
          }
          const first = found[0]!;
          for (const gap of unsigned(first, what)) {
            problems.push(`${client}'s ${what}: “${gap.title}” ${gap.problem}.`);
            pointers.push(pointTo(first, gap.path));
          }
        }
        if (problems.length > 0) return notMet(problems, pointers);
        const reasons = [`Every client's ${what} (${count(clients.length, what, plural)}) is signed and dated by every party.`];
        if (clients.some((client) => forClient(context, ids, client).some(bySigners))) reasons.push(`The signatures of the other parties were made by the signers themselves and match the ${what} as it is now.`);
        return met(reasons, pointers);
      },
    };
  },
};

/** Whether the document's signer signatures are known and some field is signed by its signer. */
function bySigners(known: KnownDocument): boolean {
  const made = known.document.signerSignatures;
  return made !== undefined && fieldsByRole(known.template).some((f) => f.role === "signature" && f.signer !== undefined && f.steps.length === 1 && made[f.steps[0]!]?.matching === true);
}

function unsigned(known: KnownDocument, what: string): Array<{ title: string; path: string; problem: string }> {
  const gaps: Array<{ title: string; path: string; problem: string }> = [];
  const made = known.document.signerSignatures;
  for (const field of fieldsByRole(known.template)) {
    if (field.role !== "signature" || field.steps.includes("*")) continue;
    const value = readAt(known.document.data, field.steps) as { name?: unknown; date?: unknown } | undefined;
    const path = `/${field.steps.join("/")}`;
    if (made !== undefined && field.signer !== undefined && field.steps.length === 1) {
      // Signed by someone other than the writer: only the signer's own signature counts.
      const signed = Object.hasOwn(made, field.steps[0]!) ? made[field.steps[0]!] : undefined;
      const real = signed !== undefined && isFilled(signed.name) && isIsoDate(signed.date);
      if (real && signed.matching) continue;
      if (real) gaps.push({ title: field.title, path, problem: `was signed by the ${field.signer} on ${signed.date}, but the ${what} changed after it was signed: the signature no longer matches` });
      else if (isFilled(value?.name)) gaps.push({ title: field.title, path, problem: `was typed in the learner's account, not signed by the ${field.signer} through a signing link` });
      else gaps.push({ title: field.title, path, problem: `is not signed by the ${field.signer}` });
      continue;
    }
    const named = isFilled(value?.name);
    const dated = isIsoDate(value?.date);
    if (!named && !dated) gaps.push({ title: field.title, path, problem: "is not signed" });
    else if (!named) gaps.push({ title: field.title, path, problem: "is dated but not signed" });
    else if (!dated) gaps.push({ title: field.title, path, problem: "is signed but not dated" });
  }
  return gaps;
}
