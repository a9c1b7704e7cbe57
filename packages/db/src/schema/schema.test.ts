import { describe, expect, it } from "vitest";
import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, type PgTable } from "drizzle-orm/pg-core";
import { is, Table } from "drizzle-orm";
import * as sqliteSchema from "./index.ts";
import * as pgSchema from "./pg.ts";

// The tables are declared once, for SQLite; pg.ts builds their PostgreSQL twins (decision 038).
describe("the PostgreSQL tables", () => {
  const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((t): t is SQLiteTable => is(t, Table));
  const exported = (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => is(t, Table));

  it("exist for every SQLite table, exported for drizzle-kit, with the same columns, keys, indexes and checks", () => {
    expect(exported.map((t) => pgConfig(t).name).sort()).toEqual(sqliteTables.map((t) => sqliteConfig(t).name).sort());
    for (const table of sqliteTables) {
      const s = sqliteConfig(table);
      const p = pgConfig(exported.find((t) => pgConfig(t).name === s.name)!);
      expect(p.columns.map((c) => [c.name, c.notNull, c.primary]), s.name).toEqual(s.columns.map((c) => [c.name, c.notNull, c.primary]));
      expect(p.indexes.map((i) => i.config.name).sort(), s.name).toEqual(s.indexes.map((i) => i.config.name).sort());
      expect(p.checks.map((c) => c.name).sort(), s.name).toEqual(s.checks.map((c) => c.name).sort());
      expect(p.foreignKeys.length, s.name).toBe(s.foreignKeys.length);
      expect(p.primaryKeys.length, s.name).toBe(s.primaryKeys.length);
    }
  });
});
