import { dataVersion, type Db } from "@ilm-forms/db";

/**
 * Names the state of the database: two equal answers mean nothing was committed in between, by this
 * process or another. On SQLite, `total_changes()` of this connection with `data_version` (any other
 * connection's commits: the `ilm-db` command, a second server); on PostgreSQL, a sequence every
 * process moves on after each write it commits (decision 039), so a second dashboard process's write
 * invalidates this one's cache at its next read.
 *
 * @param db - the connection
 * @returns the generation, e.g. `"1843:7"`
 */
export async function databaseGeneration(db: Db): Promise<string> {
  return (await dataVersion(db));
}

/** Answers of reads, each kept with the database generation it was read at. */
export interface ReadCache<T> {
  /**
   * The answer read at the current generation, or a fresh one (`read()` is called, and its answer
   * kept) when anything was written since.
   *
   * @param db - the connection
   * @param key - names the read and everything it depends on besides the database (the caller's scope, ids)
   * @param read - reads the answer; it must depend on nothing but the database and `key` (not the time)
   * @returns the answer
   */
  get(db: Db, key: string, read: () => Promise<T> | T): Promise<T>;
}

/**
 * A cache for reads that depend on nothing but the database and their arguments (a learner's
 * record, their centre's name, what their documents show). Answers are reused only while the
 * database generation is unchanged: the first call after any write, by anyone, drops every answer
 * kept, so nothing stale is ever answered or held. It spares the queries of pages shown again and
 * again while nothing changes; it does not stand in for checks that depend on the time (a
 * session's expiry), which are made on every request.
 *
 * @param size - how many answers to keep per connection (the least recently used go first)
 * @returns the cache
 */
export function createReadCache<T extends object>(size: number): ReadCache<T> {
  const byConnection = new WeakMap<Db, { generation: string; entries: RecentlyUsed<T> }>();
  return {
    async get(db, key, read) {
      // Read the generation before reading the data: a commit in between only makes the next call read again.
      const generation = await databaseGeneration(db);
      let state = byConnection.get(db);
      if (!state || state.generation !== generation) {
        state = { generation, entries: new RecentlyUsed(size) };
        byConnection.set(db, state);
      }
      let value = state.entries.get(key);
      if (value === undefined) {
        value = await read();
        // Keep it only if no newer generation replaced the state while reading.
        if (byConnection.get(db) === state) state.entries.set(key, value);
      }
      return value;
    },
  };
}

/** A map that keeps only the `size` most recently used answers (the least recently used go first). */
export class RecentlyUsed<V extends object> {
  /** Oldest first: a Map keeps insertion order, and a hit is moved to the end. */
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}

  /** The answer kept under `key` (now the most recently used), or `undefined`. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Keeps an answer, dropping the least recently used one when there are more than `size`. */
  set(key: string, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The part of a cache key that names the caller: who they are, their centre and role. Reads that
 * depend on what the caller may see must carry it.
 *
 * @param scope - the caller's scope
 * @returns e.g. `"u1|c1|learner"`
 */
export function scopeKey(scope: { userId: string; centreId: string; role: string }): string {
  return `${scope.userId}|${scope.centreId}|${scope.role}`;
}
