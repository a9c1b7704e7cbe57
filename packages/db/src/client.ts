import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { fileURLToPath } from "node:url";
import * as schema from "./schema/index.ts";
import { resolve } from "node:path";
import { registerEngine, transactionContext, type Engine, type EngineState, type WriteLock } from "./access/engine.ts";

/** SQLite: one write lock per database file per process (see WriteLock). */
const writeLocks = new Map<string, WriteLock>();

function writeLockOf(path: string): WriteLock {
  if (path === ":memory:" || path === "") return {};
  const key = resolve(path);
  let lock = writeLocks.get(key);
  if (!lock) writeLocks.set(key, (lock = {}));
  return lock;
}

/**
 * The drizzle database every function of this package takes. It is typed as drizzle's SQLite
 * database (the tables are declared once, for SQLite: decision 038); on PostgreSQL it is drizzle's
 * node-postgres database over the same tables. Run queries through the functions of
 * access/engine.ts (`all`, `get`, `run`), never with `.all()`/`.get()`/`.run()` directly.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: unknown };

/** What {@link openDatabase} and {@link connectDatabase} return. */
export interface OpenDatabase {
  /** drizzle over the connection: pass it to every repository function. */
  db: Db;
  /** Which engine. */
  engine: Engine;
  /** SQLite only: the better-sqlite3 connection itself (for `.backup()`, `pragma`, raw statements). */
  sqlite: Database.Database;
  /** PostgreSQL only: the node-postgres pool. */
  pool?: pg.Pool;
  /** Closes the connection (SQLite: checkpointing the WAL when it is the last one; PostgreSQL: ends the pool). */
  close(): Promise<void> | void;
}

/** Options of {@link openDatabase} and {@link connectDatabase}. */
export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** SQLite: how long a writer waits for another connection's lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
  /** SQLite: open read-only (no migrations, no journal-mode change). */
  readonly?: boolean;
  /** PostgreSQL: the pool's size (default `DATABASE_POOL_SIZE` or 10). */
  poolSize?: number;
}

// dist/client.js and src/client.ts are both one level below the package: ../drizzle is the same.
const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
const pgMigrationsFolder = fileURLToPath(new URL("../drizzle-pg", import.meta.url));

/**
 * Whether a database target names PostgreSQL (`postgres://…` or `postgresql://…`).
 *
 * @param target - a URL or a SQLite file path
 * @returns true for a PostgreSQL URL
 */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens (creating when missing) a SQLite database, sets the durability PRAGMAs and applies the
 * committed migrations. WAL with `synchronous = FULL`: a write that returned has been fsynced, so
 * it survives a crash or power loss.
 *
 * @param path - a file path, or `":memory:"`
 * @param options - see {@link OpenOptions}
 * @returns `{ db, sqlite, close }`
 */
export function openDatabase(path: string, options: OpenOptions = {}): OpenDatabase {
  if (isPostgresUrl(path)) throw new Error("openDatabase opens SQLite files: use connectDatabase for a PostgreSQL URL");
  const sqlite = new Database(path, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly) {
      // ":memory:" answers "memory": WAL needs a file. That is expected, not an error.
      sqlite.pragma("journal_mode = WAL");
    }
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema }) as unknown as Db;
    registerEngine(db, { engine: "sqlite", sqlite, lock: writeLockOf(path) });
    if (!options.readonly && options.migrate !== false) migrate(db as BetterSQLite3Database<typeof schema>, { migrationsFolder });
    return { db, engine: "sqlite", sqlite, close: () => void sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Connects to the database a target names: a PostgreSQL URL (`postgres://…`) opens a pool on it,
 * anything else is a SQLite file opened with {@link openDatabase}. Pending migrations of that
 * engine are applied (on PostgreSQL under an advisory lock, so processes starting together apply
 * them once).
 *
 * @param target - `DATABASE_URL`, or a SQLite path
 * @param options - see {@link OpenOptions}
 * @returns the open database
 */
export async function connectDatabase(target: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  if (!isPostgresUrl(target)) return openDatabase(target, options);
  const pool = new pg.Pool({ connectionString: target, max: options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10) });
  // A client that dropped while idle must not take the process down: the pool replaces it.
  pool.on("error", () => {});
  const state: EngineState = { engine: "postgres", pool };
  // The client drizzle sends every statement to: the running transaction's client, else the pool.
  const facade = {
    query: (...args: unknown[]) => {
      const context = transactionContext.getStore();
      const target = context && context.state === state ? context.client! : pool;
      return (target.query as (...a: unknown[]) => unknown)(...args);
    },
  };
  const db = drizzlePg({ client: facade as unknown as pg.Pool, schema }) as unknown as Db;
  registerEngine(db, state);
  try {
    if (options.migrate !== false) {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock(7596778403937627507)");
        try {
          await migratePg(drizzlePg({ client }), { migrationsFolder: pgMigrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock(7596778403937627507)");
        }
      } finally {
        client.release();
      }
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const noSqlite = new Proxy({} as Database.Database, {
    get: () => {
      throw new Error("this database is PostgreSQL: it has no SQLite connection");
    },
  });
  return { db, engine: "postgres", sqlite: noSqlite, pool, close: () => pool.end() };
}
