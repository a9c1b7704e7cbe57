import { describe, expect, it } from "vitest";
import { backupDatabase } from "./backup.ts";
import { openDatabase } from "./client.ts";
import { verifyAuditChain } from "./audit/verifyAuditChain.ts";
import { createDocument, getDocument } from "./repositories/documents.ts";
import { createWorld } from "./test/world.ts";
import { TEST_ENGINE } from "./test/database.ts";

// SQLite's online backup API; PostgreSQL is backed up with pg_dump (cli.test.ts).
describe.skipIf(TEST_ENGINE === "postgres")("backupDatabase()", () => {
  it("copies a database while another connection keeps writing, and the copy is sound", async () => {
    const world = await createWorld();
    const writer = openDatabase(world.path);
    const { learner1 } = world.scopes;
    const acknowledged: string[] = [];
    const write = async () => {
      const result = (await createDocument(writer.db, learner1!, {
        learnerId: learner1!.learnerId!,
        templateId: "ilm-8588/session-record",
        data: { clientRef: "Client 1", sessionNo: acknowledged.length + 1, sessionDate: "2025-03-01", duration: 1 },
      }));
      if (result.ok) acknowledged.push(result.id);
    };
    try {
      for (let i = 0; i < 50; i++) await write();
      const beforeBackup = [...acknowledged];
      let writing = true;
      const loop = (async () => {
        while (writing) {
          await write();
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const report = await backupDatabase(world.database, `${world.path}.backup`);
      writing = false;
      await loop;
      expect(report.integrity).toBe("ok");
      expect(acknowledged.length).toBeGreaterThan(beforeBackup.length);
      const copy = openDatabase(`${world.path}.backup`, { migrate: false });
      try {
        expect(copy.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        expect((await verifyAuditChain(copy.db)).ok).toBe(true);
        const missing: string[] = [];
        for (const id of beforeBackup) if (!(await getDocument(copy.db, learner1!, id))) missing.push(id);
        expect(missing).toEqual([]);
      } finally {
        await copy.close();
      }
    } finally {
      await writer.close();
      await world.cleanup();
    }
  });
});
