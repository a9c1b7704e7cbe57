import { createHash } from "node:crypto";
import { connectDatabase, CURRENT_PASSWORD_LIMIT, SIGN_IN_LIMIT, type OpenDatabase } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rows } from "../support/database.ts";
import type { TestServer } from "../support/server.ts";
import { Client } from "./support/http.ts";
import { SIGNING_LIMIT } from "../../app/models/rateLimits.server.ts";
import { createWorld, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// The security log (decision 067, docs/operations.md "security log"): over real HTTP against the
// built server, with its stderr captured, each security event is written once, as one JSON line,
// with its time in UTC, the person's id and centre when known, the client's address (behind the
// trusted proxy: X-Forwarded-For), the method and the path without the query (ASVS 16.1.1, 16.2.1,
// 16.3.1 to 16.3.3); no password, token, session id or cookie is ever written (16.2.5).

let world: World;
let server: TestServer;
let write: OpenDatabase;

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world, { TZ: "Pacific/Kiritimati", TRUST_PROXY: "loopback", CHROMIUM_PATH: "/nonexistent/chromium", PRINTED_DOWNLOADS_PER_10_MINUTES: "2" });
  write = await connectDatabase(world.databasePath, { migrate: false });
}, 120_000);

afterAll(async () => {
  await write?.close();
  await server?.stop();
  await world?.remove();
}, 60_000);

interface SecurityEntry {
  time: string;
  level: "security";
  event: string;
  reason?: string;
  rule?: string;
  limiter?: string;
  email?: string;
  userId?: string;
  centreId?: string;
  ip: string;
  method: string;
  path: string;
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
let nextAddress = 1;

/** A client from an address of its own, so the events it causes are told apart by `ip`. */
function from(): { client: Client; ip: string } {
  const ip = `10.61.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
  return { client: new Client(server.url, { "X-Forwarded-For": ip }), ip };
}

/** Every line written since `mark` must be JSON; the security entries among them, from address `ip`. */
function eventsSince(mark: number, ip: string): SecurityEntry[] {
  const lines = server.output().slice(mark).split("\n").filter((line) => line.trim() !== "");
  return lines.map((line) => JSON.parse(line) as SecurityEntry).filter((entry) => entry.level === "security" && entry.ip === ip);
}

/**
 * The entries from address `ip` since `mark`, once the server's stderr has reached this process:
 * waits until one of `event` for `path` has arrived (or 5 s passed), then a little longer for any second one.
 */
async function arrived(mark: number, ip: string, event: string, path: string): Promise<SecurityEntry[]> {
  const until = Date.now() + 5000;
  while (Date.now() < until && !eventsSince(mark, ip).some((entry) => entry.event === event && entry.path === path)) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 150));
  return eventsSince(mark, ip);
}

/** The one entry of `event` for `path` (it must be written exactly once), checked for the fields every entry has. */
async function once(mark: number, ip: string, event: string, method: string, path: string): Promise<SecurityEntry> {
  const entries = await arrived(mark, ip, event, path);
  const matching = entries.filter((entry) => entry.event === event && entry.path === path);
  expect(matching, `${event} written ${matching.length} times: ${JSON.stringify(entries)}`).toHaveLength(1);
  const entry = matching[0]!;
  expect(entry.time).toMatch(ISO_UTC);
  expect(Math.abs(Date.parse(entry.time) - Date.now())).toBeLessThan(120_000);
  expect(entry.method).toBe(method);
  return entry;
}

const mark = () => server.output().length;

describe("security log", () => {
  it("logs a sign-in that succeeds and one refused for a wrong password, an unknown address, a deactivated account and the rate limit, and a sign-out, each once with the person, centre, address, method and path without the query (ASVS 16.3.1)", async () => {
    const d = world.demo;
    const start = mark();
    const { client, ip } = from();
    const signedIn = await client.request("/sign-in?redirectTo=%2Flearner%3Fsecret%3D1", { form: { email: d.learner1!.email, password: d.learner1!.password } });
    expect(signedIn.status).toBe(302);
    const succeeded = await once(start, ip, "sign-in.succeeded", "POST", "/sign-in");
    expect(succeeded).toMatchObject({ userId: d.learner1!.userId, centreId: d.learner1!.centreId });
    expect(succeeded.email).toBeUndefined();

    const signOut = await client.request("/sign-out", { form: {} });
    expect(signOut.status).toBe(302);
    expect(await once(start, ip, "sign-out", "POST", "/sign-out")).toMatchObject({ userId: d.learner1!.userId, centreId: d.learner1!.centreId });

    // Wrong password: the address as typed, the reason; never the password.
    const wrong = from();
    const typed = `  ${d.assessor1!.email.toUpperCase()}  `;
    expect((await wrong.client.request("/sign-in", { form: { email: typed, password: "Not-the-password-4411" } })).status).toBe(200);
    const refused = await once(start, wrong.ip, "sign-in.refused", "POST", "/sign-in");
    expect(refused).toMatchObject({ reason: "wrong-password", email: typed.trim() });
    expect(refused.userId).toBeUndefined();

    // An unknown address with control characters and a line separator: escaped, inside one line.
    const unknown = from();
    const odd = "nobody\u0007\u2028\u001b[31m@example.org";
    expect((await unknown.client.request("/sign-in", { form: { email: odd, password: "whatever-it-is-1" } })).status).toBe(200);
    expect(await once(start, unknown.ip, "sign-in.refused", "POST", "/sign-in")).toMatchObject({ reason: "unknown-email", email: odd });
    const raw = server.output().slice(start).split("\n").find((line) => line.includes(unknown.ip))!;
    expect(raw).toContain("\\u0007");
    expect(raw).toContain("\\u2028");
    // eslint-disable-next-line no-control-regex -- a raw control character is what must not be there
    expect(raw).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);

    // A deactivated person with their right password.
    await rows(write, "update users set deactivated_at = ? where id = ?", new Date().toISOString(), d.learner5!.userId);
    const gone = from();
    expect((await gone.client.request("/sign-in", { form: { email: d.learner5!.email, password: d.learner5!.password } })).status).toBe(200);
    expect(await once(start, gone.ip, "sign-in.refused", "POST", "/sign-in")).toMatchObject({ reason: "deactivated", email: d.learner5!.email });

    // The rate limit: past the tries one address has for an account.
    const guesser = from();
    for (let i = 0; i < SIGN_IN_LIMIT.perAccountAndAddress; i++) await guesser.client.request("/sign-in", { form: { email: d.iqa!.email, password: `guess-${i}-wrong` } });
    expect(eventsSince(start, guesser.ip).filter((e) => e.event === "sign-in.refused")).toHaveLength(SIGN_IN_LIMIT.perAccountAndAddress);
    const limited = await guesser.client.request("/sign-in", { form: { email: d.iqa!.email, password: d.iqa!.password } });
    expect(limited.text).toContain("Too many attempts to sign in");
    expect(await once(start, guesser.ip, "rate-limit.refused", "POST", "/sign-in")).toMatchObject({ limiter: "sign-in", email: d.iqa!.email });
  });

  it("logs a session that ended (idle, past its lifetime, ended elsewhere, person deactivated) once when a request arrives with it (ASVS 16.3.1)", async () => {
    const d = world.demo;
    const cases: [string, string, (sessionId: string) => Promise<unknown>][] = [
      ["idle", d.learner2!.email, (id) => rows(write, "update sessions set last_seen_at = ? where id = ?", new Date(Date.now() - 3 * 3600_000).toISOString(), id)],
      ["expired", d.learner2!.email, (id) => rows(write, "update sessions set expires_at = ? where id = ?", new Date(Date.now() - 60_000).toISOString(), id)],
      ["ended", d.learner2!.email, (id) => rows(write, "delete from sessions where id = ?", id)],
      ["deactivated", d.learner4!.email, () => rows(write, "update users set deactivated_at = ? where id = ?", new Date().toISOString(), d.learner4!.userId)],
    ];
    for (const [reason, email, end] of cases) {
      const person = Object.values(d).find((p) => p.email === email)!;
      const { client, ip } = from();
      await client.signIn(person.email, person.password);
      const token = client.cookies.get("ilm_session")!;
      await end(createHash("sha256").update(token).digest("hex"));
      const start = mark();
      const answer = await client.request("/learner?page=2");
      expect(answer.status).toBe(302);
      expect((await once(start, ip, "session.ended", "GET", "/learner")).reason).toBe(reason);
    }
  });

  it("logs a password changed on the account page and one set through a reset link, with whose it is (ASVS 16.3.1)", async () => {
    const d = world.demo;
    const start = mark();
    const { client, ip } = from();
    const person = d.assessor2!;
    await client.signIn(person.email, person.password);
    const changed = "A changed passphrase for the log 3141";
    const change = await client.request("/account", { form: { intent: "change-password", current: person.password, password: changed, again: changed } });
    expect(change.status).toBe(302);
    expect(await once(start, ip, "password.changed", "POST", "/account")).toMatchObject({ userId: person.userId, centreId: person.centreId });

    const admin = from();
    await admin.client.signIn(d.admin!.email, d.admin!.password);
    const made = await admin.client.request("/admin", { form: { intent: "reset-password", userId: d.learner3!.userId } });
    const link = /\/reset-password\/([A-Za-z0-9_-]{20,})/.exec(made.text)![0];
    const opener = from();
    const reset = "Set through the link for the log 2718";
    expect((await opener.client.request(link, { form: { password: reset, again: reset } })).status).toBe(302);
    // The link's token is a secret: the path names it `:token`.
    const used = await once(start, opener.ip, "password.reset", "POST", "/reset-password/:token");
    expect(server.output().slice(start)).not.toContain(link.split("/").pop()!);
    expect(used).toMatchObject({ userId: d.learner3!.userId, centreId: d.admin!.centreId });
  });

  it("logs access refused by a role check and by centre scoping, on the pages and the evidence files (ASVS 16.3.2)", async () => {
    const d = world.demo;
    const start = mark();
    const { client, ip } = from();
    await client.signIn(d.learner2!.email, d.learner2!.password);
    expect((await client.request("/admin")).status).toBe(404);
    expect(await once(start, ip, "access.refused", "GET", "/admin")).toMatchObject({ rule: "role", userId: d.learner2!.userId, centreId: d.learner2!.centreId });
    const other = `/learner/documents/${world.records.otherL1Doc}`;
    expect((await client.request(other)).status).toBe(404);
    expect(await once(start, ip, "access.refused", "GET", other)).toMatchObject({ rule: "scope", userId: d.learner2!.userId, centreId: d.learner2!.centreId });
    const file = `/attachments/${world.records.demoL1Attachment}`;
    expect((await client.request(file)).status).toBe(404);
    expect(await once(start, ip, "access.refused", "GET", file)).toMatchObject({ rule: "scope", userId: d.learner2!.userId });
  });

  it("logs a form refused for its CSRF token and a post from another site's Origin (ASVS 16.3.3)", async () => {
    const d = world.demo;
    const start = mark();
    const { client, ip } = from();
    await client.signIn(d.learner2!.email, d.learner2!.password);
    expect((await client.request("/account", { form: { intent: "change-password", current: "x", password: "y", again: "y" }, csrf: false })).status).toBe(403);
    expect(await once(start, ip, "csrf.refused", "POST", "/account")).toMatchObject({ reason: "missing", userId: d.learner2!.userId });
    expect((await client.request("/sign-out?x=1", { form: {}, headers: { Origin: "https://evil.example" } })).status).toBe(403);
    await once(start, ip, "origin.refused", "POST", "/sign-out");
  });

  it("logs a refusal of the signing pages', the current password's and the printed downloads' rate limits, once each (ASVS 16.3.3)", async () => {
    const d = world.demo;
    const start = mark();
    const { client, ip } = from();
    const path = `/sign/${"z".repeat(43)}`;
    for (let i = 0; i < SIGNING_LIMIT.requests; i++) expect((await client.request(path)).status).not.toBe(429);
    expect(eventsSince(start, ip).filter((e) => e.event === "rate-limit.refused")).toHaveLength(0);
    expect((await client.request(`${path}?again=1`)).status).toBe(429);
    expect(await once(start, ip, "rate-limit.refused", "GET", "/sign/:token")).toMatchObject({ limiter: "signing-page" });

    const account = from();
    await account.client.signIn(d.eqa!.email, d.eqa!.password);
    for (let i = 0; i < CURRENT_PASSWORD_LIMIT.attempts; i++) await account.client.request("/account", { form: { intent: "change-password", current: `wrong-${i}-current`, password: "A long new passphrase 1", again: "A long new passphrase 1" } });
    expect((await account.client.request("/account", { form: { intent: "change-password", current: "wrong-again", password: "A long new passphrase 1", again: "A long new passphrase 1" } })).status).toBe(429);
    expect(await once(start, account.ip, "rate-limit.refused", "POST", "/account")).toMatchObject({ limiter: "current-password", userId: d.eqa!.userId });

    const reader = from();
    await reader.client.signIn(d.learner1!.email, d.learner1!.password);
    for (let i = 0; i < 2; i++) expect((await reader.client.request("/downloads/portfolio/501.zip")).status).not.toBe(429);
    expect((await reader.client.request("/downloads/portfolio/501.zip")).status).toBe(429);
    expect(await once(start, reader.ip, "rate-limit.refused", "GET", "/downloads/portfolio/501.zip")).toMatchObject({ limiter: "printed-download", userId: d.learner1!.userId, centreId: d.learner1!.centreId });
  });

  it("logs an API token refused (missing, malformed, unknown) on the document and the evidence file routes (ASVS 16.3.2)", async () => {
    const start = mark();
    const cases: [string, Record<string, string>, string][] = [
      ["missing", {}, `/api/v1/documents`],
      ["malformed", { Authorization: "Bearer short" }, `/api/v1/documents`],
      ["unknown", { Authorization: `Bearer ${"u".repeat(43)}` }, `/api/v1/attachments`],
    ];
    for (const [reason, headers, path] of cases) {
      const { client, ip } = from();
      const answer = await client.request(`${path}?learnerNumber=${world.learnerNumbers.demoL1}`, { headers });
      expect(answer.status).toBe(401);
      expect((await once(start, ip, "api-token.refused", "GET", path)).reason).toBe(reason);
    }
    // A token that works writes no refusal.
    const good = from();
    expect((await good.client.request(`/api/v1/documents?learnerNumber=${world.learnerNumbers.demoL1}`, { headers: { Authorization: `Bearer ${world.apiToken}` } })).status).toBe(200);
    expect(eventsSince(start, good.ip)).toEqual([]);
  });

  it("writes no password, session cookie, session id, CSRF token or API token in any line of a run of sign-ins, changes and refusals (ASVS 16.2.5)", async () => {
    const d = world.demo;
    const start = mark();
    const secrets: string[] = [world.apiToken, world.otherApiToken];
    const people = [d.admin!, d.assessor1!, d.iqa!];
    for (const person of people) {
      const { client } = from();
      await client.signIn(person.email, person.password);
      const cookie = client.cookies.get("ilm_session")!;
      secrets.push(person.password, cookie, createHash("sha256").update(cookie).digest("hex"), client.csrf, client.cookies.get("ilm_csrf")!);
      await client.request("/admin");
      await client.request("/account", { form: { intent: "change-password", current: "Wrong-current-9090", password: "A long new passphrase 2", again: "A long new passphrase 2" } });
      await client.request("/sign-out", { form: {}, csrf: false });
      await client.request("/sign-out", { form: {} });
      await client.request("/learner");
    }
    // A reset link opened, used with a weak password, then past the limit of its pages: its token is a secret too.
    const admin = from();
    await admin.client.signIn(d.admin!.email, d.admin!.password);
    const made = await admin.client.request("/admin", { form: { intent: "reset-password", userId: d.learner1!.userId } });
    const link = /\/reset-password\/([A-Za-z0-9_-]{20,})/.exec(made.text)!;
    secrets.push(link[1]!);
    const opener = from();
    await opener.client.request(link[0]);
    await opener.client.request(link[0], { form: { password: "short", again: "short" } });
    await opener.client.request(link[0], { form: { password: "x", again: "x" }, csrf: false });
    for (let i = 0; i <= SIGNING_LIMIT.requests; i++) await opener.client.request(link[0]);
    const wrongPassword = "Typed-wrong-at-sign-in-5511";
    secrets.push(wrongPassword, "Wrong-current-9090", "A long new passphrase 2");
    await from().client.request("/sign-in", { form: { email: d.learner2!.email, password: wrongPassword } });
    const bogus = "B".repeat(43);
    secrets.push(bogus);
    await from().client.request("/api/v1/documents", { headers: { Authorization: `Bearer ${bogus}` } });
    await from().client.request(`/api/v1/documents?learnerNumber=${world.learnerNumbers.demoL1}`, { headers: { Authorization: `Bearer ${world.apiToken}` } });
    const output = server.output().slice(start);
    const lines = output.split("\n").filter((line) => line.trim() !== "");
    expect(lines.filter((line) => (JSON.parse(line) as SecurityEntry).level === "security").length).toBeGreaterThan(12);
    const leaks = secrets.filter((secret) => secret && output.includes(secret)).map((secret) => `${secret.slice(0, 4)}…`);
    expect(leaks).toEqual([]);
    expect(output).not.toMatch(/ilm_session|ilm_csrf|Bearer|password"\s*:/i);
  });
});
