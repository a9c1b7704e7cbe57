import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { connectDatabase, type OpenDatabase } from "@ilm-forms/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { rows } from "../support/database.ts";
import type { TestServer } from "../support/server.ts";
import { POLICY, type Principal } from "./access-policy.ts";
import { Client, type Answer } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// What every answer of the dashboard carries, over every GET route of the access policy as every
// principal: the referrer policy (ASVS 3.4.5), a Content-Type with its charset (4.1.1), the sign-out
// control on every signed-in page (7.4.4), password fields (6.2.6, 6.2.7), no debug mode (13.4.2)
// and no field a page or the API does not need (15.3.1).

let world: World;
let server: TestServer;
let read: OpenDatabase;
let browser: Browser;
const clients = new Map<Principal, Client>();
/** Every answer: `GET path as principal` and what came back. */
const answers: { label: string; principal: Principal; path: string; answer: Answer }[] = [];
let resetPath = "";

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world);
  read = await connectDatabase(world.databasePath, { migrate: false });
  browser = await launchChromium();
  const d = world.demo;
  clients.set("anonymous", new Client(server.url));
  clients.set("portal", new Client(server.url, { Authorization: `Bearer ${world.apiToken}` }));
  const people: Record<Exclude<Principal, "anonymous" | "portal">, { email: string; password: string }> = { learner: d.learner1!, assessor: d.assessor1!, iqa: d.iqa!, centre_admin: d.admin!, eqa: d.eqa! };
  for (const [role, who] of Object.entries(people)) clients.set(role as Principal, await new Client(server.url).signIn(who.email, who.password));
  // A link to set a new password, made by the centre admin, so its page can be checked too.
  const made = await clients.get("centre_admin")!.request("/admin", { form: { intent: "reset-password", userId: d.learner2!.userId } });
  resetPath = /\/reset-password\/[A-Za-z0-9_-]{20,}/.exec(made.text)?.[0] ?? "";
  for (const endpoint of POLICY) {
    if (!endpoint.GET) continue;
    for (const [principal, client] of clients) {
      const admin = principal === "iqa" || principal === "centre_admin" || principal === "eqa";
      const values: Record<string, string> = {
        id: endpoint.record === "submission" ? (admin ? world.records.demoL3Submission : world.records.demoL1Submission) : admin ? world.records.demoL3Doc : world.records.demoL1Doc,
        learnerId: d.learner1!.learnerId!,
        unit: "501",
        learnerNumber: world.learnerNumbers.demoL1,
      };
      if (endpoint.record === "attachment") values.id = admin ? world.records.demoL3Attachment : world.records.demoL1Attachment;
      const path = endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k]!));
      answers.push({ label: `GET ${path} as ${principal}`, principal, path, answer: await client.request(path) });
    }
  }
  const anonymous = clients.get("anonymous")!;
  for (const path of ["/no/such/page", "/favicon.svg", resetPath, "/sign-in?reset=1"]) answers.push({ label: `GET ${path}`, principal: "anonymous", path, answer: await anonymous.request(path) });
  answers.push({ label: "POST 413", principal: "anonymous", path: "/sign-in", answer: await anonymous.request("/sign-in", { method: "POST", body: "x".repeat(3 * 1024 * 1024), headers: { "Content-Type": "application/x-www-form-urlencoded" } }) });
  answers.push({ label: "POST bad sign-in", principal: "anonymous", path: "/sign-in", answer: await new Client(server.url).request("/sign-in", { form: { email: "nobody@example.org", password: "wrong" } }) });
  answers.push({ label: "POST without CSRF", principal: "learner", path: "/account", answer: await clients.get("learner")!.request("/account", { form: { intent: "change-password" }, csrf: false }) });
  answers.push({ label: "PUT API bad JSON", principal: "portal", path: "/api/v1/documents/x", answer: await clients.get("portal")!.request(`/api/v1/documents/${world.records.demoL1OpenDoc}`, { method: "PUT", body: "{", headers: { "Content-Type": "application/json" } }) });
  const assets = readdirSync(join(import.meta.dirname, "../../build/client/assets")).filter((f) => f.endsWith(".js"));
  answers.push({ label: "GET an asset", principal: "anonymous", path: `/assets/${assets[0]}`, answer: await anonymous.request(`/assets/${assets[0]}`) });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await read?.close();
  await server?.stop();
  await world?.remove();
}, 60_000);

const isPage = (a: Answer) => a.status === 200 && /^text\/html/.test(a.headers.get("content-type") ?? "") && !a.headers.get("content-disposition");

describe("every answer", () => {
  it("sends Referrer-Policy: same-origin on every answer, pages, redirects, refusals, files and API alike (ASVS 3.4.5)", () => {
    const wrong = answers.filter(({ answer }) => answer.headers.get("referrer-policy") !== "same-origin").map(({ label, answer }) => `${label} (${answer.status}): ${answer.headers.get("referrer-policy")}`);
    expect(wrong).toEqual([]);
    expect(answers.length).toBeGreaterThan(150);
  });

  it("gives every body a Content-Type that matches it, with charset=utf-8 on every text and JSON body (ASVS 4.1.1)", () => {
    const wrong: string[] = [];
    for (const { label, answer } of answers) {
      const type = answer.headers.get("content-type") ?? "";
      if (answer.text === "") continue;
      if (!type) {
        wrong.push(`${label} (${answer.status}): a body without Content-Type`);
        continue;
      }
      const textual = /^(text\/|application\/(json|problem\+json|javascript))/.test(type);
      if (textual && !/;\s*charset=utf-8/i.test(type)) wrong.push(`${label} (${answer.status}): ${type} without charset=utf-8`);
      const looksHtml = /^\s*<!DOCTYPE html/i.test(answer.text);
      const looksJson = /^\s*[[{]/.test(answer.text) && !looksHtml;
      if (looksHtml && !type.startsWith("text/html")) wrong.push(`${label}: an HTML page sent as ${type}`);
      if (looksJson && /^text\/html/.test(type)) wrong.push(`${label}: JSON sent as ${type}`);
      if (type.startsWith("application/json")) {
        try {
          JSON.parse(answer.text);
        } catch {
          wrong.push(`${label}: ${type} that is not JSON`);
        }
      }
      if (type.startsWith("application/pdf") && !answer.text.startsWith("%PDF-")) wrong.push(`${label}: application/pdf that is not a PDF`);
    }
    expect(wrong).toEqual([]);
  });

  it("shows the Sign out button, a POST form to /sign-out, on every page a signed-in person is shown (ASVS 7.4.4)", () => {
    const pages = answers.filter(({ principal, answer }) => principal !== "anonymous" && principal !== "portal" && isPage(answer));
    const without = pages.filter(({ answer }) => !/<form[^>]*\bmethod="post"[^>]*\baction="\/sign-out"[^>]*>[\s\S]*?<button[^>]*>Sign out<\/button>[\s\S]*?<\/form>/i.test(answer.text) && !/<form[^>]*\baction="\/sign-out"[^>]*\bmethod="post"[^>]*>[\s\S]*?<button[^>]*>Sign out<\/button>/i.test(answer.text));
    expect(without.map(({ label }) => label)).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
    // And a person who is not signed in is not offered it.
    const signIn = answers.find(({ label }) => label === "GET /sign-in as anonymous")!;
    expect(signIn.answer.text).not.toContain('action="/sign-out"');
  });

  it("asks for every password in a type=password field that password managers may fill (ASVS 6.2.6)", () => {
    const pages = answers.filter(({ answer }) => isPage(answer) && /<input[^>]*(password|current|again)/i.test(answer.text));
    const found = new Set<string>();
    const wrong: string[] = [];
    for (const { label, path, answer } of pages) {
      for (const input of answer.text.match(/<input\b[^>]*>/gi) ?? []) {
        const name = /\bname="([^"]*)"/.exec(input)?.[1] ?? "";
        if (!/password|^current$|^again$/.test(name)) continue;
        found.add(`${path.split("?")[0]!.replace(/\/reset-password\/.*/, "/reset-password/{token}")} ${name}`);
        if (!/\btype="password"/.test(input)) wrong.push(`${label}: ${input}`);
        if (!/\bautocomplete="(current-password|new-password)"/i.test(input)) wrong.push(`${label}: no current-password/new-password autocomplete: ${input}`);
        if (/\bautocomplete="off"|\breadonly\b|\bonpaste=/i.test(input)) wrong.push(`${label}: ${input}`);
      }
    }
    expect(wrong).toEqual([]);
    expect([...found].sort()).toEqual(
      expect.arrayContaining(["/sign-in password", "/account current", "/account password", "/account again", "/admin password", "/reset-password/{token} password", "/reset-password/{token} again"]),
    );
  });

  it("lets a person paste into every password field: no page cancels a paste (ASVS 6.2.7)", async () => {
    const learner = clients.get("learner")!;
    const admin = clients.get("centre_admin")!;
    const pages: [Client | undefined, string][] = [[undefined, "/sign-in"], [learner, "/account"], [admin, "/admin"], [undefined, resetPath]];
    const results: string[] = [];
    for (const [client, path] of pages) {
      const context = await browser.newContext();
      if (client) await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: server.url })));
      const page = await context.newPage();
      await page.goto(server.url + path);
      await page.waitForLoadState("networkidle");
      const fields = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('input[type="password"]')].map((input) => {
          const data = new DataTransfer();
          data.setData("text/plain", "pasted passphrase 123");
          const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
          input.dispatchEvent(paste);
          return `${input.name}: ${paste.defaultPrevented ? "paste blocked" : "paste allowed"}`;
        }),
      );
      await context.close();
      expect(fields.length, path).toBeGreaterThan(0);
      for (const f of fields) results.push(`${path.replace(/\/reset-password\/.*/, "/reset-password/{token}")} ${f}`);
    }
    expect(results.filter((r) => r.endsWith("paste blocked"))).toEqual([]);
    figure("paste", results.join("; "));
  });

  it("runs without debug mode: no Vite or live-reload client, no source maps, no framework banner, no development build (ASVS 13.4.2)", async () => {
    const anonymous = clients.get("anonymous")!;
    for (const path of ["/@vite/client", "/@fs/etc/passwd", "/@id/virtual:remix/server-build", "/__manifest?p=/", "/app/root.tsx", "/build/server/index.js", "/server.js"]) {
      const answer = await anonymous.request(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.text, path).not.toMatch(/import\.meta\.hot|createHotContext|root:x:0:/);
    }
    const wrong: string[] = [];
    for (const { label, answer } of answers) {
      if (answer.headers.get("x-powered-by")) wrong.push(`${label}: X-Powered-By ${answer.headers.get("x-powered-by")}`);
      if (isPage(answer) && /@vite\/client|__remixLiveReload|react-refresh|LiveReload|sourceMappingURL/.test(answer.text)) wrong.push(`${label}: a development script`);
    }
    expect(wrong).toEqual([]);
    const assets = join(import.meta.dirname, "../../build/client/assets");
    const files = readdirSync(assets);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    const dev = files.filter((f) => f.endsWith(".js") && /sourceMappingURL|react-refresh|jsxDEV\(/.test(readFileSync(join(assets, f), "utf8")));
    expect(dev).toEqual([]);
  });

  it("returns only the fields a page or the API needs: no password hash, token hash or session in any answer, and the documented API fields (ASVS 15.3.1)", async () => {
    const secrets = [
      ...(await rows<{ v: string }>(read, "select password_hash as v from users")).map((r) => r.v),
      ...(await rows<{ v: string }>(read, "select api_token_hash as v from centres where api_token_hash is not null")).map((r) => r.v),
      ...(await rows<{ v: string }>(read, "select token_hash as v from password_resets")).map((r) => r.v),
    ].filter((v) => v && v.length >= 16);
    expect(secrets.length).toBeGreaterThan(5);
    const sessionCookies = [...clients.values()].map((c) => c.cookies.get("ilm_session")).filter((v): v is string => !!v);
    const leaks: string[] = [];
    for (const { label, answer } of answers) {
      if (/\$argon2|password_?hash|passwordHash|tokenHash|api_?token_?hash/i.test(answer.text)) leaks.push(`${label}: names a hash`);
      for (const secret of [...secrets, ...sessionCookies]) if (answer.text.includes(secret)) leaks.push(`${label}: holds a secret`);
    }
    expect(leaks).toEqual([]);
    const portal = clients.get("portal")!;
    const list = JSON.parse((await portal.request(`/api/v1/documents?learnerNumber=${world.learnerNumbers.demoL1}`)).text) as { documents: Record<string, unknown>[] };
    expect(list.documents.length).toBeGreaterThan(0);
    for (const doc of list.documents) expect(Object.keys(doc).sort()).toEqual(["id", "status", "template", "templateVersion", "updatedAt", "version"]);
    const one = JSON.parse((await portal.request(`/api/v1/documents/${world.records.demoL1Doc}`)).text) as Record<string, unknown>;
    expect(Object.keys(one).sort()).toEqual(["data", "id", "status", "template", "templateVersion", "updatedAt", "version"]);
  });
});
