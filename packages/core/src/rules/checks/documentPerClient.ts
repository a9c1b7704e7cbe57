import { count, forClient, listOf, met, notMet, pointTo, documentsOf, sessionClients, templateIds, type CheckKind } from "./context.ts";

/** `documentPerClient`: every client with sessions has at least one document of the given templates. */
export interface DocumentPerClientParams {
  /** Template names, e.g. `["programme-plan"]`. */
  documents: string[];
  /** What one such document is called in reasons, e.g. `programme plan`. */
  what: string;
}

export const documentPerClient: CheckKind<DocumentPerClientParams> = {
  compile({ documents, what }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireSessions(at);
    return {
      reads: ids,
      run(context) {
        const clients = sessionClients(context);
        if (clients.length === 0) return notMet([`No clients with sessions are recorded, so no ${what} can be matched to them.`]);
        const missing = clients.filter((client) => forClient(context, ids, client).length === 0);
        const found = documentsOf(context, ids).map((known) => pointTo(known));
        if (missing.length > 0) return notMet([`There is no ${what} for ${listOf(missing)}.`], found);
        return met([`Every client (${count(clients.length, "client")}) has a ${what}.`], found);
      },
    };
  },
};
