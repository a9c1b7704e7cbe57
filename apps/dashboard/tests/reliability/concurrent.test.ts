import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { connectDatabase, createDocument } from "@ilm-forms/db";
import { row, scalar, TEST_ENGINE } from "../support/database.ts";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DB_RELIABILITY, seededFile } from "./support/dataLayer.ts";
import { Client } from "./support/http.ts";
import { createWorld, figure, size, startOn } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// Two saves of the same document version, raced: exactly one may win, the other must be told the
// document changed, and the stored document must be the winner's. A lost update is a race with two
// winners, or a final version or content that does not match the winners.

const RACES = size(1000, 1000);
const PAGE_RACES = size(200, 1000);
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

type Result = { ok: true; version: number } | { ok: false; reason: string; currentVersion?: number };

describe("concurrent edits", () => {
  it(`loses no update over ${RACES} races of two connections (worker threads) saving the same version`, async () => {
    const file = await seededFile();
    cleanups.push(file.remove);
    const data = { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-10", duration: 1, goal: "start" };
    const database = await connectDatabase(file.path, { migrate: false });
    const { db } = database;
    const created = (await createDocument(db, file.learner, { learnerId: file.learner.learnerId, templateId: "ilm-8588/session-record", data, status: "draft" }));
    if (!created.ok) throw new Error("could not create the document");
    const shared = new SharedArrayBuffer(8);
    const flags = new Int32Array(shared);
    const messages: { round: number; name: string; result: Result }[] = [];
    const waiting: (() => void)[] = [];
    const workers = ["A", "B"].map((name) => {
      const worker = new Worker(join(DB_RELIABILITY, "race-worker.mjs"), { workerData: { path: file.path, scope: file.learner, documentId: created.id, data, name, shared } });
      worker.on("message", (m: { ready?: boolean; round: number; name: string; result: Result }) => {
        if (!m.ready) messages.push(m);
        waiting.splice(0).forEach((w) => w());
      });
      return worker;
    });
    const until = async (n: number) => {
      while (messages.length < n) await new Promise<void>((r) => waiting.push(r));
    };
    await new Promise((r) => setTimeout(r, 300));
    let lost = 0;
    let toldChanged = 0;
    let version = 1;
    for (let round = 1; round <= RACES; round++) {
      Atomics.store(flags, 1, version);
      Atomics.store(flags, 0, round);
      Atomics.notify(flags, 0);
      await until(round * 2);
      const pair = messages.filter((m) => m.round === round);
      const winners = pair.filter((m) => m.result.ok);
      const losers = pair.filter((m) => !m.result.ok);
      if (winners.length !== 1) lost++;
      for (const l of losers) if (l.result.ok === false && l.result.reason === "changed" && l.result.currentVersion === version + 1) toldChanged++;
      version += winners.length;
    }
    Atomics.store(flags, 0, -1);
    Atomics.notify(flags, 0);
    await Promise.all(workers.map((w) => new Promise((r) => w.once("exit", r))));
    const stored = (await row<{ version: number; data: string }>(database, "select version, data from documents where id = ?", created.id))!;
    const lastWinner = messages.filter((m) => m.round === RACES && m.result.ok)[0]!;
    const saves = await scalar(database, "select count(*) as n from audit_log where action = 'document.save' and entity_id = ?", created.id);
    await database.close();
    figure(`concurrent-edits (data layer, 2 connections, ${TEST_ENGINE})`, `lost updates = ${lost} (goal 0) in ${RACES} races; losers told it changed = ${toldChanged} of ${RACES}; final version ${stored.version} (expected ${RACES + 1}); ${saves} audit entries`);
    expect(lost).toBe(0);
    expect(toldChanged).toBe(RACES);
    expect(stored.version).toBe(RACES + 1);
    expect(JSON.parse(stored.data).goal).toBe(`${lastWinner.name} round ${RACES}`);
    expect(saves).toBe(RACES);
  });

  it(`loses no update over ${RACES} races of two API PUTs and ${PAGE_RACES} races of two page saves, over HTTP to two dashboard processes on one database`, async () => {
    const world = await createWorld();
    cleanups.push(world.remove);
    // Two dashboard processes on the one database: each race sends one save to each.
    // One learner saves 2 × PAGE_RACES times and one token writes 2 × RACES times in a few minutes: the
    // limits a person and a token (decision 072) are raised for them.
    const raised = { DOCUMENT_SAVES_PER_10_MINUTES: "1000000", API_REQUESTS_PER_10_MINUTES: "1000000", API_WRITES_PER_10_MINUTES: "1000000" };
    const [server, serverB] = await Promise.all([startOn(world, raised), startOn(world, raised)]);
    cleanups.push(() => server.stop(), () => serverB.stop());
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const portalB = new Client(serverB.url, { Authorization: `Bearer ${world.apiToken}` });
    // A session record in no submission (the world's others are in learner 1's submitted Unit 501, locked).
    const id = world.records.demoL1OpenDoc;
    const read = await portal.request(`/api/v1/documents/${id}`);
    const doc = JSON.parse(read.text) as { version: number; data: Record<string, unknown> };
    let version = doc.version;
    let lost = 0;
    let told = 0;
    for (let round = 1; round <= RACES; round++) {
      const put = (who: string, client: Client) => client.request(`/api/v1/documents/${id}`, { method: "PUT", json: { expectedVersion: version, data: { ...doc.data, goal: `${who} ${round}` } } });
      const answers = await Promise.all([put("A", portal), put("B", portalB)]);
      const ok = answers.filter((a) => a.status === 200);
      const conflict = answers.filter((a) => a.status === 409);
      if (ok.length !== 1) lost++;
      for (const a of conflict) {
        const body = JSON.parse(a.text) as { errors: { path: string; rule: string }[]; currentVersion: number };
        if (body.currentVersion === version + 1 && body.errors.some((e) => e.rule === "changed" && e.path === "/expectedVersion")) told++;
      }
      if (ok.length + conflict.length !== 2) throw new Error(`unexpected answers ${answers.map((a) => a.status).join(", ")}`);
      version += ok.length;
    }
    const after = JSON.parse((await portal.request(`/api/v1/documents/${id}`)).text) as { version: number };

    // The page action: the learner's editor posts the document with the version it loaded.
    // One session, signed in on A, valid on B (sessions are in the database).
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    const learnerB = new Client(serverB.url);
    for (const [k, v] of learner.cookies) learnerB.cookies.set(k, v);
    let pageLost = 0;
    let pageTold = 0;
    version = after.version;
    for (let round = 1; round <= PAGE_RACES; round++) {
      const post = (who: string, client: Client) => client.request(`/learner/documents/${id}`, { form: { document: JSON.stringify({ ...doc.data, goal: `page ${who} ${round}` }), expectedVersion: String(version), intent: "save" } });
      const answers = await Promise.all([post("A", learner), post("B", learnerB)]);
      const saved = answers.filter((a) => a.status === 200 && a.text.includes("Saved."));
      const changed = answers.filter((a) => a.status === 200 && a.text.includes("Someone else changed this document after you opened it."));
      if (saved.length !== 1) pageLost++;
      pageTold += changed.length;
      version += saved.length;
    }
    const final = JSON.parse((await portal.request(`/api/v1/documents/${id}`)).text) as { version: number; data: { goal: string } };
    figure(
      `concurrent-edits (HTTP, two dashboard processes, ${TEST_ENGINE})`,
      `API PUT: lost updates = ${lost} (goal 0) in ${RACES} races, losers told 409 changed = ${told}; page action: lost updates = ${pageLost} (goal 0) in ${PAGE_RACES} races, losers told it changed = ${pageTold}`,
    );
    expect(lost).toBe(0);
    expect(told).toBe(RACES);
    expect(after.version).toBe(doc.version + RACES);
    expect(pageLost).toBe(0);
    expect(pageTold).toBe(PAGE_RACES);
    expect(final.version).toBe(doc.version + RACES + PAGE_RACES);
    expect(final.data.goal).toMatch(new RegExp(`^page [AB] ${PAGE_RACES}$`));
  });
});
