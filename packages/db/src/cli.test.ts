import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { seedDemoCentre } from "./seed/seedDemoCentre.ts";
import { tempDir } from "./test/world.ts";
import { TEST_ENGINE } from "./test/database.ts";

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
