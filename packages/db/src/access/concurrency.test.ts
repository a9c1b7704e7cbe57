import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type OpenDatabase } from "../client.ts";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createDocument, getDocument, saveDocument } from "../repositories/documents.ts";
import { createWorld, type World } from "../test/world.ts";
import { scalar, TEST_ENGINE } from "../test/database.ts";

// Writers on two connections at once (two pools on PostgreSQL, two connections to the file on SQLite:
// what two processes hold). The write lock (BEGIN IMMEDIATE / the advisory lock) keeps the audit chain
// linear and the optimistic lock loses no update.
describe(`concurrent writers on two connections (${TEST_ENGINE})`, () => {
  let world: World;
  let second: OpenDatabase;
  beforeAll(async () => {
    world = await createWorld();
    second = await connectDatabase(world.path, { migrate: false });
  });
  afterAll(async () => {
    await second?.close();
    await world.cleanup();
  });

  it("keeps the audit chain linear under 8 concurrent writers on two connections", async () => {
    const learner = world.scopes.learner1!;
    const before = await scalar(world.database.db, "select count(*) from audit_log");
    const writers = Array.from({ length: 8 }, async (_, w) => {
      const db = w % 2 === 0 ? world.database.db : second.db;
      for (let i = 0; i < 10; i++) {
        const made = await createDocument(db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: { clientRef: `Writer ${w}`, sessionNo: i + 1, sessionDate: "2025-03-01", duration: 1 } });
        expect(made.ok).toBe(true);
      }
    });
    await Promise.all(writers);
    expect(await scalar(world.database.db, "select count(*) from audit_log")).toBe(before + 80);
    const verified = await verifyAuditChain(second.db);
    expect(verified.ok).toBe(true);
    expect(verified.head?.seq).toBe(verified.checked);
  });

  it("loses no update when 20 saves of the same version race on two connections: one wins, every other is told it changed", async () => {
    const learner = world.scopes.learner1!;
    const made = await createDocument(world.database.db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: { clientRef: "Race", sessionNo: 1, sessionDate: "2025-03-01", duration: 1 } });
    if (!made.ok) throw new Error("no document");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveDocument(i % 2 === 0 ? world.database.db : second.db, learner, { id: made.id, expectedVersion: 1, data: { clientRef: `Race ${i}`, sessionNo: 1, sessionDate: "2025-03-01", duration: 1 } }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "changed")).toHaveLength(19);
    const stored = (await getDocument(second.db, learner, made.id))!;
    expect(stored.version).toBe(2);
    expect(stored.data.clientRef).toBe(`Race ${winners[0]}`);
  });

  it("loses no update over 1,000 racing saves (50 rounds of 20 on two connections)", async () => {
    const learner = world.scopes.learner2!;
    const made = await createDocument(second.db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: { clientRef: "Rounds", sessionNo: 1, sessionDate: "2025-03-01", duration: 1 } });
    if (!made.ok) throw new Error("no document");
    let version = 1;
    let lost = 0;
    let wins = 0;
    const started = Date.now();
    for (let round = 0; round < 50; round++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          saveDocument(i % 2 === 0 ? world.database.db : second.db, learner, { id: made.id, expectedVersion: version, data: { clientRef: `Round ${round} writer ${i}`, sessionNo: 1, sessionDate: "2025-03-01", duration: 1 } }),
        ),
      );
      const won = results.flatMap((r, i) => (r.ok ? [i] : []));
      wins += won.length;
      const stored = (await getDocument(world.database.db, learner, made.id))!;
      // A lost update: an acknowledged save whose data is not what the next version was built on.
      if (won.length !== 1 || stored.version !== version + 1 || stored.data.clientRef !== `Round ${round} writer ${won[0]}`) lost++;
      version = stored.version;
    }
    console.log(`FIGURE edit-races-${TEST_ENGINE}: 1,000 saves racing in 50 rounds of 20 on two connections: ${wins} acknowledged, lost updates ${lost} (goal 0), ${Date.now() - started} ms`);
    expect(lost).toBe(0);
    expect(wins).toBe(50);
    expect((await verifyAuditChain(world.database.db)).ok).toBe(true);
  }, 300_000);
});
