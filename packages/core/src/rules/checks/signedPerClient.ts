import { fieldsByRole } from "../../roles/fieldsByRole.ts";
import type { KnownDocument } from "../facts.ts";
import { isIsoDate } from "../isoDate.ts";
import type { Pointer } from "../types.ts";
import { count, forClient, isFilled, met, notMet, pointTo, readAt, sessionClients, templateIds, type CheckKind } from "./context.ts";

/** `signedPerClient`: every client has a document whose every signature field is signed with a name and a date. */
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
          const complete = found.find((d) => unsigned(d).length === 0);
          if (complete) {
            pointers.push(pointTo(complete));
            continue;
          }
          const first = found[0]!;
          for (const gap of unsigned(first)) {
            problems.push(`${client}'s ${what}: “${gap.title}” ${gap.problem}.`);
            pointers.push(pointTo(first, gap.path));
          }
        }
        if (problems.length > 0) return notMet(problems, pointers);
        return met([`Every client's ${what} (${count(clients.length, what, plural)}) is signed and dated by every party.`], pointers);
      },
    };
  },
};

function unsigned(known: KnownDocument): Array<{ title: string; path: string; problem: string }> {
  const gaps: Array<{ title: string; path: string; problem: string }> = [];
  for (const field of fieldsByRole(known.template)) {
    if (field.role !== "signature" || field.steps.includes("*")) continue;
    const value = readAt(known.document.data, field.steps) as { name?: unknown; date?: unknown } | undefined;
    const path = `/${field.steps.join("/")}`;
    const named = isFilled(value?.name);
    const dated = isIsoDate(value?.date);
    if (!named && !dated) gaps.push({ title: field.title, path, problem: "is not signed" });
    else if (!named) gaps.push({ title: field.title, path, problem: "is dated but not signed" });
    else if (!dated) gaps.push({ title: field.title, path, problem: "is signed but not dated" });
  }
  return gaps;
}
