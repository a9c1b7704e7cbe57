import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { seedDemoCentre } from "./seed/seedDemoCentre.ts";
import { tempDir } from "./test/world.ts";
import { freshTarget, TEST_ENGINE } from "./test/database.ts";
import pg from "pg";

// The CLI is tested as shipped: build first (`pnpm --filter @ilm-forms/db build`; turbo's test task does).
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

describe.skipIf(TEST_ENGINE === "postgres")("ilm-db on a SQLite file", () => {
  it("is built", () => {
    expect(existsSync(cli)).toBe(true);
  });

  it("verifies the audit chain, backs up, and names a tampered entry with exit code 1", async () => {
    const temp = tempDir();
    try {
      const path = temp.file();
      const database = openDatabase(path);
      await seedDemoCentre(database.db, { seed: 3 });
      database.close();
      expect(execFileSync("node", [cli, "verify-audit", path], { encoding: "utf8" })).toMatch(/audit chain ok: \d+ entries/);
      expect(execFileSync("node", [cli, "backup", path, temp.file("copy.sqlite")], { encoding: "utf8" })).toMatch(/integrity ok/);
      const tamper = openDatabase(temp.file("copy.sqlite"), { migrate: false });
      tamper.sqlite.exec("drop trigger audit_log_no_update; update audit_log set actor_user_id = 'someone-else' where seq = 12;");
      tamper.close();
      const broken = spawnSync("node", [cli, "verify-audit", temp.file("copy.sqlite")], { encoding: "utf8" });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toMatch(/BROKEN at entry 12/);
    } finally {
      temp.cleanup();
    }
  });
});

describe.skipIf(TEST_ENGINE !== "postgres")("ilm-db on PostgreSQL", () => {
  it("copies a SQLite file into PostgreSQL with every row checked, verifies the chain there, backs up with pg_dump, and names a tampered entry", async () => {
    const temp = tempDir();
    const target = await freshTarget();
    try {
      const path = temp.file();
      const database = openDatabase(path);
      await seedDemoCentre(database.db, { seed: 3 });
      database.close();
      const copied = execFileSync("node", [cli, "copy-to-postgres", path, target.target], { encoding: "utf8" });
      expect(copied).toMatch(/^documents\s+\d+ rows,\s+\d+ copied, identical$/m);
      expect(copied).not.toMatch(/DIFFERENT/);
      expect(copied).toMatch(/copy ok/);
      const verified = execFileSync("node", [cli, "verify-audit", target.target], { encoding: "utf8" });
      expect(verified).toMatch(/audit chain ok: \d+ entries/);
      // The same head as the SQLite file's chain: the chain moved whole.
      expect(verified.match(/head (\d+:[0-9a-f]{64})/)![1]).toBe(execFileSync("node", [cli, "verify-audit", path], { encoding: "utf8" }).match(/head (\d+:[0-9a-f]{64})/)![1]);
      // A second copy into the same database is refused rather than merged.
      const again = spawnSync("node", [cli, "copy-to-postgres", path, target.target], { encoding: "utf8" });
      expect(again.status).not.toBe(0);
      expect(again.stderr).toMatch(/already holds centres/);
      expect(execFileSync("node", [cli, "backup", target.target, temp.file("backup.dump")], { encoding: "utf8" })).toMatch(/pg_dump: \d+ tables of data, archive readable; audit chain ok/);
      const client = new pg.Client({ connectionString: target.target });
      await client.connect();
      await client.query("alter table audit_log disable trigger user; update audit_log set actor_user_id = 'someone-else' where seq = 12");
      await client.end();
      const broken = spawnSync("node", [cli, "verify-audit", target.target], { encoding: "utf8" });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toMatch(/BROKEN at entry 12/);
    } finally {
      await target.cleanup();
      temp.cleanup();
    }
  });
});
