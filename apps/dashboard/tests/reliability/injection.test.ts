import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { connectDatabase, createDocument, verifyAuditChain, type OpenDatabase } from "@ilm-forms/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { rows, scalar } from "../support/database.ts";
import type { TestServer } from "../support/server.ts";
import { Client, type Answer } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// Injection through HTTP against the built dashboard, on both engines: text that would end an inline
// script (ASVS 1.2.3) and SQL in every id, search, filter and e-mail field (1.2.4).

let world: World;
let server: TestServer;
let read: OpenDatabase;
let browser: Browser;
let hostileDoc = "";

const SCRIPT_BREAKERS = "</script><script>alert(1)</script> </SCRIPT ><script>alert(2)</script> <!--<script> \u2028line\u2029para <\\/script> ${alert(3)} `x` \"q\" 'a' \\ ]]>";

beforeAll(async () => {
  world = await createWorld();
  const database = await connectDatabase(world.databasePath);
  const l1 = world.demo.learner1!;
  const made = await createDocument(database.db, l1.scope, {
    learnerId: l1.learnerId!,
    templateId: "ilm-8588/session-record",
    data: { clientRef: "Client 1", sessionNo: 91, sessionDate: "2026-05-03", duration: 60, goal: SCRIPT_BREAKERS, reality: SCRIPT_BREAKERS },
  });
  if (!made.ok) throw new Error(`could not add the hostile document: ${JSON.stringify(made)}`);
  hostileDoc = made.id;
  await database.close();
  // Sign-ins from many addresses (through a trusted proxy), so the sign-in limits do not answer first.
  server = await startOn(world, { TRUST_PROXY: "loopback" });
  read = await connectDatabase(world.databasePath, { migrate: false });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await read?.close();
  await server?.stop();
  await world?.remove();
}, 60_000);

/** The inline scripts of a page, as Chromium's HTML parser finds them (no script runs). */
async function scriptsOf(html: string): Promise<{ nonce: string; text: string; src: string; type: string }[]> {
  const page = await browser.newPage({ javaScriptEnabled: false });
  try {
    return await page.evaluate((source) => [...new DOMParser().parseFromString(source, "text/html").scripts].map((s) => ({ nonce: s.nonce || s.getAttribute("nonce") || "", text: s.textContent ?? "", src: s.src, type: s.type })), html);
  } finally {
    await page.close();
  }
}

/** Why a script's text is not a whole script or module, or "" when it is one (compiled, never run). */
function compileError(text: string, module: boolean): string {
  if (!module) {
    try {
      new Script(text);
      return "";
    } catch (error) {
      return String(error);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "ilm-module-"));
  try {
    writeFileSync(join(dir, "inline.mjs"), text);
    const checked = spawnSync(process.execPath, ["--check", join(dir, "inline.mjs")], { encoding: "utf8" });
    return checked.status === 0 ? "" : checked.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What is wrong with a page's scripts: one without the response's nonce, text that became a script, a script cut short. */
async function scriptProblems(path: string, html: string, nonce: string): Promise<string[]> {
  const found: string[] = [];
  const scripts = await scriptsOf(html);
  if (scripts.length === 0) found.push(`${path}: no script at all`);
  for (const script of scripts) {
    if (script.nonce !== nonce) found.push(`${path}: a script without the response's nonce: ${script.text.slice(0, 80)}`);
    if (/^\s*alert\(/.test(script.text)) found.push(`${path}: the document's text became a script: ${script.text}`);
    if (script.src) continue;
    const problem = compileError(script.text, script.type === "module");
    if (problem) found.push(`${path}: an inline script does not compile (closed early?): ${problem}`);
  }
  return found;
}

let address = 0;
/** A client at an address of its own (X-Forwarded-For through the trusted proxy). */
const fresh = (extra: Record<string, string> = {}) => new Client(server.url, { "X-Forwarded-For": `10.9.${Math.floor(++address / 250)}.${address % 250}`, ...extra });

describe("JSON in inline scripts (ASVS 1.2.3)", () => {
  it("keeps </script>, U+2028 and U+2029 in a learner's document inside the page's data: no inline script closes early and the data arrives whole", async () => {
    const d = world.demo;
    const learner = await fresh().signIn(d.learner1!.email, d.learner1!.password);
    const assessor = await fresh().signIn(d.assessor1!.email, d.assessor1!.password);
    const pages: [Client, string][] = [
      [learner, `/learner/documents/${hostileDoc}`],
      [learner, "/learner/units/501"],
      [assessor, `/documents/${hostileDoc}`],
    ];
    const found: string[] = [];
    for (const [client, path] of pages) {
      const answer = await client.request(path);
      expect(answer.status, path).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "")?.[1] ?? "";
      found.push(...(await scriptProblems(path, answer.text, nonce)));
    }
    // The checks see the fault they look for: the same text put into a script as naive JSON ends it early.
    const naive = `<!doctype html><html><body><script nonce="n">window.data = ${JSON.stringify({ goal: SCRIPT_BREAKERS })};</script></body></html>`;
    expect((await scriptProblems("naive", naive, "n")).length).toBeGreaterThan(0);
    expect(found).toEqual([]);
    // In a browser: the page hydrates with the text whole (U+2028 and all), and nothing breaks or is refused by the CSP.
    const context = await browser.newContext();
    await context.addCookies([...learner.cookies].map(([name, value]) => ({ name, value, url: server.url })));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await page.goto(`${server.url}/learner/documents/${hostileDoc}`);
    await page.waitForLoadState("networkidle");
    const loaderData = await page.evaluate(() => JSON.stringify((window as unknown as { __remixContext?: { state?: { loaderData?: unknown } } }).__remixContext?.state?.loaderData ?? null));
    await context.close();
    expect(loaderData).toContain(JSON.stringify(SCRIPT_BREAKERS).slice(1, -1));
    expect(errors).toEqual([]);
  });
});

const SQL = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "\" OR \"\"=\"",
  "'; DROP TABLE users; --",
  "1; DELETE FROM documents",
  "x' UNION SELECT password_hash, email FROM users --",
  "') OR ('a'='a",
  "%' OR '%'='",
  "\\'; SELECT pg_sleep(5); --",
  "1 AND (SELECT COUNT(*) FROM sqlite_master) > 0",
  "$1",
  "?",
  ":id",
  "admin@demo.ilm-forms.test'--",
  "ILM' OR learner_number LIKE '%",
];

/** What must not change: every person, membership, learner, document and submission. */
async function fingerprint(): Promise<string> {
  const parts: unknown[] = [];
  for (const [table, order] of [["centres", "id"], ["users", "id"], ["memberships", "user_id, centre_id"], ["learners", "id"], ["registrations", "id"], ["documents", "id"], ["submissions", "id"], ["attachments", "id"]] as const) {
    const all = await rows<Record<string, unknown>>(read, `select * from ${table} order by ${order}`);
    // The API token's last use is bookkeeping the portal's requests write on purpose (decision 071).
    parts.push(table, table === "centres" ? all.map(({ api_token_last_used_at: _lastUse, ...centre }) => centre) : all);
  }
  return JSON.stringify(parts);
}

describe("SQL injection (ASVS 1.2.4)", () => {
  it("treats SQL in every id, query, search and e-mail field as data: no 5xx, no sign-in, nothing read or changed", async () => {
    const d = world.demo;
    const before = await fingerprint();
    const learner = await fresh().signIn(d.learner1!.email, d.learner1!.password);
    const assessor = await fresh().signIn(d.assessor1!.email, d.assessor1!.password);
    const learner2 = await fresh().signIn(d.learner2!.email, d.learner2!.password);
    const iqa = await fresh().signIn(d.iqa!.email, d.iqa!.password);
    const eqa = await fresh().signIn(d.eqa!.email, d.eqa!.password);
    const admin = await fresh().signIn(d.admin!.email, d.admin!.password);
    const portal = fresh({ Authorization: `Bearer ${world.apiToken}` });
    const answers: [string, Answer][] = [];
    const send = async (label: string, client: Client, path: string, send?: Parameters<Client["request"]>[1]) => answers.push([label, await client.request(path, send)]);
    for (const text of SQL) {
      const e = encodeURIComponent(text);
      await send("sign-in email", fresh(), "/sign-in", { form: { email: text, password: text } });
      await send("sign-in password", fresh(), "/sign-in", { form: { email: d.learner1!.email, password: text } });
      await send("sign-in email+comment", fresh(), "/sign-in", { form: { email: `${d.learner1!.email}'--`, password: text } });
      for (const path of [`/learner/documents/${e}`, `/documents/${e}`, `/learner/units/${e}`, `/learner/documents/new?template=${e}`, `/learner/units/501?client=${e}`, `/downloads/document/${e}.html`, `/attachments/${e}`, `/learner?page=${e}`, `/downloads/portfolio/${e}.html`]) {
        await send(path, learner, path);
      }
      for (const path of [`/assessor/submissions/${e}`, `/assessor/records/${e}`, `/assessor/learners?page=${e}`, `/assessor/learners/${e}/records/new?template=${e}`, `/downloads/portfolio/${e}/501.html`]) await send(path, assessor, path);
      await send("iqa submission", iqa, `/iqa/submissions/${e}`);
      await send("iqa paging", iqa, `/iqa?page=${e}&assessed-page=${e}`);
      await send("eqa submission", eqa, `/eqa/submissions/${e}`);
      await send("admin paging", admin, `/admin?people-page=${e}&registrations-page=${e}`);
      await send("admin deactivate", admin, "/admin", { form: { intent: "deactivate", userId: text } });
      await send("admin unassign", admin, "/admin", { form: { intent: "unassign", id: text } });
      await send("iqa decision", iqa, `/iqa/submissions/${world.records.demoL3Submission}`, { form: { decision: text, comments: text } });
      await send("eqa comment", eqa, `/eqa/submissions/${world.records.demoL3Submission}`, { form: { intent: text, comment: text } });
      await send("submit declaration", learner, "/learner/units/501/submit", { form: { name: text, contentHash: text } });
      await send("signing link form", fresh(), `/sign/${e}`, { form: { name: text, confirm: "yes", contentHash: text } });
      await send("account password", learner2, "/account", { form: { intent: "change-password", current: text, password: text, again: text } });
      await send("api learnerNumber", portal, `/api/v1/documents?learnerNumber=${e}`);
      await send("api document id", portal, `/api/v1/documents/${e}`);
      await send("api create", portal, "/api/v1/documents", { json: { learnerNumber: text, template: "ilm-8588/session-record", data: { goal: text } } });
      await send("api attachments", portal, `/api/v1/attachments?learnerNumber=${e}&documentId=${e}`);
      await send("signing link", fresh(), `/sign/${e}`);
      await send("reset link", fresh(), `/reset-password/${e}`);
    }
    const serverErrors = answers.filter(([, a]) => a.status >= 500).map(([label, a]) => `${label}: ${a.status}`);
    expect(serverErrors).toEqual([]);
    // No injected sign-in let anyone in, and no API look-up found a learner.
    const signIns = answers.filter(([label, a]) => label.startsWith("sign-in") && a.status !== 200).map(([label, a]) => `${label}: ${a.status} ${a.location}`);
    expect(signIns).toEqual([]);
    const found = answers.filter(([label, a]) => label.startsWith("api") && a.status < 400).map(([label, a]) => `${label}: ${a.status} ${a.text.slice(0, 100)}`);
    expect(found).toEqual([]);
    // The secrets asked for by UNION never appear in an answer.
    const hashes = (await rows<{ h: string }>(read, "select password_hash as h from users")).map((r) => r.h);
    expect(answers.filter(([, a]) => hashes.some((h) => a.text.includes(h))).map(([label]) => label)).toEqual([]);
    // A name and an e-mail that look like SQL are stored as they were typed.
    const name = "Robert'); DROP TABLE learners; --";
    const email = "o'brien--@example.org";
    const added = await admin.request("/admin", { form: { intent: "add-member", name, email, role: "learner", password: "a long enough passphrase 42", learnerNumber: "" } });
    expect(added.status).toBe(200);
    const stored = await rows<{ name: string; email: string }>(read, "select name, email from users where email = ?", email);
    expect(stored).toEqual([{ name, email }]);
    expect(await scalar(read, "select count(*) as n from learners")).toBeGreaterThan(0);
    // Everything else is as it was; the audit chain holds; the people can still sign in.
    const after = JSON.parse(await fingerprint()) as unknown[];
    const expected = JSON.parse(before) as unknown[];
    const users = 3;
    (after[users] as { email: string }[]).splice((after[users] as { email: string }[]).findIndex((u) => u.email === email), 1);
    const memberships = after[5] as { user_id: string }[];
    const newId = (await rows<{ id: string }>(read, "select id from users where email = ?", email))[0]!.id;
    after[5] = memberships.filter((m) => m.user_id !== newId);
    const learners = after[7] as { user_id: string }[];
    after[7] = learners.filter((l) => l.user_id !== newId);
    expect(after).toEqual(expected);
    expect((await verifyAuditChain(read.db)).ok).toBe(true);
    await fresh().signIn(d.learner1!.email, d.learner1!.password);
    figure("sql-injection", `${answers.length} requests with ${SQL.length} injection strings: 5xx = ${serverErrors.length}, sign-ins = ${signIns.length}, API finds = ${found.length} (goal 0 each)`);
  });
});
