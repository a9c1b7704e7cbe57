import { createDocument, createSession, listLearners, openDatabase, type OpenDatabase, type Scope } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerProgress } from "../../app/models/portfolio.server.ts";
import { createReadCache, databaseGeneration } from "../../app/models/readCache.server.ts";
import { getOptionalUser } from "../../app/utils/auth.server.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";

let h: RouteHarness;
let second: OpenDatabase;

function scopeOf(email: string): Scope & { learnerId?: string } {
  const user = h.database.sqlite.prepare("select u.id, m.centre_id as centreId, m.role from users u join memberships m on m.user_id = u.id where u.email = ?").get(email) as { id: string; centreId: string; role: Scope["role"] };
  const scope: Scope = { userId: user.id, centreId: user.centreId, role: user.role };
  const learner = h.database.sqlite.prepare("select id from learners where user_id = ?").get(user.id) as { id: string } | undefined;
  return { ...scope, learnerId: learner?.id };
}

const session = { clientRef: "Client 1", sessionNo: 9, sessionDate: "2026-04-01", duration: 1 };

beforeAll(async () => {
  h = await createHarness();
  // A second connection to the same file: another process (the ilm-db command, a second server) writing.
  second = openDatabase(h.database.sqlite.name, { migrate: false });
}, 60_000);
afterAll(() => {
  second?.close();
  h?.close();
});

describe("databaseGeneration", () => {
  it("stays the same while nothing is written, and changes on a write through this connection, another connection, or a rolled-back write", () => {
    const { db, sqlite } = h.database;
    const start = databaseGeneration(db);
    expect(databaseGeneration(db)).toBe(start);
    h.database.sqlite.prepare("select count(*) from documents").get();
    expect(databaseGeneration(db)).toBe(start);

    const learner = scopeOf("learner1@demo.ilm-forms.test");
    const created = createDocument(db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: session });
    expect(created.ok).toBe(true);
    const afterOwn = databaseGeneration(db);
    expect(afterOwn).not.toBe(start);

    second.sqlite.prepare("update centres set name = name || '.' where id = ?").run(h.demo.centreId);
    const afterOther = databaseGeneration(db);
    expect(afterOther).not.toBe(afterOwn);

    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("update centres set name = 'x' where id = ?").run(h.demo.centreId);
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expect(databaseGeneration(db)).not.toBe(afterOther);
  });
});

describe("createReadCache", () => {
  it("answers from the cache only while the database is unchanged, per key, keeping at most `size` answers", () => {
    const { db } = h.database;
    const cache = createReadCache<{ n: number }>(2);
    let reads = 0;
    const read = () => ({ n: ++reads });
    const first = cache.get(db, "a", read);
    expect(cache.get(db, "a", read)).toBe(first);
    expect(reads).toBe(1);
    expect(cache.get(db, "b", read)).toEqual({ n: 2 });

    second.sqlite.prepare("update centres set name = name || '.' where id = ?").run(h.demo.centreId);
    expect(cache.get(db, "a", read)).toEqual({ n: 3 });
    expect(cache.get(db, "a", read)).toEqual({ n: 3 });

    cache.get(db, "b", read); // b read again (written since): 4
    cache.get(db, "c", read); // 5, and "a", the least recently used, goes
    expect(reads).toBe(5);
    cache.get(db, "a", read);
    expect(reads).toBe(6);
    cache.get(db, "c", read);
    expect(reads).toBe(6);
  });
});

describe("learnerProgress with the read cache", () => {
  it("shows a document written by another connection on the next call", () => {
    const learner = scopeOf("learner2@demo.ilm-forms.test");
    const before = learnerProgress(h.database.db, learner, learner.learnerId!, "501");
    expect(learnerProgress(h.database.db, learner, learner.learnerId!, "501")).toBe(before);
    const count = before[0]!.documents.length;
    const created = createDocument(second.db, learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/session-record", data: session });
    expect(created.ok).toBe(true);
    const after = learnerProgress(h.database.db, learner, learner.learnerId!, "501");
    expect(after[0]!.documents).toHaveLength(count + 1);
    expect(after[0]!.documents.map((d) => d.id)).toContain((created as { id: string }).id);
  });

  it("answers another centre's admin nothing for a learner whose own answer is cached", () => {
    const learner = scopeOf("learner1@demo.ilm-forms.test");
    expect(learnerProgress(h.database.db, learner, learner.learnerId!, "501")).toHaveLength(1);
    const otherAdmin = scopeOf(h.other.signIns.find((p) => p.role === "centre_admin")!.email);
    expect(learnerProgress(h.database.db, otherAdmin, learner.learnerId!, "501")).toEqual([]);
    const ownAdmin = scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
    expect(listLearners(h.database.db, ownAdmin).some((l) => l.id === learner.learnerId)).toBe(true);
    expect(learnerProgress(h.database.db, ownAdmin, learner.learnerId!, "501")).toHaveLength(1);
  });
});

describe("getOptionalUser with the read cache", () => {
  it("checks the session's expiry on every request, even when nothing was written", async () => {
    const learner = scopeOf("learner1@demo.ilm-forms.test");
    const { token } = createSession(h.database.db, learner.userId, { ttlMs: 300 });
    const request = () => new Request("http://localhost/learner", { headers: { Cookie: `ilm_session=${token}` } });
    const user = await getOptionalUser(request(), h.context);
    expect(user).toMatchObject({ role: "learner", learnerId: learner.learnerId, centreName: expect.any(String) });
    expect(user!.centreName.length).toBeGreaterThan(0);
    const generation = databaseGeneration(h.database.db);
    await new Promise((r) => setTimeout(r, 400));
    expect(databaseGeneration(h.database.db)).toBe(generation);
    expect(await getOptionalUser(request(), h.context)).toBeNull();
  });
});
