import type { FieldRole } from "../../registry/types.ts";
import { countValuesIn } from "../../roles/fieldsByRole.ts";
import type { Pointer } from "../types.ts";
import { capitalised, forClient, listOf, met, notMet, pointTo, sessionClients, templateIds, type CheckKind } from "./context.ts";

/** `countPerClient`: every client with sessions has at least N entries of a role in their documents. */
export interface CountPerClientParams {
  /** Template names, e.g. `["development-needs"]`. */
  documents: string[];
  /** The role of the entries counted (objects: a row or a group of fields), e.g. `development-need`. */
  role: FieldRole;
  /** The least number per client; when left out, at least one. */
  atLeast?: number;
  /** What the entries are called, in the plural, e.g. `development needs`. */
  what: string;
}

const isObject = (value: unknown): boolean => value !== null && typeof value === "object";

export const countPerClient: CheckKind<CountPerClientParams> = {
  compile({ documents, role, atLeast: needed, what }, unit, at) {
    const ids = templateIds(unit, documents, `${at}/documents`);
    unit.requireRole(role, ids, `${at}/role`);
    unit.requireSessions(at);
    return {
      reads: ids,
      run(context) {
        const { unitName } = context;
        const clients = sessionClients(context);
        if (clients.length === 0) return notMet([`No clients with sessions are recorded, so no ${what} can be matched to them.`]);
        const pointers: Pointer[] = [];
        const counts = clients.map((client) => {
          const found = forClient(context, ids, client);
          found.forEach((d) => pointers.push(pointTo(d)));
          let entries = 0;
          for (const d of found) entries += countValuesIn(d.readers, d.document.data, role, isObject);
          return { client, entries };
        });
        const short = counts.filter((c) => c.entries < (needed ?? 1));
        const stated = counts.map((c) => `${c.client}: ${c.entries}`).join("; ");
        const rule = needed === undefined ? `${unitName} sets no number, but every client needs at least one` : `${unitName} needs at least ${needed} for every client`;
        if (short.length > 0) return notMet([`${capitalised(what)} recorded (${stated}); ${rule}: ${listOf(short.map((c) => c.client))} ${short.length === 1 ? "falls" : "fall"} short.`], pointers);
        return met([`${capitalised(what)} recorded (${stated}); ${rule}.`], pointers);
      },
    };
  },
};
