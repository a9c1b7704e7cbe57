import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scalar } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { REAUTH_FRESH_SIGN_IN_MS, reauthenticateAdmin } from "./adminReauth.ts";
import { CURRENT_PASSWORD_LIMIT } from "./currentPassword.ts";

// ASVS 7.5.1 (decision 073): an admin re-authenticates before changing how another person signs in.
describe("reauthenticateAdmin()", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const adminPassword = () => world.demo.signIns.find((s) => s.email.startsWith("admin@"))!.password;
  const audits = (outcome: string) => scalar(db(), `select count(*) from audit_log where action = 'member.reauthenticate' and "after" like ?`, `%"outcome":"${outcome}"%`);

  it("needs the admin's own password unless they signed in within 5 minutes, audits each outcome without the password, and lets nobody else through", async () => {
    const admin = world.scopes.admin!;
    const target = world.scopes.learner1!.userId;
    const now = new Date("2026-06-01T12:00:00.000Z");
    const long = new Date(now.getTime() - REAUTH_FRESH_SIGN_IN_MS - 1000).toISOString();
    const fresh = new Date(now.getTime() - 60_000).toISOString();
    const input = { signedInAt: long, purpose: "email-change" as const, targetUserId: target, now };
    expect(await reauthenticateAdmin(db(), admin, { ...input, password: undefined })).toEqual({ ok: false, reason: "password-needed" });
    expect(await reauthenticateAdmin(db(), admin, { ...input, password: "" })).toEqual({ ok: false, reason: "password-needed" });
    expect(await reauthenticateAdmin(db(), admin, { ...input, password: "not-my-password" })).toEqual({ ok: false, reason: "wrong-current" });
    expect(await reauthenticateAdmin(db(), admin, { ...input, password: adminPassword() })).toEqual({ ok: true, how: "password" });
    expect(await reauthenticateAdmin(db(), admin, { ...input, signedInAt: fresh, password: undefined, purpose: "reset-link" })).toEqual({ ok: true, how: "recent-sign-in" });
    expect(await audits("wrong-current")).toBe(1);
    expect(await audits("password")).toBe(1);
    expect(await audits("recent-sign-in")).toBe(1);
    expect(await scalar(db(), `select count(*) from audit_log where action = 'member.reauthenticate' and "after" like ?`, `%${adminPassword()}%`)).toBe(0);
    expect(await scalar<string>(db(), `select entity_id from audit_log where action = 'member.reauthenticate' order by seq desc limit 1`)).toBe(target);
    // Only a centre admin.
    expect(await reauthenticateAdmin(db(), world.scopes.assessor1!, { ...input, signedInAt: fresh, password: undefined })).toEqual({ ok: false, reason: "forbidden" });
  });

  it(`allows ${CURRENT_PASSWORD_LIMIT.attempts} tries a quarter of an hour, then refuses even the right password unchecked, audited`, async () => {
    const admin = world.otherScopes.admin!;
    const password = world.other.signIns.find((s) => s.email.startsWith("admin@"))!.password;
    const now = new Date("2026-07-01T12:00:00.000Z");
    const input = { signedInAt: "2026-07-01T08:00:00.000Z", purpose: "reset-link" as const, targetUserId: world.otherScopes.learner1!.userId, now };
    for (let i = 0; i < CURRENT_PASSWORD_LIMIT.attempts; i++) expect(await reauthenticateAdmin(db(), admin, { ...input, password: `wrong-${i}` })).toEqual({ ok: false, reason: "wrong-current" });
    expect(await reauthenticateAdmin(db(), admin, { ...input, password })).toEqual({ ok: false, reason: "rate-limited" });
    expect(await audits("rate-limited")).toBe(1);
    expect(await reauthenticateAdmin(db(), admin, { ...input, password, now: new Date(now.getTime() + CURRENT_PASSWORD_LIMIT.windowMs + 1000) })).toEqual({ ok: true, how: "password" });
  });
});
