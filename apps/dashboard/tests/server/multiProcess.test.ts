import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, listDocuments, type OpenDatabase } from "@ilm-forms/db";
import { Client } from "../reliability/support/http.ts";
import { createWorld, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";
import { TEST_ENGINE } from "../support/database.ts";

// Two dashboard processes on one database, as behind a load balancer: PostgreSQL under the postgres
// project (its reason to exist), one SQLite file in WAL mode under the sqlite project (what one
// machine can do). Sessions, CSRF, the read caches and the sign-in limit must hold across them.
let world: World;
let a: TestServer;
let b: TestServer;
let read: OpenDatabase;

beforeAll(async () => {
  world = await createWorld();
  [a, b] = await Promise.all([startOn(world), startOn(world)]);
  read = await connectDatabase(world.databasePath, { migrate: false });
}, 180_000);

afterAll(async () => {
  await read?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await world?.remove();
});

/** A client of server `to` holding the cookies a client of another server was given. */
function sameBrowser(from: Client, to: TestServer): Client {
  const moved = new Client(to.url);
  for (const [name, value] of from.cookies) moved.cookies.set(name, value);
  return moved;
}

describe(`two dashboard processes on one ${TEST_ENGINE === "postgres" ? "PostgreSQL database" : "SQLite file"}`, () => {
  it("answers /healthz on both, naming the engine", async () => {
    for (const server of [a, b]) {
      const answer = await fetch(`${server.url}/healthz`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ok: true, database: TEST_ENGINE });
    }
  });

  it("keeps a session signed in on one valid on the other, with the same CSRF token, and ends it on both", async () => {
    const learner = world.demo.learner1!;
    const onA = await new Client(a.url).signIn(learner.email, learner.password);
    const onB = sameBrowser(onA, b);
    const home = await onB.request("/learner");
    expect(home.status).toBe(200);
    expect(home.text).toContain(learner.name);
    // A form posted to B with the CSRF token of the session made on A is accepted (sign-out: 302 to the sign-in page).
    const signOut = await onB.request("/sign-out", { form: {} });
    expect(signOut.status).toBe(302);
    expect((await sameBrowser(onA, a).request("/learner")).status).toBe(302);
  });

  it("shows a write made through one on the next read from the other, past its read cache", async () => {
    const learner = world.demo.learner1!;
    const onA = await new Client(a.url).signIn(learner.email, learner.password);
    const onB = sameBrowser(onA, b);
    const docId = world.records.demoL1OpenDoc;
    // B reads (and caches what it derives) first.
    const before = await onB.request(`/learner/documents/${docId}`);
    expect(before.status).toBe(200);
    const stored = (await listDocuments(read.db, learner.scope, learner.learnerId!)).find((d) => d.id === docId)!;
    const marker = `Written through server A at ${Date.now()}`;
    const saved = await onA.request(`/learner/documents/${docId}`, {
      form: { document: JSON.stringify({ ...stored.data, goal: marker }), expectedVersion: String(stored.version), intent: "save" },
    });
    expect(saved.status).toBe(200);
    const after = await onB.request(`/learner/documents/${docId}`);
    expect(after.text).toContain(marker);
    // The learner's home on B (read through the progress cache) counts the new version too.
    const again = (await listDocuments(read.db, learner.scope, learner.learnerId!)).find((d) => d.id === docId)!;
    expect(again.version).toBe(stored.version + 1);
  });

  it("counts wrong passwords sent to both against one limit: the right one is refused after five", async () => {
    const person = world.demo.assessor2!;
    const guess = (server: TestServer, password: string) => new Client(server.url).request("/sign-in", { form: { email: person.email, password } });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await guess(i % 2 === 0 ? a : b, `wrong-guess-${i}`));
    expect(answers.map((x) => x.status)).not.toContain(302);
    expect(answers.filter((x) => x.text.includes("Too many attempts to sign in")).length).toBeGreaterThanOrEqual(1);
    for (const server of [a, b]) {
      const right = await guess(server, person.password);
      expect(right.status).not.toBe(302);
      expect(right.text).toContain("Too many attempts to sign in");
    }
  });
});
