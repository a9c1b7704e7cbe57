import type { KnownDocument, Session } from "./facts.ts";

/** Whether two lists hold the very same remembered documents, in the same order. */
export function sameDocuments(a: readonly KnownDocument[], b: readonly KnownDocument[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two lists of sessions are the same in every figure a check reads (client, number, date, minutes, where logged and recorded). */
export function sameSessions(a: readonly Session[], b: readonly Session[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.client !== y.client || x.clientKey !== y.clientKey || x.sessionNo !== y.sessionNo || x.date !== y.date || x.minutes !== y.minutes) return false;
    if (x.log?.pointer.document !== y.log?.pointer.document || x.log?.pointer.path !== y.log?.pointer.path || x.log?.minutes !== y.log?.minutes) return false;
    if (x.record?.pointer.document !== y.record?.pointer.document || x.record?.pointer.path !== y.record?.pointer.path || x.record?.minutes !== y.record?.minutes) return false;
  }
  return true;
}
