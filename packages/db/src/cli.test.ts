import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { seedDemoCentre } from "./seed/seedDemoCentre.ts";
import { tempDir } from "./test/world.ts";
import { listAuditEntries } from "./repositories/audit.ts";
import { listDocuments } from "./repositories/documents.ts";
import { listLearners } from "./repositories/learners.ts";
import { signIn } from "./auth/signIn.ts";
import { storeBeforeMinutes } from "./test/storedBeforeMinutes.ts";
import { inSequence } from "./test/database.ts";
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

describe.skipIf(TEST_ENGINE === "postgres")("ilm-db upgrade on a copy of the demo centre's database", () => {
  it("lists counts per template and version without writing, refuses --apply without a centre admin, then applies, audited", async () => {
    const temp = tempDir();
    try {
      // The demo centre as stored before minutes (old template versions, decimal hours), then copied.
      const original = temp.file("demo.sqlite");
      const database = openDatabase(original);
      const seeded = await seedDemoCentre(database.db, { seed: 5 });
      const admin = await signIn(database.db, { email: seeded.signIns[0]!.email, password: seeded.signIns[0]!.password, ip: "::1" });
      if (!admin.ok) throw new Error("admin cannot sign in");
      const learners = await listLearners(database.db, admin.scope);
      const documentsOf = async (db: typeof database.db) => (await inSequence(learners, (l) => listDocuments(db, admin.scope, l.id))).flat();
      const downgraded = await storeBeforeMinutes(database.db, await documentsOf(database.db));
      database.close();
      const copy = temp.file("copy.sqlite");
      copyFileSync(original, copy);
      const before = openDatabase(copy, { migrate: false });
      const stored = await documentsOf(before.db);
      before.close();

      const dry = spawnSync("node", [cli, "upgrade", copy], { encoding: "utf8" });
      expect(dry.stderr).toBe("");
      expect(dry.status).toBe(0);
      const lines = [...dry.stdout.matchAll(/^ {2}(\S+) (\S+) → (\S+): (\d+) documents? (to upgrade|held by an open submission)/gm)];
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.reduce((sum, m) => sum + Number(m[4]), 0)).toBe(downgraded);
      expect(dry.stdout).toMatch(new RegExp(`dry run: \\d+ documents would be upgraded, \\d+ held by an open submission, 0 could not be upgraded; nothing was written`));
      const unchanged = openDatabase(copy, { migrate: false });
      expect(await documentsOf(unchanged.db)).toEqual(stored);
      unchanged.close();

      const refused = spawnSync("node", [cli, "upgrade", copy, "--apply"], { encoding: "utf8" });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/--apply needs --as <e-mail of a centre admin>/);
      const notAdmin = spawnSync("node", [cli, "upgrade", copy, "--apply", "--as", seeded.signIns.find((s) => s.role === "learner")!.email], { encoding: "utf8" });
      expect(notAdmin.status).toBe(2);
      expect(notAdmin.stderr).toMatch(/no active centre admin with that e-mail/);

      const applied = spawnSync("node", [cli, "upgrade", copy, "--apply", "--as", seeded.signIns[0]!.email], { encoding: "utf8" });
      expect(applied.stderr).toBe("");
      expect(applied.status).toBe(0);
      const count = Number(applied.stdout.match(/applied: (\d+) documents upgraded/)![1]);
      expect(count).toBe(Number(dry.stdout.match(/dry run: (\d+) documents would be upgraded/)![1]));
      const after = openDatabase(copy, { migrate: false });
      const audit = (await listAuditEntries(after.db, admin.scope, { entityType: "document", limit: 10000 })).filter((e) => e.action === "document.upgrade");
      expect(audit).toHaveLength(count);
      expect(audit.every((e) => e.actorUserId === admin.scope.userId)).toBe(true);
      after.close();
      expect(spawnSync("node", [cli, "upgrade", copy], { encoding: "utf8" }).stdout).toMatch(/dry run: 0 documents would be upgraded/);
      // The original file is untouched by all of it.
      const first = openDatabase(original, { migrate: false });
      expect((await documentsOf(first.db)).map((d) => d.templateVersion)).toEqual(stored.map((d) => d.templateVersion));
      first.close();
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
