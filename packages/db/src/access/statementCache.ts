import { createHash } from "node:crypto";
import type { Db } from "../client.ts";
import { isPostgres } from "./engine.ts";

const caches = new WeakMap<Db, Map<string, unknown>>();

/** What `.prepare()` answers for a query built by `build`. */
type Prepared<Q> = Q extends { prepare(...args: never[]): infer P } ? P : never;

/**
 * One prepared statement per database connection and key, built on first use: the hot paths
 * pay for SQL generation (and, on SQLite, sqlite3_prepare) once per connection, not once per call.
 * On PostgreSQL the statement is a named one (the name derived from the key), which node-postgres
 * parses once per pooled client. Run it with `allPrepared`, `getPrepared` or `runPrepared`.
 *
 * @param db - the connection the statement belongs to
 * @param key - names the statement (and its variant, e.g. the caller's reach)
 * @param build - builds the query (not yet prepared)
 * @returns the cached prepared statement
 */
export function prepared<Q extends { prepare(...args: never[]): unknown }>(db: Db, key: string, build: () => Q): Prepared<Q> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(key) as Prepared<Q> | undefined;
  if (statement === undefined) {
    const query = build() as unknown as { prepare(name?: string): Prepared<Q> };
    statement = isPostgres(db) ? query.prepare(`ilm_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`) : query.prepare();
    cache.set(key, statement);
  }
  return statement;
}
