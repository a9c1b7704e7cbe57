import { describe, expect, it } from "vitest";
import { backupDatabase } from "./backup.ts";
import { openDatabase } from "./client.ts";
import { verifyAuditChain } from "./audit/verifyAuditChain.ts";
import { createDocument, getDocument } from "./repositories/documents.ts";
import { createWorld } from "./test/world.ts";

describe("backupDatabase()", () => {
  it("copies a database while another connection keeps writing, and the copy is sound", async () => {
    const world = await createWorld();
    const writer = openDatabase(world.path);
    const { learner1 } = world.scopes;
    const acknowledged: string[] = [];
    const write = () => {
      const result = createDocument(writer.db, learner1!, {
        learnerId: learner1!.learnerId!,
        templateId: "ilm-8588/session-record",
        data: { clientRef: "Client 1", sessionNo: acknowledged.length + 1, sessionDate: "2025-03-01", duration: 1 },
      });
      if (result.ok) acknowledged.push(result.id);
    };
    try {
      for (let i = 0; i < 50; i++) write();
      const beforeBackup = [...acknowledged];
      let writing = true;
      const loop = (async () => {
        while (writing) {
          write();
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
        expect(verifyAuditChain(copy.db).ok).toBe(true);
        const missing = beforeBackup.filter((id) => !getDocument(copy.db, learner1!, id));
        expect(missing).toEqual([]);
      } finally {
        copy.close();
      }
    } finally {
      writer.close();
      world.cleanup();
    }
  });
});
