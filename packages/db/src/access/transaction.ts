import type { Db } from "../client.ts";

/**
 * Runs `write` in a `BEGIN IMMEDIATE` transaction: the write lock is taken before anything is
 * read, so the optimistic-lock check, the change and the audit entry (which reads the chain's
 * head) see one consistent database even with other connections or processes writing.
 * Any exception rolls everything back. Inside `write`, use `db` as usual: better-sqlite3 has one
 * connection, so every statement on it belongs to the transaction. Nested calls become savepoints.
 *
 * @param db - the connection
 * @param write - the work (synchronous); its return value is returned
 * @returns what `write` returned
 */
export function writeTransaction<T>(db: Db, write: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction) return sqlite.transaction(write)();
  return sqlite.transaction(write).immediate();
}
