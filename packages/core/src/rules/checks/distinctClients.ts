import { awaitingApproval, count, documentsOf, met, notMet, templateIds, type CheckKind } from "./context.ts";

/**
 * `distinctClients`: the number of distinct clients with sessions lies in a range; one more than the
 * range allows (up to `exceptionalMax`) only with an exceptional-circumstances record for one of them.
 */
export interface DistinctClientsParams {
  range?: { min?: number; max?: number; exceptionalMax?: number };
  /** Template names of the centre's record that allows more clients, e.g. `["exceptional-circumstances"]`. */
  exceptionRecords?: string[];
}

export const distinctClients: CheckKind<DistinctClientsParams> = {
  compile({ range = {}, exceptionRecords = [] }, unit, at) {
    unit.requireSessions(at);
    const records = templateIds(unit, exceptionRecords, `${at}/exceptionRecords`);
    return {
      reads: [...unit.sessions.logs, ...unit.sessions.records, ...records],
      run(context) {
        const { facts, unitName } = context;
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
        const found = documentsOf(context, records).filter((r) => r.clientKey !== undefined && facts.clients.has(r.clientKey));
        if (found.length === 0) {
          const waiting = awaitingApproval(context, records).filter((r) => r.clientKey !== undefined && facts.clients.has(r.clientKey));
          if (waiting.length) {
            return notMet(
              [`${stated}; ${unitName} allows at most ${range.max}, or ${allowance} only with the centre's exceptional-circumstances record; the record for ${waiting.map((r) => r.client).join(", ")} is not yet approved by the centre.`],
              waiting.map((r) => ({ document: r.document.id })),
            );
          }
          return notMet([`${stated}; ${unitName} allows at most ${range.max}, or ${allowance} only with the centre's exceptional-circumstances record, and there is no such record for any of these clients.`]);
        }
        return met(
          [`${stated}; ${unitName} allows at most ${range.max}, and the centre's exceptional-circumstances record covers ${found.map((r) => r.client).join(", ")}.`],
          found.map((r) => ({ document: r.document.id })),
        );
      },
    };
  },
};
