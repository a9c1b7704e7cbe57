import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scalar } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { changePassword } from "./changePassword.ts";
import { CURRENT_PASSWORD_LIMIT } from "./currentPassword.ts";
import { getSession } from "./sessions.ts";
import { signIn } from "./signIn.ts";

describe("changePassword()", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const person = (local: string) => world.demo.signIns.find((s) => s.email.startsWith(`${local}@`))!;
  const signedIn = async (local: string, ip: string) => {
    const result = await signIn(db(), { email: person(local).email, password: person(local).password, ip });
    if (!result.ok) throw new Error(`${local} cannot sign in`);
    return result;
  };
  const hashOf = (userId: string) => scalar<string>(db(), "select password_hash from users where id = ?", userId);

  it("refuses a wrong current password and a weak new one, and changes nothing", async () => {
    const here = await signedIn("learner1", "10.3.0.1");
    const elsewhere = await signedIn("learner1", "10.3.0.2");
    const hash = await hashOf(here.user.id);
    const audits = await scalar(db(), "select count(*) from audit_log where action = 'member.password-change'");
    expect(await changePassword(db(), here.scope, { current: "not-my-password", next: "a-new-long-password", sessionToken: here.token })).toEqual({ ok: false, reason: "wrong-current" });
    expect(await changePassword(db(), here.scope, { current: person("learner1").password, next: "short", sessionToken: here.token })).toEqual({
      ok: false,
      reason: "weak-password",
      message: "Password must be at least 8 characters",
    });
    expect(await hashOf(here.user.id)).toBe(hash);
    expect((await getSession(db(), here.token))?.user.id).toBe(here.user.id);
    expect((await getSession(db(), elsewhere.token))?.user.id).toBe(here.user.id);
    expect(await scalar(db(), "select count(*) from audit_log where action = 'member.password-change'")).toBe(audits);
  });

  it("stores the new password, ends every other session, rotates the one in use and audits without secrets", async () => {
    const old = person("learner2").password;
    const here = await signedIn("learner2", "10.3.1.1");
    const elsewhere = await signedIn("learner2", "10.3.1.2");
    const bystander = await signedIn("learner3", "10.3.1.3");
    const next = "correct horse battery staple";
    const result = await changePassword(db(), here.scope, { current: old, next, sessionToken: here.token });
    expect(result).toMatchObject({ ok: true, otherSessionsEnded: 1 });
    if (!result.ok) return;
    expect(result.token).not.toBe(here.token);
    expect(await getSession(db(), here.token)).toBeUndefined();
    expect(await getSession(db(), elsewhere.token)).toBeUndefined();
    expect((await getSession(db(), result.token))?.user.id).toBe(here.user.id);
    expect((await getSession(db(), bystander.token))?.user.id).toBe(bystander.user.id);
    expect(await signIn(db(), { email: person("learner2").email, password: old, ip: "10.3.1.4" })).toEqual({ ok: false, reason: "invalid" });
    expect((await signIn(db(), { email: person("learner2").email, password: next, ip: "10.3.1.4" })).ok).toBe(true);
    const audit = await scalar<string>(db(), `select "after" from audit_log where action = 'member.password-change' and entity_id = ?`, here.user.id);
    expect(JSON.parse(audit)).toEqual({ otherSessionsEnded: 1 });
    expect(audit).not.toContain(next);
    expect(audit).not.toContain("argon2");
  });

  it(`allows ${CURRENT_PASSWORD_LIMIT.attempts} tries a quarter of an hour, then refuses even the right password unchecked`, async () => {
    const here = await signedIn("learner4", "10.3.2.1");
    const now = new Date("2031-01-01T09:00:00Z");
    const attempt = (current: string, at = now) => changePassword(db(), here.scope, { current, next: "another-new-password", sessionToken: here.token, now: at });
    for (let i = 0; i < CURRENT_PASSWORD_LIMIT.attempts; i++) expect(await attempt(`guess-${i}-wrong`)).toEqual({ ok: false, reason: "wrong-current" });
    expect(await attempt(person("learner4").password)).toEqual({ ok: false, reason: "rate-limited" });
    // A weak new password is refused before a try is counted: it says so even now.
    expect(await changePassword(db(), here.scope, { current: "x", next: "short", sessionToken: here.token, now })).toMatchObject({ reason: "weak-password" });
    // Another person is not limited by this one's tries.
    const other = await signedIn("learner5", "10.3.2.2");
    expect(await changePassword(db(), other.scope, { current: "wrong-once", next: "another-new-password", sessionToken: other.token, now })).toEqual({ ok: false, reason: "wrong-current" });
    const later = new Date(now.getTime() + CURRENT_PASSWORD_LIMIT.windowMs + 1000);
    expect((await attempt(person("learner4").password, later)).ok).toBe(true);
  });

  it("checks at most the limit of tries sent at once", async () => {
    const here = await signedIn("assessor2", "10.3.3.1");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => changePassword(db(), here.scope, { current: `wrong-${i}-guess`, next: "another-new-password", sessionToken: here.token })));
    expect(results.filter((r) => !r.ok && r.reason === "wrong-current")).toHaveLength(CURRENT_PASSWORD_LIMIT.attempts);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited")).toHaveLength(12 - CURRENT_PASSWORD_LIMIT.attempts);
  });
});
