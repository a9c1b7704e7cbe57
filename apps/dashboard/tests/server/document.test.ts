import { openDatabase } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../reliability/support/http.ts";
import { startServer, type TestServer } from "../support/server.ts";

// How the built server answers a page: rendered whole and sent in one piece with its length, the
// routes' modules named through the build's manifest file, every inline script with the nonce; and a
// page shown again after a save shows the save (the answers kept between unchanged requests are
// dropped on every write).

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function person(role: string): { email: string; password: string } {
  const found = [...server.signIns.values()].find((p) => p.role === role && p.email.startsWith("learner1@"));
  if (!found) throw new Error(`no ${role} in ${server.output()}`);
  return found;
}

describe("a page from the built server", () => {
  it("is the whole document with its Content-Length, the manifest file and the nonce on every inline script", async () => {
    const learner = person("learner");
    const client = await new Client(server.url).signIn(learner.email, learner.password);
    const answer = await client.request("/learner/units/501");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(Number(answer.headers.get("Content-Length"))).toBe(Buffer.byteLength(answer.text));
    expect(answer.headers.get("Transfer-Encoding")).toBeNull();
    expect(answer.text.startsWith("<!DOCTYPE html>")).toBe(true);
    // The hydration data is complete: the stream of single fetch is closed at the end.
    expect(answer.text).toMatch(/window\.__remixContext\.streamController\.close\(\);<\/script>(<!--\/\$-->)*$/);
    expect(answer.text).toMatch(/<link rel="modulepreload" href="\/assets\/manifest-[\w-]+\.js"\/>/);
    const manifest = /href="(\/assets\/manifest-[\w-]+\.js)"/.exec(answer.text)![1]!;
    const file = await fetch(server.url + manifest);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain("routes/learner.units.$unit");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(answer.headers.get("Content-Security-Policy") ?? "")![1]!;
    const scripts = answer.text.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("shows a document saved since the page was last shown", async () => {
    const learner = person("learner");
    const client = await new Client(server.url).signIn(learner.email, learner.password);
    const before = await client.request("/learner/units/501");
    expect((await client.request("/learner/units/501")).text.length).toBe(before.text.length);
    const data = { clientRef: "Client 1", sessionNo: 7, sessionDate: "2026-04-02", duration: 90, goal: "A session saved between two page views" };
    const saved = await client.request("/learner/documents/new?template=ilm-8588/session-record", { form: { document: JSON.stringify(data) } });
    expect(saved.status).toBeLessThan(400);
    const after = await client.request("/learner/units/501");
    const rows = (html: string) => (html.match(/<td[^>]*><a href="\/learner\/documents\//g) ?? []).length;
    expect(rows(before.text)).toBeGreaterThan(0);
    expect(rows(after.text)).toBe(rows(before.text) + 1);
    expect(after.text).toContain("Session 7 · 02/04/2026");
  });
});

describe("a form that counts words, rendered by the server", () => {
  // @ilm-forms/react's word counting is a chunk of its own (decision 048); the server loads it before
  // rendering (entry.server.tsx), so the page as sent, before any script runs, carries the count and
  // the guidance, and the browser hydrates the same markup.
  it("sends the count and the handbook's guidance in the page's HTML, new and saved", async () => {
    const learner = person("learner");
    const client = await new Client(server.url).signIn(learner.email, learner.password);
    const blank = await client.request("/learner/documents/new?template=ilm-8588/assignment-500");
    expect(blank.status).toBe(200);
    expect(blank.text).toMatch(/<input id="root_wordCount"[^>]*readOnly=""[^>]*value="0"|<input id="root_wordCount"[^>]*value="0"[^>]*readOnly=""/i);
    expect(blank.text).toContain("Below the suggested word count (4,000 to 5,500 words) by 4,000 words. This is guidance, not a requirement.");

    const data = { learnerName: "Priya Shah", registrationNo: "ILM-500", introduction: "One two three", wordCount: 70000 };
    const saved = await client.request("/learner/documents/new?template=ilm-8588/assignment-500", { form: { document: JSON.stringify(data) } });
    expect(saved.status).toBe(200);
    const { sqlite, close } = openDatabase(server.databasePath);
    let id: string;
    try {
      const rows = sqlite.prepare("select id, data from documents").all() as { id: string; data: string }[];
      const row = rows.find((r) => (JSON.parse(r.data) as { introduction?: string }).introduction === "One two three");
      expect(JSON.parse(row!.data)).toMatchObject({ learnerName: "Priya Shah", wordCount: 3 });
      id = row!.id;
    } finally {
      close();
    }
    const page = await client.request(`/learner/documents/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<input id="root_wordCount"[^>]*value="3"/);
    expect(page.text).toContain("Below the suggested word count (4,000 to 5,500 words) by 3,997 words. This is guidance, not a requirement.");
  });
});
