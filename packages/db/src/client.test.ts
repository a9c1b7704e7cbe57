import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { tempDir } from "./test/world.ts";
import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import { TEST_ENGINE } from "./test/database.ts";

describe.skipIf(TEST_ENGINE === "postgres")("openDatabase()", () => {
  const temp = tempDir();
  afterEach(() => undefined);

  it("applies the committed migrations to a new file, once", () => {
    const path = temp.file("migrate.sqlite");
    const first = openDatabase(path);
    const tables = first.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(["audit_log", "centres", "documents", "memberships", "sessions", "sign_in_attempts", "submissions", "users"]),
    );
    const triggers = first.sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all();
    expect(triggers).toEqual(["audit_log_no_delete", "audit_log_no_update"]);
    first.close();
    const second = openDatabase(path);
    // One row per committed migration (drizzle/meta/_journal.json), however many there are.
    expect(second.sqlite.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(journal.entries.length);
    expect(second.sqlite.prepare("select name from pragma_table_info('centres')").pluck().all()).toContain("api_token_issued_by");
    second.close();
  });

  it("runs in WAL with synchronous FULL, foreign keys on and a busy timeout", () => {
    const database = openDatabase(temp.file("pragmas.sqlite"));
    expect(database.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(database.sqlite.pragma("synchronous", { simple: true })).toBe(2); // 2 = FULL
    expect(database.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(database.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    database.close();
  });

  it("refuses a row that breaks a foreign key", () => {
    const database = openDatabase(temp.file("fk.sqlite"));
    expect(() =>
      database.sqlite
        .prepare("insert into memberships (id, user_id, centre_id, role, created_at) values ('m', 'nobody', 'nowhere', 'learner', 'x')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    database.close();
  });

  it("opens :memory: too (without WAL, which needs a file)", () => {
    const database = openDatabase(":memory:");
    expect(database.sqlite.prepare("select count(*) from audit_log").pluck().get()).toBe(0);
    database.close();
    temp.cleanup();
  });
});
