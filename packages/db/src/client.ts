import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import * as schema from "./schema/index.ts";

/** The drizzle database every function of this package takes. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** What {@link openDatabase} returns. */
export interface OpenDatabase {
  /** drizzle over the connection: pass it to every repository function. */
  db: Db;
  /** The better-sqlite3 connection itself (for `.backup()`, `pragma`, raw statements). */
  sqlite: Database.Database;
  /** Closes the connection (checkpointing the WAL when it is the last one). */
  close(): void;
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** How long a writer waits for another connection's lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
  /** Open read-only (no migrations, no journal-mode change). */
  readonly?: boolean;
}

// dist/client.js and src/client.ts are both one level below the package: ../drizzle is the same.
const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

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
  const sqlite = new Database(path, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly) {
      // ":memory:" answers "memory": WAL needs a file. That is expected, not an error.
      sqlite.pragma("journal_mode = WAL");
    }
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema });
    if (!options.readonly && options.migrate !== false) migrate(db, { migrationsFolder });
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
