import { connectDatabase, createDocument, createSession, listLearners, updateCentreSettings, writeTransaction, type OpenDatabase, type Scope } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerProgress } from "../../app/models/portfolio.server.ts";
import { createReadCache, databaseGeneration } from "../../app/models/readCache.server.ts";
import { getOptionalUser } from "../../app/utils/auth.server.ts";
import { row, rows, TEST_ENGINE } from "../support/database.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";

let h: RouteHarness;
let second: OpenDatabase;

async function scopeOf(email: string): Promise<Scope & { learnerId?: string }> {
  const user = (await row<{ id: string; centreId: string; role: Scope["role"] }>(h.database, "select u.id, m.centre_id as \"centreId\", m.role from users u join memberships m on m.user_id = u.id where u.email = ?", email))!;
  const scope: Scope = { userId: user.id, centreId: user.centreId, role: user.role };
  const learner = await row<{ id: string }>(h.database, "select id from learners where user_id = ?", user.id);
  return { ...scope, learnerId: learner?.id };
}

/** A write committed by another connection (another process: a second server, the ilm-db command), through the data layer. */
async function writeElsewhere(): Promise<void> {
  const admin = await scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
  const result = await updateCentreSettings(second.db, admin, { centreNumber: `C${Math.floor(Math.random() * 1e6)}`, iqaSamplePercent: 25 });
  expect(result.ok).toBe(true);
}

const session = { clientRef: "Client 1", sessionNo: 9, sessionDate: "2026-04-01", duration: 1 };

beforeAll(async () => {
  h = await createHarness();
  // A second connection to the same database: another process (the ilm-db command, a second server) writing.
  second = await connectDatabase(h.target, { migrate: false });
}, 60_000);
afterAll(async () => {
  await second?.close();
  await h?.close();
});

describe("databaseGeneration", () => {
  it("stays the same while nothing is written, and changes on a write through this connection or another", async () => {
    const { db } = h.database;
    const start = await databaseGeneration(db);
    expect(await databaseGeneration(db)).toBe(start);
    await rows(h.database, "select count(*) from documents");
    expect(await databaseGeneration(db)).toBe(start);

    const learner = await scopeOf("learner1@demo.ilm-forms.test");
    const created = await createDocument(db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: session });
    expect(created.ok).toBe(true);
    const afterOwn = await databaseGeneration(db);
    expect(afterOwn).not.toBe(start);

    await writeElsewhere();
    const afterOther = await databaseGeneration(db);
    expect(afterOther).not.toBe(afterOwn);

    // A rolled-back write changed nothing: on PostgreSQL the generation stays; SQLite counts it (total_changes), which only costs a re-read.
    await expect(
      writeTransaction(db, async () => {
        const admin = await scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
        expect((await updateCentreSettings(db, admin, { centreNumber: "rolled-back", iqaSamplePercent: 25 })).ok).toBe(true);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    if (TEST_ENGINE === "sqlite") expect(await databaseGeneration(db)).not.toBe(afterOther);
    else expect(await databaseGeneration(db)).toBe(afterOther);
  });

  it.skipIf(TEST_ENGINE === "postgres")("changes on a raw write by another SQLite connection (data_version)", async () => {
    const before = await databaseGeneration(h.database.db);
    await rows(second, "update centres set name = name || '.' where id = ?", h.demo.centreId);
    expect(await databaseGeneration(h.database.db)).not.toBe(before);
  });
});

describe("createReadCache", () => {
  it("answers from the cache only while the database is unchanged, per key, keeping at most `size` answers", async () => {
    const { db } = h.database;
    const cache = createReadCache<{ n: number }>(2);
    let reads = 0;
    const read = () => ({ n: ++reads });
    const first = await cache.get(db, "a", read);
    expect(await cache.get(db, "a", read)).toBe(first);
    expect(reads).toBe(1);
    expect(await cache.get(db, "b", read)).toEqual({ n: 2 });

    await writeElsewhere();
    expect(await cache.get(db, "a", read)).toEqual({ n: 3 });
    expect(await cache.get(db, "a", read)).toEqual({ n: 3 });

    await cache.get(db, "b", read); // b read again (written since): 4
    await cache.get(db, "c", read); // 5, and "a", the least recently used, goes
    expect(reads).toBe(5);
    await cache.get(db, "a", read);
    expect(reads).toBe(6);
    await cache.get(db, "c", read);
    expect(reads).toBe(6);
  });
});

describe("learnerProgress with the read cache", () => {
  it("shows a document written by another connection on the next call", async () => {
    const learner = await scopeOf("learner2@demo.ilm-forms.test");
    const before = (await learnerProgress(h.database.db, learner, learner.learnerId!, "501"));
    expect((await learnerProgress(h.database.db, learner, learner.learnerId!, "501"))).toBe(before);
    const count = before[0]!.documents.length;
    const created = (await createDocument(second.db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: session }));
    expect(created.ok).toBe(true);
    const after = (await learnerProgress(h.database.db, learner, learner.learnerId!, "501"));
    expect(after[0]!.documents).toHaveLength(count + 1);
    expect(after[0]!.documents.map((d) => d.id)).toContain((created as { id: string }).id);
  });

  it("answers another centre's admin nothing for a learner whose own answer is cached", async () => {
    const learner = await scopeOf("learner1@demo.ilm-forms.test");
    expect((await learnerProgress(h.database.db, learner, learner.learnerId!, "501"))).toHaveLength(1);
    const otherAdmin = await scopeOf(h.other.signIns.find((p) => p.role === "centre_admin")!.email);
    expect((await learnerProgress(h.database.db, otherAdmin, learner.learnerId!, "501"))).toEqual([]);
    const ownAdmin = await scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
    expect((await listLearners(h.database.db, ownAdmin)).some((l) => l.id === learner.learnerId)).toBe(true);
    expect((await learnerProgress(h.database.db, ownAdmin, learner.learnerId!, "501"))).toHaveLength(1);
  });
});

describe("getOptionalUser with the read cache", () => {
  it("checks the session's expiry on every request, even when nothing was written", async () => {
    const learner = await scopeOf("learner1@demo.ilm-forms.test");
    const { token } = (await createSession(h.database.db, learner.userId, { ttlMs: 300 }));
    const request = () => new Request("http://localhost/learner", { headers: { Cookie: `ilm_session=${token}` } });
    // Each request has its own load context (server.js makes one per request; the session is looked
    // up once per context, decision 057).
    const user = await getOptionalUser(request(), { ...h.context });
    expect(user).toMatchObject({ role: "learner", learnerId: learner.learnerId, centreName: expect.any(String) });
    expect(user!.centreName.length).toBeGreaterThan(0);
    const generation = (await databaseGeneration(h.database.db));
    await new Promise((r) => setTimeout(r, 400));
    expect((await databaseGeneration(h.database.db))).toBe(generation);
    expect(await getOptionalUser(request(), { ...h.context })).toBeNull();
  });
});
