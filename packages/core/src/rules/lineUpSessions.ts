import { clientKey } from "./clientKey.ts";
import type { KnownDocument, PortfolioFacts, Session } from "./facts.ts";
import { RowGatherer, prefixOf, type Row } from "./sessionRows.ts";

/**
 * Sessions by client key, then by session number (or `d` and the date when there is none); and by
 * client key then date. Two levels of map instead of one joined string key: nothing is joined.
 */
class SessionIndex {
  private readonly byClient = new Map<string, Map<number | string, Session>>();
  get(clientKey: string, key: number | string): Session | undefined {
    return this.byClient.get(clientKey)?.get(key);
  }
  has(clientKey: string, key: number | string): boolean {
    return this.byClient.get(clientKey)?.has(key) ?? false;
  }
  set(clientKey: string, key: number | string, session: Session): void {
    let sessions = this.byClient.get(clientKey);
    if (!sessions) this.byClient.set(clientKey, (sessions = new Map()));
    sessions.set(key, session);
  }
}

/**
 * Lines up the sessions of the logs (a row each, its client the row's own or the log's) with the
 * session records (matched by client and session number, or date), noting where their hours disagree;
 * a record with no row in a log is a session too. Fills `facts.sessions`, `facts.clients` and
 * `facts.disagreements`.
 *
 * @param facts - the portfolio's facts, sessions not yet read
 * @param logs - the documents that log sessions
 * @param records - the documents that record one session each
 * @param keys - client keys already worked out, by reference as written (added to)
 * @param remember - keep each document's rows in its memo (an incremental checker)
 */
export function lineUpSessions(facts: PortfolioFacts, logs: KnownDocument[], records: KnownDocument[], keys: Map<string, string>, remember = false): void {
  // A session number is an integer, so it never equals a `d…` key; as a map key it stands for its decimal text.
  const sessionKey = (row: { sessionNo?: number; date?: string }): number | string => row.sessionNo ?? `d${row.date}`;
  const byKey = new SessionIndex();
  const byDate = new SessionIndex();
  const gatherer = new RowGatherer();
  for (const log of logs) {
    for (const row of remember ? (log.memo.rows ??= gatherer.rowsOf(log)) : gatherer.rowsOf(log)) {
      if (row.date === undefined && row.sessionNo === undefined && row.minutes === undefined) continue;
      // The row's own client (a diary of many clients), else the document's.
      const client = row.client ?? log.client;
      if (!client) continue;
      let clientKeyOf = client === log.client ? log.clientKey : keys.get(client);
      if (clientKeyOf === undefined) keys.set(client, (clientKeyOf = clientKey(client)));
      const logRow = { pointer: { document: log.document.id, path: row.hoursPath ?? prefixOf(row) }, minutes: row.minutes };
      const session: Session = { client, clientKey: clientKeyOf, sessionNo: row.sessionNo, date: row.date, minutes: row.minutes ?? 0, log: logRow, record: undefined };
      const key = sessionKey(row);
      if (byKey.has(clientKeyOf, key)) continue;
      byKey.set(clientKeyOf, key, session);
      if (row.date) byDate.set(clientKeyOf, row.date, session);
      facts.sessions.push(session);
    }
  }
  for (const record of records) {
    if (!record.client || record.clientKey === undefined) continue;
    const row: Partial<Row> = (remember ? (record.memo.rows ??= gatherer.rowsOf(record)) : gatherer.rowsOf(record))[0] ?? {};
    const pointer = { document: record.document.id, path: row.hoursPath };
    const session = byKey.get(record.clientKey, sessionKey(row)) ?? (row.date ? byDate.get(record.clientKey, row.date) : undefined);
    if (session && !session.record) {
      session.record = { pointer, minutes: row.minutes };
      if (session.log?.minutes === undefined && row.minutes !== undefined) session.minutes = row.minutes;
      // Under half a minute apart is the same length (0.83 hours logged, 50 minutes recorded).
      if (session.log?.minutes !== undefined && row.minutes !== undefined && Math.abs(session.log.minutes - row.minutes) > 0.3) {
        facts.disagreements.push({
          client: session.client,
          sessionNo: session.sessionNo,
          date: session.date,
          logHours: session.log.minutes / 60,
          recordHours: row.minutes / 60,
          pointers: [session.log.pointer, pointer],
        });
      }
      continue;
    }
    const own: Session = { client: record.client, clientKey: record.clientKey, sessionNo: row.sessionNo, date: row.date, minutes: row.minutes ?? 0, log: undefined, record: { pointer, minutes: row.minutes } };
    byKey.set(record.clientKey, sessionKey(row), own);
    facts.sessions.push(own);
  }
  for (const session of facts.sessions) if (!facts.clients.has(session.clientKey)) facts.clients.set(session.clientKey, session.client);
}
