// The database a test opens: a fresh SQLite file, or (when the suite runs on PostgreSQL, see
// vitest.config.ts) a fresh PostgreSQL database copied from the migrated template that the global
// setup made on the throwaway cluster. Test-only code.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connectDatabase, type OpenDatabase } from "../client.ts";
import type { Db } from "../client.ts";
import { isPostgres, rawRows } from "../access/engine.ts";
import { tempDir } from "./tempDir.ts";

// bigint (count(*), sum) as a number, as SQLite answers: test data never comes near 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** The engine this run tests: `postgres` under the postgres project, else `sqlite`. */
export const TEST_ENGINE: "sqlite" | "postgres" = process.env.ILM_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

import { TEMPLATE_DATABASE } from "./template.ts";

/**
 * Where a fresh database is: a new SQLite file path, or the URL of a new PostgreSQL database.
 *
 * @returns the target for connectDatabase and a cleanup that removes it
 */
export async function freshTarget(): Promise<{ target: string; cleanup: () => Promise<void> }> {
  if (TEST_ENGINE === "sqlite") {
    const temp = tempDir();
    return { target: temp.file(), cleanup: async () => temp.cleanup() };
  }
  const admin = inject("pgUrl" as never) as string;
  const name = `ilm_t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
        break;
      } catch (error) {
        // Two test files copying the template at the same moment: PostgreSQL lets one at a time.
        if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A fresh, migrated, empty database of the engine under test. */
export async function openTestDatabase(): Promise<{ database: OpenDatabase; target: string; cleanup: () => Promise<void> }> {
  const { target, cleanup } = await freshTarget();
  const database = await connectDatabase(target);
  return {
    database,
    target,
    cleanup: async () => {
      await database.close();
      await cleanup();
    },
  };
}

/**
 * Raw SQL for assertions, written once with `?` parameters for both engines (turned into `$1`, `$2`
 * on PostgreSQL).
 *
 * @param db - the connection
 * @param text - the SQL
 * @param params - its parameters
 * @returns the rows
 */
export function rows<R = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<R[]> {
  let n = 0;
  return rawRows<R>(db, isPostgres(db) ? text.replace(/\?/g, () => `$${++n}`) : text, params);
}

/**
 * The first column of the first row of a query, for counts and the like.
 *
 * @param db - the connection
 * @param text - the SQL, `?` parameters
 * @param params - its parameters
 * @returns the value
 */
export async function scalar<T = number>(db: Db, text: string, ...params: unknown[]): Promise<T> {
  const [row] = await rows<Record<string, unknown>>(db, text, ...params);
  return (row ? Object.values(row)[0] : undefined) as T;
}

/**
 * Maps an array through an async function one item at a time, in order (as a sync `map` did).
 *
 * @param items - the items
 * @param map - the async mapping
 * @returns the results, in order
 */
export async function inSequence<T, R>(items: readonly T[], map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await map(item, index));
  return results;
}
