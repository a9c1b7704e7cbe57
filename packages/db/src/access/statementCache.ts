import type { Db } from "../client.ts";

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * One prepared statement per database connection and key, built on first use: the hot paths
 * pay for SQL generation and sqlite3_prepare once per connection, not once per call.
 *
 * @param db - the connection the statement belongs to
 * @param key - names the statement (and its variant, e.g. the caller's reach)
 * @param build - builds the prepared statement
 * @returns the cached statement
 */
export function prepared<T>(db: Db, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    cache.set(key, statement);
  }
  return statement;
}
