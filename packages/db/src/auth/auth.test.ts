import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scalar } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { checkPasswordRules, hashPassword, verifyPassword } from "./passwords.ts";
import { createSession, deleteSession, getSession } from "./sessions.ts";
import { signIn } from "./signIn.ts";

describe("passwords", () => {
  it("needs at least 8 characters and refuses more than 1024 instead of truncating", async () => {
    expect(checkPasswordRules("1234567")).toMatch(/at least 8/);
    expect(checkPasswordRules("n8wq2vlp")).toBeUndefined();
    expect(checkPasswordRules("x".repeat(1024))).toBeUndefined();
    expect(checkPasswordRules("x".repeat(1025))).toMatch(/at most 1024/);
    await expect(hashPassword("short")).rejects.toThrow(/at least 8/);
    await expect(hashPassword("x".repeat(1025))).rejects.toThrow(/at most 1024/);
  });

  it("hashes with argon2id and compares every character (no truncation at 72 bytes)", async () => {
    const long = "a".repeat(100) + "b";
    const stored = await hashPassword(long);
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, long)).toBe(true);
    expect(await verifyPassword(stored, "a".repeat(100) + "c")).toBe(false);
    expect(await verifyPassword(stored, "a".repeat(100))).toBe(false);
    expect(await verifyPassword("not a hash", long)).toBe(false);
  });
});

describe("sessions and sign-in", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("stores only the token's hash and answers until expiry", async () => {
    const { learner1 } = world.scopes;
    const now = new Date("2025-06-01T10:00:00Z");
    const { token } = (await createSession(db(), learner1!.userId, { ttlMs: 60_000, now }));
    expect(await scalar(db(), "select count(*) from sessions where id = ?", token)).toBe(0);
    expect((await getSession(db(), token, { now: new Date("2025-06-01T10:00:59Z") }))?.scope).toEqual({
      userId: learner1!.userId,
      centreId: "demo-centre",
      role: "learner",
    });
    expect((await getSession(db(), token, { now: new Date("2025-06-01T10:01:00Z") }))).toBeUndefined();
    expect((await getSession(db(), "made-up-token"))).toBeUndefined();
  });

  it("rotates the session at sign-in and ends it at sign-out", async () => {
    const learner = world.demo.signIns.find((s) => s.email.startsWith("learner2@"))!;
    const before = (await createSession(db(), world.scopes.learner2!.userId));
    const result = await signIn(db(), { email: learner.email.toUpperCase(), password: learner.password, ip: "10.0.0.1", previousToken: before.token });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token).not.toBe(before.token);
    expect((await getSession(db(), before.token))).toBeUndefined();
    expect((await getSession(db(), result.token))?.user.email).toBe(learner.email);
    (await deleteSession(db(), result.token));
    expect((await getSession(db(), result.token))).toBeUndefined();
  });

  it("refuses a wrong password without saying which part was wrong, and limits failures", async () => {
    const admin = world.demo.signIns[0]!;
    const attempt = { email: admin.email, ip: "10.9.9.9" };
    expect(await signIn(db(), { ...attempt, email: "nobody@x.test", password: "whatever-1" })).toEqual({ ok: false, reason: "invalid" });
    for (let i = 0; i < 5; i++) expect(await signIn(db(), { ...attempt, password: `wrong-${i}-pass` })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db(), { ...attempt, password: admin.password })).toEqual({ ok: false, reason: "rate-limited" });
    expect((await signIn(db(), { ...attempt, ip: "10.9.9.10", password: admin.password })).ok).toBe(true);
    const later = new Date(Date.now() + 16 * 60 * 1000);
    expect((await signIn(db(), { ...attempt, password: admin.password, now: later })).ok).toBe(true);
  });
});
