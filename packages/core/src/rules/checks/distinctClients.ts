import type { KnownDocument } from "../facts.ts";
import { awaitingApproval, count, documentsOf, met, notMet, templateIds, type CheckKind } from "./context.ts";

/**
 * `distinctClients`: the number of distinct clients with sessions lies in a range; one more than the
 * range allows (up to `exceptionalMax`) only with an exceptional-circumstances record for one of them.
 */
export interface DistinctClientsParams {
  range?: { min?: number; max?: number; exceptionalMax?: number };
  /** Template names of the centre's record that allows more clients, e.g. `["exceptional-circumstances"]`. */
  exceptionRecords?: string[];
  /**
   * Template names whose documents' client references are counted (e.g. `["team-coaching-log"]`), with
   * `what` naming those documents in the reasons (`team coaching logs`); the clients of the portfolio's
   * sessions when left out.
   */
  documents?: string[];
  /** What the documents are called, in the plural (with `documents`). */
  what?: string;
  /** What one client is called in the reasons (`team`); `client` when left out. Its plural adds an s. */
  noun?: string;
}

export const distinctClients: CheckKind<DistinctClientsParams> = {
  compile({ range = {}, exceptionRecords = [], documents, what = "documents", noun = "client" }, unit, at) {
    const only = documents === undefined ? undefined : templateIds(unit, documents, `${at}/documents`);
    if (only !== undefined) unit.requireRole("client-ref", only, `${at}/documents`);
    else unit.requireSessions(at);
    const records = templateIds(unit, exceptionRecords, `${at}/exceptionRecords`);
    return {
      reads: [...(only ?? [...unit.sessions.logs, ...unit.sessions.records]), ...records],
      run(context) {
        const { facts, unitName } = context;
        const clients = only === undefined ? facts.clients : clientsIn(documentsOf(context, only));
        const names = [...clients.values()];
        const n = names.length;
        const listed = n > 0 ? ` (${names.join(", ")})` : "";
        const stated = only === undefined ? `${count(n, noun)} had ${unit.sessions.activity} sessions${listed}` : `${count(n, noun)} ${n === 1 ? "appears" : "appear"} in the ${what}${listed}`;
        if (range.min !== undefined && n < range.min) return notMet([`${stated}; ${unitName} needs at least ${range.min}.`]);
        if (range.max === undefined || n <= range.max) {
          const span = range.max === undefined ? (range.min === undefined ? `sets no number of ${noun}s` : `needs ${range.min} or more`) : `needs ${range.min ?? 1} to ${range.max}`;
          return met([`${stated}; ${unitName} ${span}.`]);
        }
        const allowance = range.exceptionalMax;
        if (allowance === undefined || n > allowance) {
          return notMet([`${stated}; ${unitName} allows at most ${range.max}${allowance === undefined ? "" : ` (${allowance} with the centre's exceptional-circumstances record)`}.`]);
        }
        const found = documentsOf(context, records).filter((r) => r.clientKey !== undefined && clients.has(r.clientKey));
        if (found.length === 0) {
          const waiting = awaitingApproval(context, records).filter((r) => r.clientKey !== undefined && clients.has(r.clientKey));
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

/** The distinct clients of some documents (their own client reference), by key, as first written. */
function clientsIn(documents: KnownDocument[]): Map<string, string> {
  const clients = new Map<string, string>();
  for (const known of documents) if (known.clientKey !== undefined && known.client !== undefined && !clients.has(known.clientKey)) clients.set(known.clientKey, known.client);
  return clients;
}
