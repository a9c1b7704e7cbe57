import { countValuesIn, fieldsByRole } from "../fieldsByRole.ts";
import type { EvidenceKind } from "../evidenceSources.ts";
import type { Pointer } from "../types.ts";
import { count, forClient, isFilled, listOf, met, notMet, pointTo, readAt, sessionClients, type Check, type CheckContext } from "./context.ts";
import { isIsoDate } from "../isoDate.ts";

const isObject = (value: unknown): boolean => value !== null && typeof value === "object";

/** Every client with sessions has at least one document of a kind. */
function everyClientHas(kind: EvidenceKind, what: string): Check {
  return {
    reads: [kind],
    run(context) {
      const clients = sessionClients(context);
      if (clients.length === 0) return notMet([`No clients with sessions are recorded, so no ${what} can be matched to them.`]);
      const missing = clients.filter((client) => forClient(context, kind, client).length === 0);
      const found = (context.facts.byKind.get(kind) ?? []).map((known) => pointTo(known));
      if (missing.length > 0) return notMet([`There is no ${what} for ${listOf(missing)}.`], found);
      return met([`Every client (${count(clients.length, "client")}) has a ${what}.`], found);
    },
  };
}

export const programmePlans = everyClientHas("programmePlan", "programme plan");
export const clientFeedback = everyClientHas("clientFeedback", "feedback form from the client");

/** At least the unit's number of development needs for every client. */
export const developmentNeeds: Check = {
  reads: ["developmentNeeds"],
  run(context) {
    const { unitName } = context;
    const clients = sessionClients(context);
    if (clients.length === 0) return notMet(["No clients with sessions are recorded, so no development needs can be matched to them."]);
    const needed = context.thresholds.developmentNeedsPerClient;
    const pointers: Pointer[] = [];
    const counts = clients.map((client) => {
      const documents = forClient(context, "developmentNeeds", client);
      documents.forEach((d) => pointers.push(pointTo(d)));
      let needs = 0;
      for (const d of documents) needs += countValuesIn(d.readers, d.document.data, "development-need", isObject);
      return { client, needs };
    });
    const short = counts.filter((c) => c.needs < (needed ?? 1));
    const stated = counts.map((c) => `${c.client}: ${c.needs}`).join("; ");
    const rule = needed === undefined ? `${unitName} sets no number, but every client needs at least one` : `${unitName} needs at least ${needed} for every client`;
    if (short.length > 0) return notMet([`Development needs recorded (${stated}); ${rule}: ${listOf(short.map((c) => c.client))} ${short.length === 1 ? "falls" : "fall"} short.`], pointers);
    return met([`Development needs recorded (${stated}); ${rule}.`], pointers);
  },
};

/** A contract for every client, with every signature on it given with a name and a date. */
export const contracts: Check = {
  reads: ["contract"],
  run(context) {
    const clients = sessionClients(context);
    if (clients.length === 0) return notMet(["No clients with sessions are recorded, so no contracts can be matched to them."]);
    const problems: string[] = [];
    const pointers: Pointer[] = [];
    for (const client of clients) {
      const documents = forClient(context, "contract", client);
      if (documents.length === 0) {
        problems.push(`There is no contract for ${client}.`);
        continue;
      }
      const complete = documents.find((d) => unsigned(context, d).length === 0);
      if (complete) {
        pointers.push(pointTo(complete));
        continue;
      }
      const contract = documents[0]!;
      for (const gap of unsigned(context, contract)) {
        problems.push(`${client}'s contract: “${gap.title}” ${gap.problem}.`);
        pointers.push(pointTo(contract, gap.path));
      }
    }
    if (problems.length > 0) return notMet(problems, pointers);
    return met([`Every client's contract (${count(clients.length, "contract")}) is signed and dated by every party.`], pointers);
  },
};

function unsigned(_context: CheckContext, contract: { template: Parameters<typeof fieldsByRole>[0]; document: { data: unknown } }): Array<{ title: string; path: string; problem: string }> {
  const gaps: Array<{ title: string; path: string; problem: string }> = [];
  for (const field of fieldsByRole(contract.template)) {
    if (field.role !== "signature" || field.steps.includes("*")) continue;
    const value = readAt(contract.document.data, field.steps) as { name?: unknown; date?: unknown } | undefined;
    const path = `/${field.steps.join("/")}`;
    const named = isFilled(value?.name);
    const dated = isIsoDate(value?.date);
    if (!named && !dated) gaps.push({ title: field.title, path, problem: "is not signed" });
    else if (!named) gaps.push({ title: field.title, path, problem: "is dated but not signed" });
    else if (!dated) gaps.push({ title: field.title, path, problem: "is signed but not dated" });
  }
  return gaps;
}
