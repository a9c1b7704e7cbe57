import { AsyncLocalStorage } from "node:async_hooks";
import type BetterSqlite3 from "better-sqlite3";
import type { Pool, PoolClient } from "pg";
import type { Db } from "../client.ts";

/**
 * The two engines behind one API (decision 038). Every repository builds its queries with drizzle on
 * the SQLite table declarations and runs them through the functions here, which know the engine:
 * better-sqlite3 answers synchronously on one connection, node-postgres asynchronously from a pool.
 *
 * A write transaction is an async function on both. Its statements are found by the async context
 * they run in (AsyncLocalStorage), not by a handle passed down, so the repositories keep using `db`:
 * - SQLite: one connection per process, so a transaction holds it: write transactions are serialised
 *   by a per-connection queue, and every statement from outside the running transaction waits until
 *   it ends (it would otherwise run inside it, seeing or committing its half-done work).
 * - PostgreSQL: the transaction has its own pooled client; `db`'s client is a facade that sends a
 *   statement to the transaction's client when it runs inside one, to the pool otherwise.
 */
export type Engine = "sqlite" | "postgres";

/** What a transaction in progress keeps in its async context. */
export interface TransactionContext {
  state: EngineState;
  /** PostgreSQL: the client the transaction runs on. */
  client?: PoolClient;
  /** Nesting depth: savepoint names. */
  depth: number;
}

/**
 * SQLite: the write transaction in progress on a database file in this process, and a promise settled
 * when it ends. Shared by every connection of the process to the same file: a second connection's
 * BEGIN IMMEDIATE (or any write) would otherwise wait synchronously for the lock the first holds
 * across an await, blocking the very event loop that has to finish the first (a deadlock until
 * busy_timeout). Across processes, SQLite's own lock and busy_timeout serialise as before.
 */
export interface WriteLock {
  active?: { context: TransactionContext; done: Promise<void> };
}

/** Per database handle. */
export interface EngineState {
  engine: Engine;
  /** SQLite: the process's write lock of this file. */
  lock?: WriteLock;
  /** PostgreSQL: the pool. */
  pool?: Pool;
  /** SQLite: the connection. */
  sqlite?: BetterSqlite3.Database;
  /**
   * How many writes this process has committed through this handle (or started: counted before the
   * outcome is known, so a failed one counts too). A read scope's memoised version is kept only while
   * it is unchanged (`dataVersion`).
   */
  writes?: number;
  /**
   * SQLite: rows this connection changed by writes no read cache depends on (`runPreparedUnversioned`),
   * left out of the data version's `total_changes()`.
   */
  unversionedChanges?: number;
}

export const transactionContext = new AsyncLocalStorage<TransactionContext>();
const states = new WeakMap<object, EngineState>();

/** Registers a drizzle handle's engine (done by the openers in client.ts). */
export function registerEngine(db: object, state: EngineState): void {
  states.set(db, state);
}

/** The state of a handle opened by this package. */
export function engineState(db: Db): EngineState {
  const state = states.get(db);
  if (!state) throw new Error("@ilm-forms/db: this database handle was not opened by openDatabase or connectDatabase");
  return state;
}

/**
 * Which engine a handle runs on.
 *
 * @param db - the connection
 * @returns `sqlite` or `postgres`
 */
export function engineOf(db: Db): Engine {
  return engineState(db).engine;
}

/** True on PostgreSQL. */
export function isPostgres(db: Db): boolean {
  return engineState(db).engine === "postgres";
}

/** The transaction the caller runs in on this handle, if any. */
export function currentTransaction(db: Db): TransactionContext | undefined {
  const context = transactionContext.getStore();
  return context && context.state === states.get(db) ? context : undefined;
}

/**
 * Whether the caller runs inside a write transaction on this handle.
 *
 * @param db - the connection
 * @returns true inside `writeTransaction`
 */
export function inWriteTransaction(db: Db): boolean {
  return currentTransaction(db) !== undefined;
}

/**
 * PostgreSQL: drizzle wraps a driver error in "Failed query: <sql> params: <values>"; answer the
 * driver's own error (its message and SQLSTATE `code`), as better-sqlite3's errors reach callers.
 */
async function pgCall<T>(call: () => PromiseLike<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof Error ? cause : error;
  }
}

/** SQLite: waits while another async context's transaction holds the file (on this connection or another of this process). */
async function gate(state: EngineState): Promise<void> {
  const lock = state.lock!;
  while (lock.active && transactionContext.getStore() !== lock.active.context) await lock.active.done;
}

/** PostgreSQL: after a write outside a transaction, move the read caches' version on. */
async function bumpOutside(db: Db, state: EngineState): Promise<void> {
  if (!currentTransaction(db)) await state.pool!.query("select nextval('ilm_data_version')");
}

/**
 * Notes that a write was (or may have been) made through this handle: a read scope's memoised
 * version is read again after it (`dataVersion`). Called by every writing path, on both engines,
 * before the write and again after it commits, so a version memoised between the two is dropped too.
 *
 * @param state - the handle's state
 */
export function noteWrite(state: EngineState): void {
  state.writes = (state.writes ?? 0) + 1;
}

interface SqliteQuery<R> {
  all(): R[];
  get(): R | undefined;
  run(): { changes: number };
}

interface SqlitePrepared<R> {
  all(params?: Record<string, unknown>): R[];
  get(params?: Record<string, unknown>): R | undefined;
  run(params?: Record<string, unknown>): { changes: number };
}

type Rows<Q> = Q extends { all(...args: never[]): (infer R)[] } ? R : never;

/**
 * Runs a query and answers its rows (a select, or a write with `.returning()`).
 *
 * @param db - the connection
 * @param query - a drizzle query builder
 * @returns the rows
 */
export async function all<Q extends { all(...args: never[]): unknown[] }>(db: Db, query: Q): Promise<Rows<Q>[]> {
  const state = engineState(db);
  if (state.engine === "postgres") return (await pgCall(() => query as unknown as PromiseLike<Rows<Q>[]>)) as Rows<Q>[];
  await gate(state);
  return (query as unknown as SqliteQuery<Rows<Q>>).all();
}

/**
 * Runs a query and answers its first row.
 *
 * @param db - the connection
 * @param query - a drizzle query builder
 * @returns the first row, or undefined
 */
export async function get<Q extends { all(...args: never[]): unknown[] }>(db: Db, query: Q): Promise<Rows<Q> | undefined> {
  const state = engineState(db);
  if (state.engine === "postgres") return ((await pgCall(() => query as unknown as PromiseLike<Rows<Q>[]>)) as Rows<Q>[])[0];
  await gate(state);
  return (query as unknown as SqliteQuery<Rows<Q>>).get();
}

/**
 * Runs a write and answers how many rows it changed.
 *
 * @param db - the connection
 * @param query - a drizzle insert, update or delete
 * @returns the number of rows changed
 */
export async function run(db: Db, query: { run(...args: never[]): unknown }): Promise<number> {
  const state = engineState(db);
  if (state.engine === "postgres") {
    noteWrite(state);
    try {
      const result = (await pgCall(() => query as unknown as PromiseLike<{ rowCount: number | null }>)) as { rowCount: number | null };
      await bumpOutside(db, state);
      return result.rowCount ?? 0;
    } finally {
      noteWrite(state);
    }
  }
  await gate(state);
  noteWrite(state);
  return (query as unknown as SqliteQuery<unknown>).run().changes;
}

/**
 * Runs a prepared statement (from `prepared`) and answers its rows.
 *
 * @param db - the connection
 * @param statement - the prepared statement
 * @param params - its placeholders' values
 * @returns the rows
 */
export async function allPrepared<R>(db: Db, statement: { all(params?: never): R[] }, params: Record<string, unknown> = {}): Promise<R[]> {
  const state = engineState(db);
  if (state.engine === "postgres") return (await pgCall(() => (statement as unknown as { execute(p: unknown): Promise<R[]> }).execute(params))) as R[];
  await gate(state);
  return (statement as unknown as SqlitePrepared<R>).all(params);
}

/**
 * Runs a prepared statement and answers its first row.
 *
 * @param db - the connection
 * @param statement - the prepared statement
 * @param params - its placeholders' values
 * @returns the first row, or undefined
 */
export async function getPrepared<R>(db: Db, statement: { all(params?: never): R[] }, params: Record<string, unknown> = {}): Promise<R | undefined> {
  const state = engineState(db);
  if (state.engine === "postgres") return ((await pgCall(() => (statement as unknown as { execute(p: unknown): Promise<R[]> }).execute(params))) as R[])[0];
  await gate(state);
  return (statement as unknown as SqlitePrepared<R>).get(params);
}

/**
 * Runs a prepared write and answers how many rows it changed.
 *
 * @param db - the connection
 * @param statement - the prepared statement
 * @param params - its placeholders' values
 * @returns the number of rows changed
 */
export async function runPrepared(db: Db, statement: { run(params?: never): unknown }, params: Record<string, unknown> = {}): Promise<number> {
  const state = engineState(db);
  if (state.engine === "postgres") {
    noteWrite(state);
    try {
      const result = (await pgCall(() => (statement as unknown as { execute(p: unknown): Promise<{ rowCount: number | null }> }).execute(params))) as { rowCount: number | null };
      await bumpOutside(db, state);
      return result.rowCount ?? 0;
    } finally {
      noteWrite(state);
    }
  }
  await gate(state);
  noteWrite(state);
  return (statement as unknown as SqlitePrepared<unknown>).run(params).changes;
}

/**
 * Runs a prepared write that no read cache depends on (a session's last use, which only the session
 * look-up reads, and that uncached): it neither moves the data version on nor counts as a write for
 * read scopes, so it does not empty every read cache of every process once a minute per person
 * (decision 064). Never use it for a write any cached read could see. On SQLite another process's such
 * write still moves `PRAGMA data_version` (SQLite cannot tell which rows changed).
 *
 * @param db - the connection
 * @param statement - the prepared statement
 * @param params - its placeholders' values
 * @returns the number of rows changed
 */
export async function runPreparedUnversioned(db: Db, statement: { run(params?: never): unknown }, params: Record<string, unknown> = {}): Promise<number> {
  const state = engineState(db);
  if (state.engine === "postgres") {
    const result = (await pgCall(() => (statement as unknown as { execute(p: unknown): Promise<{ rowCount: number | null }> }).execute(params))) as { rowCount: number | null };
    return result.rowCount ?? 0;
  }
  await gate(state);
  const { changes } = (statement as unknown as SqlitePrepared<unknown>).run(params);
  state.unversionedChanges = (state.unversionedChanges ?? 0) + changes;
  return changes;
}

/**
 * Runs raw SQL text with positional parameters (`?` on SQLite, `$1` on PostgreSQL: write the SQL
 * for the engine) and answers its rows. For the few statements drizzle cannot build.
 *
 * @param db - the connection
 * @param text - the SQL
 * @param params - its parameters
 * @returns the rows
 */
export async function rawRows<R>(db: Db, text: string, params: unknown[] = []): Promise<R[]> {
  const state = engineState(db);
  if (state.engine === "postgres") {
    const context = currentTransaction(db);
    // Raw text may write: counted as a write (a read scope reads the version again after it).
    noteWrite(state);
    try {
      return (await (context?.client ?? state.pool!).query(text, params)).rows as R[];
    } finally {
      noteWrite(state);
    }
  }
  await gate(state);
  const statement = (db.$client as BetterSqlite3.Database).prepare(text);
  if (!statement.reader) noteWrite(state);
  return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as R[];
}

/** What a read scope keeps: per handle, the version it read and the handle's write count then. */
interface ReadScope {
  versions: WeakMap<EngineState, { writes: number; version: Promise<string> }>;
}

const readScope = new AsyncLocalStorage<ReadScope>();

/**
 * Runs `work` as one read scope (one HTTP request, say): within it `dataVersion` asks the database
 * once per handle and answers the same version again, until this process writes through the handle
 * (any write, in the scope or elsewhere in the process, makes the next `dataVersion` ask again). A
 * write committed by another process during the scope is seen by the next scope, not by the rest of
 * this one: the scope reads as of its first version read, as one page should.
 *
 * @param work - the scope's work
 * @returns what `work` answers
 */
export function withReadScope<T>(work: () => T): T {
  return readScope.run({ versions: new WeakMap() }, work);
}

/**
 * A number that changes whenever any connection, in this process or another, commits a write: a
 * cache of what was read may be reused while it stays the same. SQLite: `PRAGMA data_version` (other
 * connections) with `total_changes()` (this one). PostgreSQL: the sequence `ilm_data_version`, moved on
 * after every committed write by every process (decision 039). Inside `withReadScope`, read once per
 * scope and handle while this process writes nothing through it (decision 057).
 *
 * @param db - the connection
 * @returns the version, as text
 */
export async function dataVersion(db: Db): Promise<string> {
  const state = engineState(db);
  const scope = readScope.getStore();
  if (!scope) return readDataVersion(db, state);
  const writes = state.writes ?? 0;
  const memo = scope.versions.get(state);
  if (memo && memo.writes === writes) return memo.version;
  const version = readDataVersion(db, state);
  scope.versions.set(state, { writes, version });
  // A failed read is not kept: the next call asks again.
  version.catch(() => {
    if (scope.versions.get(state)?.version === version) scope.versions.delete(state);
  });
  return version;
}

async function readDataVersion(db: Db, state: EngineState): Promise<string> {
  if (state.engine === "postgres") {
    const { rows } = await state.pool!.query<{ v: string }>("select last_value::text as v from ilm_data_version");
    return rows[0]!.v;
  }
  await gate(state);
  const sqlite = db.$client as BetterSqlite3.Database;
  const changes = (sqlite.prepare("select total_changes()").pluck().get() as number) - (state.unversionedChanges ?? 0);
  return `${sqlite.pragma("data_version", { simple: true }) as number}:${changes}`;
}
