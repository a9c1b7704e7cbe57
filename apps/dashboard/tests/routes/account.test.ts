import { readFileSync } from "node:fs";
import { createSession, CURRENT_PASSWORD_LIMIT, LAST_SEEN_RESOLUTION_MS, SESSION_TTL_MS, signIn } from "@ilm-forms/db";
import { loadConfig } from "../../server/config.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as account from "../../app/routes/account.tsx";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";
import { rows, scalar } from "../support/database.ts";

let h: RouteHarness;
const args = (request: Request) => ({ request, context: h.context, params: {} });
const passwordOf = (email: string) => h.demo.signIns.find((p) => p.email === email)!.password;
const withSession = (cookie: string, token: string) => cookie.replace(/ilm_session=[^;]+/, `ilm_session=${token}`);
const tokenOf = (cookie: string) => /ilm_session=([^;]+)/.exec(cookie)![1]!;

function status(result: unknown): number | undefined {
  return result instanceof Response ? result.status : undefined;
}

/** The account page as this cookie's person sees it, or the Response it answered with (a redirect to sign in). */
async function page(cookie: string) {
  return settle(() => account.loader(args(h.request("/account", { cookie }))));
}

async function changePassword(cookie: string, form: { current: string; password: string; again?: string }) {
  return settle(() => account.action(args(h.request("/account", { cookie, form: { intent: "change-password", again: form.password, ...form } }))));
}

beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("/account: your own password", () => {
  it("refuses a wrong current password, a weak new one and two different new ones, naming the field, and changes nothing", async () => {
    const email = "learner1@demo.ilm-forms.test";
    const cookie = await h.cookieFor(email);
    const hash = await scalar<string>(h.database, "select password_hash from users where email = ?", email);
    expect(await changePassword(cookie, { current: "not-my-password", password: "a-new-long-password" })).toEqual({ errors: [{ href: "#current", message: "Your current password is not right" }] });
    expect(await changePassword(cookie, { current: passwordOf(email), password: "short" })).toEqual({ errors: [{ href: "#password", message: "Password must be at least 8 characters" }] });
    expect(await changePassword(cookie, { current: passwordOf(email), password: "a-new-long-password", again: "a-new-long-passwort" })).toEqual({ errors: [{ href: "#again", message: "Type the same new password twice" }] });
    expect(await changePassword(cookie, { current: "", password: "" })).toEqual({ errors: [{ href: "#current", message: "Enter your current password" }, { href: "#password", message: "Enter a new password" }] });
    expect(await scalar<string>(h.database, "select password_hash from users where email = ?", email)).toBe(hash);
    expect(await page(cookie)).toMatchObject({ email });
  });

  it("changes it: the old password is refused at sign-in, the new one works, the other session ends, this browser gets a new one, and it is audited", async () => {
    const email = "learner2@demo.ilm-forms.test";
    const old = passwordOf(email);
    const here = await h.cookieFor(email);
    const elsewhere = await h.cookieFor(email);
    const next = "my own new password 2026";
    const result = await changePassword(here, { current: old, password: next });
    expect(status(result)).toBe(302);
    const response = result as Response;
    expect(response.headers.get("Location")).toBe("/account?changed=1");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^ilm_session=[\w-]{40,};.*HttpOnly/);
    const rotated = withSession(here, tokenOf(setCookie));
    expect(tokenOf(rotated)).not.toBe(tokenOf(here));

    expect(await page(rotated)).toMatchObject({ email, changed: false, sessions: [{ current: true }] });
    for (const ended of [here, elsewhere]) {
      const answer = await page(ended);
      expect(status(answer)).toBe(302);
      expect((answer as Response).headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
    }
    expect(await signIn(h.database.db, { email, password: old, ip: "10.7.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect((await signIn(h.database.db, { email, password: next, ip: "10.7.0.1" })).ok).toBe(true);
    const audit = await scalar<string>(h.database, `select "after" from audit_log where action = 'member.password-change' and entity_id = (select id from users where email = ?)`, email);
    expect(JSON.parse(audit)).toEqual({ otherSessionsEnded: 1 });
  });

  it(`refuses tries of the current password after ${CURRENT_PASSWORD_LIMIT.attempts} in a quarter of an hour with a 429, even the right one`, async () => {
    const email = "learner3@demo.ilm-forms.test";
    const cookie = await h.cookieFor(email);
    for (let i = 0; i < CURRENT_PASSWORD_LIMIT.attempts; i++) {
      expect(await changePassword(cookie, { current: `guess-${i}-wrong`, password: "a-new-long-password" })).toMatchObject({ errors: [{ href: "#current" }] });
    }
    const refused = (await changePassword(cookie, { current: passwordOf(email), password: "a-new-long-password" })) as Response;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("900");
    expect(await refused.text()).toBe("Too many tries of your current password. Wait 15 minutes and try again.");
    // Signing other sessions out asks for the same password: the same tries.
    const end = await settle(() => account.action(args(h.request("/account", { cookie, form: { intent: "end-sessions", end: "all", "sessions-password": passwordOf(email) } }))));
    expect(status(end)).toBe(429);
    expect((await signIn(h.database.db, { email, password: passwordOf(email), ip: "10.7.1.1" })).ok).toBe(true);
  });
});

describe("/account: your sessions", () => {
  it("lists the person's sessions with this browser marked and no token or id, and signs out one or everywhere else after the password again", async () => {
    const email = "assessor2@demo.ilm-forms.test";
    const first = await h.cookieFor(email);
    const second = await h.cookieFor(email);
    const here = await h.cookieFor(email);
    const loaded = (await page(here)) as Awaited<ReturnType<typeof account.loader>>;
    expect(loaded.sessions.map((s) => s.current).sort()).toEqual([false, false, true]);
    expect(loaded.sessions[0]!.startedAt).toMatch(/^\d{1,2} \w+ \d{4}(,| at) \d{2}:\d{2} UTC$/);
    expect(loaded.idleMinutes).toBe(120);
    const serialised = JSON.stringify(loaded);
    const stored = await rows<{ id: string }>(h.database, "select id from sessions where user_id = (select id from users where email = ?)", email);
    for (const secret of [tokenOf(first), tokenOf(second), tokenOf(here), ...stored.map((r) => r.id)]) expect(serialised).not.toContain(secret);

    const end = (form: Record<string, string>) => settle(() => account.action(args(h.request("/account", { cookie: here, form: { intent: "end-sessions", ...form } }))));
    expect(await end({ end: "all" })).toEqual({ errors: [{ href: "#sessions-password", message: "Type your password to sign other sessions out" }] });
    expect(await end({ end: "all", "sessions-password": "not-my-password" })).toEqual({ errors: [{ href: "#sessions-password", message: "Your password is not right" }] });
    expect(await end({ end: "../../etc", "sessions-password": passwordOf(email) })).toEqual({ errors: [{ href: "#sessions", message: "Choose a session to sign out" }] });
    expect(status(await page(first))).toBeUndefined();
    // The oldest session, by the handle on its row.
    const oldest = loaded.sessions.at(-1)!;
    expect(oldest.current).toBe(false);
    expect(await end({ end: oldest.handle, "sessions-password": passwordOf(email) })).toEqual({ done: "The session is signed out." });
    expect(status(await page(first))).toBe(302);
    expect(status(await page(second))).toBeUndefined();
    expect(await end({ end: "all", "sessions-password": passwordOf(email) })).toEqual({ done: "You are signed out everywhere else: 1 other session ended." });
    expect(status(await page(second))).toBe(302);
    const after = (await page(here)) as Awaited<ReturnType<typeof account.loader>>;
    expect(after.sessions).toMatchObject([{ current: true }]);
    expect(await scalar(h.database, "select count(*) from audit_log where action = 'member.sessions-end'")).toBe(2);
  });

  it("does not show one person's sessions to another, and sends an anonymous visitor to sign in", async () => {
    const mine = await h.cookieFor("iqa@demo.ilm-forms.test");
    await h.cookieFor("eqa@demo.ilm-forms.test");
    expect(((await page(mine)) as Awaited<ReturnType<typeof account.loader>>).sessions).toHaveLength(1);
    const anonymous = await settle(() => account.loader(args(h.request("/account"))));
    expect((anonymous as Response).headers.get("Location")).toBe("/sign-in?redirectTo=%2Faccount");
  });

  it("ends a session unused for longer than the idle limit (SESSION_IDLE_MINUTES), however long it had left", async () => {
    const email = "learner4@demo.ilm-forms.test";
    const userId = await scalar<string>(h.database, "select id from users where email = ?", email);
    const cookie = await h.cookieFor(email);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);
    const idle = await createSession(h.database.db, userId, { now: hoursAgo(3) });
    expect(status(await page(withSession(cookie, idle.token)))).toBe(302);
    const recent = await createSession(h.database.db, userId, { now: hoursAgo(1) });
    expect(await page(withSession(cookie, recent.token))).toMatchObject({ email });
    // With a 30-minute limit configured, the hour-old session is over too.
    const before = h.context.config.sessionIdleMs;
    const quiet = await createSession(h.database.db, userId, { now: hoursAgo(1) });
    h.context.config.sessionIdleMs = 30 * 60 * 1000;
    try {
      expect(status(await page(withSession(cookie, quiet.token)))).toBe(302);
    } finally {
      h.context.config.sessionIdleMs = before;
    }
  });
});

describe("the session limits as documented", () => {
  it("states the session limits that the code enforces (docs/operations.md, decision 064)", () => {
    const config = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv);
    const operations = readFileSync(new URL("../../../../docs/operations.md", import.meta.url), "utf8");
    const row = (name: string) => operations.split("\n").find((line) => line.startsWith(`| ${name} |`)) ?? "";
    expect(row("`SESSION_IDLE_MINUTES`")).toContain(`**${config({}).sessionIdleMs / 60_000}** by default`);
    expect(row("absolute session lifetime")).toContain(`**${SESSION_TTL_MS / 3_600_000} hours**`);
    expect(row("last use recorded")).toContain(LAST_SEEN_RESOLUTION_MS === 60_000 ? "once a minute" : "(changed)");
    expect(row("tries of the current password")).toContain(`**${CURRENT_PASSWORD_LIMIT.attempts}** a quarter of an hour`);
    expect(CURRENT_PASSWORD_LIMIT.windowMs).toBe(15 * 60_000);
    expect(() => config({ SESSION_IDLE_MINUTES: "721" })).toThrow("SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 720, not 721");
    expect(config({ SESSION_IDLE_MINUTES: "30" }).sessionIdleMs).toBe(30 * 60_000);
    const decision = readFileSync(new URL("../../../../docs/decisions/064-session-idle-limit-and-lifetime.md", import.meta.url), "utf8");
    expect(decision.split("\n")[0]).toBe(`# 064: Sessions end after ${config({}).sessionIdleMs / 3_600_000} hours unused or ${SESSION_TTL_MS / 3_600_000} hours in all; last use written at most once a minute`);
  });
});
