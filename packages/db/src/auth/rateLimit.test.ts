import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../test/world.ts";
import { connectDatabase } from "../client.ts";
import { dataVersion, engineOf, rawRows } from "../access/engine.ts";
import { writeTransaction } from "../access/transaction.ts";
import { reserveRequest, reserveSignInAttempt, SIGN_IN_LIMIT } from "./rateLimit.ts";
import { signIn } from "./signIn.ts";
import { inSequence, rows, scalar } from "../test/database.ts";

describe("the sign-in limit under concurrent guessing", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const checked = (email: string) =>
    scalar(world.database.db, "select count(*) from sign_in_attempts where email = ? and succeeded in (0, 1)", email);

  it("checks no more than the limit of 50 guesses sent at once", async () => {
    const person = world.demo.signIns.find((s) => s.email.startsWith("iqa@"))!;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(world.database.db, { email: person.email, password: `wrong-guess-${i}`, ip: "203.0.113.5" })));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMIT.perAccountAndAddress);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited")).toHaveLength(50 - SIGN_IN_LIMIT.perAccountAndAddress);
    expect(await checked(person.email)).toBe(SIGN_IN_LIMIT.perAccountAndAddress);
  });

  it("does not let the right password through among twenty concurrent guesses once the limit is reached", async () => {
    const person = world.demo.signIns.find((s) => s.email.startsWith("assessor2@"))!;
    // Ten wrong guesses at once, then ten more at once with the right password among them. (Which of
    // guesses sent together is checked first is the database's choice: on PostgreSQL, the order the
    // pooled connections reach the lock.)
    const attempt = (password: string) => signIn(world.database.db, { email: person.email, password, ip: "203.0.113.6" });
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`wrong-guess-${i}`)));
    const results = [...first, ...(await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i === 0 ? person.password : `wrong-guess-${10 + i}`))))];
    expect(results[10]).toEqual({ ok: false, reason: "rate-limited" });
    expect(results.some((r) => r.ok)).toBe(false);
  });

  it("limits one address across many accounts and one account across many addresses", async () => {
    const limit = { ...SIGN_IN_LIMIT, perAccountAndAddress: 100, perAccount: 3, perAddress: 4 };
    const now = new Date("2030-01-01T00:00:00Z");
    const reserved = async (email: string, ip: string) => (await reserveSignInAttempt(world.database.db, { email, ip, now }, limit)) !== undefined;
    const inTurn = async (tries: [string, string][]) => {
      const answers: boolean[] = [];
      for (const [email, ip] of tries) answers.push(await reserved(email, ip));
      return answers;
    };
    expect(await inTurn([1, 2, 3, 4].map((i) => ["spread@x.test", `198.51.100.${i}`]))).toEqual([true, true, true, false]);
    expect(await inTurn([1, 2, 3, 4, 5].map((i) => [`many${i}@x.test`, "198.51.100.200"]))).toEqual([true, true, true, true, false]);
  });

  it("keeps at most 254 characters of a megabyte email and 64 of an address", async () => {
    const huge = `${"x".repeat(1024 * 1024)}@example.org`;
    expect(await signIn(world.database.db, { email: huge, password: "whatever-123", ip: "y".repeat(100_000) })).toEqual({ ok: false, reason: "invalid" });
    const [longest] = await rows(world.database.db, "select max(length(email)) as email, max(length(ip)) as ip from sign_in_attempts");
    expect(longest).toEqual({ email: 254, ip: 64 });
  });
});

describe("a request limit kept in the database (the signing page's)", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  }, 60_000);
  afterAll(() => world.cleanup());

  it("counts the requests of every connection to the file (two processes of the dashboard) against one limit, per key, within the window", async () => {
    // A second connection to the same file, as a second process of the dashboard would have.
    const second = await connectDatabase(world.path);
    try {
      const limit = { bucket: "signing-page", requests: 5, windowMs: 15 * 60 * 1000 };
      const now = new Date("2026-12-07T02:00:00Z");
      const answers = await inSequence(Array.from({ length: 8 }, (_, i) => i), (i) => reserveRequest(i % 2 ? second.db : world.database.db, { ...limit, key: "198.51.100.7", now }));
      expect(answers).toEqual([true, true, true, true, true, false, false, false]);
      // Refused requests are not recorded: the five allowed ones are all there are.
      expect(await scalar(world.database.db, "select count(*) from rate_limit_hits where key = ?", "198.51.100.7")).toBe(5);
      // Another address, and another bucket, have their own counts.
      expect((await reserveRequest(second.db, { ...limit, key: "198.51.100.8", now }))).toBe(true);
      expect((await reserveRequest(second.db, { ...limit, bucket: "other", key: "198.51.100.7", now }))).toBe(true);
      // After the window the address may go on, and the old requests are forgotten.
      const later = new Date(now.getTime() + limit.windowMs + 1000);
      expect((await reserveRequest(world.database.db, { ...limit, key: "198.51.100.7", now: later }))).toBe(true);
      expect(await scalar(world.database.db, "select count(*) from rate_limit_hits where bucket = 'signing-page'")).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("counts a request without moving the data version the read caches go by, while a write of data moves it", async () => {
    const limit = { bucket: "api-request", key: "centre-x", requests: 3, windowMs: 10 * 60 * 1000 };
    const before = await dataVersion(world.database.db);
    expect(await reserveRequest(world.database.db, limit)).toBe(true);
    expect(await reserveRequest(world.database.db, limit)).toBe(true);
    expect(await dataVersion(world.database.db)).toBe(before);
    // The control: a write the caches depend on, through the same lock, moves it on.
    await writeTransaction(world.database.db, () => rawRows(world.database.db, engineOf(world.database.db) === "postgres" ? "update centres set name = name where id = $1" : "update centres set name = name where id = ?", [world.demo.centreId]));
    expect(await dataVersion(world.database.db)).not.toBe(before);
  });

  it("gives no more than the limit to concurrent requests", async () => {
    const limit = { bucket: "signing-page", key: "198.51.100.9", requests: 30, windowMs: 15 * 60 * 1000 };
    const answers = await Promise.all(Array.from({ length: 100 }, () => Promise.resolve().then(() => reserveRequest(world.database.db, limit))));
    expect(answers.filter(Boolean)).toHaveLength(30);
  });
});
