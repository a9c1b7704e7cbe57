import type BetterSqlite3 from "better-sqlite3";
import type { Db } from "../client.ts";
import { currentTransaction, engineState, noteWrite, transactionContext, type EngineState, type TransactionContext } from "./engine.ts";

/**
 * The key of the PostgreSQL advisory lock every write transaction takes first (an arbitrary 64-bit
 * number: "ilm-forms" in ASCII, cut to fit). Decision 039.
 */
export const WRITE_LOCK_KEY = "7596778403937627506";

/**
 * Runs `write` in a write transaction that holds the database's write lock from its first statement,
 * so the optimistic-lock check, the change and the audit entry (which reads the chain's head) see one
 * consistent database even with other connections or processes writing:
 * - SQLite: `BEGIN IMMEDIATE` on the connection; the process's other statements on that file wait for it
 *   (engine.ts), other processes wait in SQLite's lock (busy_timeout).
 * - PostgreSQL: a pooled client, `BEGIN` and a transaction-level advisory lock shared by every
 *   process (`pg_advisory_xact_lock`), released by COMMIT or ROLLBACK. Write transactions are thus
 *   serialised across processes as SQLite serialises them, and the audit chain stays linear.
 * Any exception rolls everything back. Inside `write`, use `db` as usual: its statements run in the
 * transaction (see engine.ts). Nested calls become savepoints.
 *
 * @param db - the connection
 * @param write - the work; its (awaited) return value is returned
 * @returns what `write` returned
 */
export async function writeTransaction<T>(db: Db, write: () => T | Promise<T>): Promise<T> {
  const state = engineState(db);
  const outer = currentTransaction(db);
  if (outer) return savepoint(outer, write);
  // Before and after: a read scope's version memoised while the transaction runs is read again after it.
  noteWrite(state);
  try {
    return await outermost(db, state, write, true);
  } finally {
    noteWrite(state);
  }
}

/**
 * A write transaction, under the same write lock, whose rows no read cache depends on (a rate
 * limit's counts, which only the limit itself reads, and uncached): it neither moves the data
 * version on nor counts as a write for read scopes, so counting requests does not empty every read
 * cache of every process on each request (decision 072). Never use it for a write any cached read
 * could see. Inside another write transaction it is a savepoint of that one (which moves the version
 * on as usual). On SQLite another process's such write still moves `PRAGMA data_version`.
 *
 * @param db - the connection
 * @param write - the work; its (awaited) return value is returned
 * @returns what `write` returned
 */
export async function unversionedWriteTransaction<T>(db: Db, write: () => T | Promise<T>): Promise<T> {
  const state = engineState(db);
  const outer = currentTransaction(db);
  if (outer) return savepoint(outer, write);
  return outermost(db, state, write, false);
}

async function outermost<T>(db: Db, state: EngineState, write: () => T | Promise<T>, versioned: boolean): Promise<T> {
  if (state.engine === "postgres") {
    const client = await state.pool!.connect();
    let broken: Error | undefined;
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock($1)", [WRITE_LOCK_KEY]);
      const context: TransactionContext = { state, client, depth: 0 };
      const result = await transactionContext.run(context, write);
      await client.query("commit");
      // After the commit, never before: a reader that sees the new version also sees the new rows.
      if (versioned) await client.query("select nextval('ilm_data_version')");
      return result;
    } catch (error) {
      try {
        await client.query("rollback");
      } catch (rollbackError) {
        broken = rollbackError as Error;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }
  const lock = state.lock!;
  while (lock.active) await lock.active.done;
  let end!: () => void;
  const context: TransactionContext = { state, depth: 0 };
  lock.active = { context, done: new Promise<void>((resolve) => (end = resolve)) };
  const sqlite = db.$client as BetterSqlite3.Database;
  // Unversioned: the rows this transaction changes (committed or not) are left out of the version's
  // total_changes(); the write lock keeps every other statement of this connection out meanwhile.
  const totalChanges = () => sqlite.prepare("select total_changes()").pluck().get() as number;
  const changesBefore = versioned ? 0 : totalChanges();
  try {
    return await transactionContext.run(context, async () => {
      sqlite.exec("begin immediate");
      try {
        const result = await write();
        sqlite.exec("commit");
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("rollback");
        throw error;
      }
    });
  } finally {
    if (!versioned) state.unversionedChanges = (state.unversionedChanges ?? 0) + totalChanges() - changesBefore;
    lock.active = undefined;
    end();
  }
}

async function savepoint<T>(context: TransactionContext, write: () => T | Promise<T>): Promise<T> {
  const name = `s${++context.depth}`;
  const exec = async (text: string) => {
    if (context.client) await context.client.query(text);
    else context.state.sqlite!.exec(text);
  };
  await exec(`savepoint ${name}`);
  try {
    const result = await write();
    await exec(`release savepoint ${name}`);
    return result;
  } catch (error) {
    await exec(`rollback to savepoint ${name}`);
    await exec(`release savepoint ${name}`);
    throw error;
  } finally {
    context.depth--;
  }
}
