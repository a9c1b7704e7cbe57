import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client } from "../reliability/support/http.ts";
import { createWorld, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 180_000 });

// Printed downloads (PDF, and the ZIP of a portfolio with its files) are counted per person in the
// database, PRINTED_DOWNLOADS_PER_10_MINUTES of them in ten minutes; past it, 429 with Retry-After and a
// way on (the web page). Web pages are not counted, and one person's count is not another's.

let world: World;
let server: TestServer;

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world, { PRINTED_DOWNLOADS_PER_10_MINUTES: "3" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  world?.remove();
});

describe("the printed-download limit", () => {
  it("answers a person's fourth ZIP in ten minutes with 429 and says what to do, while web pages and other people go on", async () => {
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    for (let n = 1; n <= 3; n++) {
      const zip = await learner.request("/downloads/portfolio/501.zip");
      expect(zip.status, `ZIP ${n}`).toBe(200);
      expect(zip.headers.get("Content-Type")).toBe("application/zip");
    }
    const refused = await learner.request("/downloads/portfolio/501.zip");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("600");
    expect(refused.text).toContain("download the web page (HTML)");
    // Also a PDF: refused before Chromium is asked for anything.
    expect((await learner.request("/downloads/portfolio/501.pdf")).status).toBe(429);
    // The web page is not counted.
    const page = await learner.request("/downloads/portfolio/501.html");
    expect(page.status).toBe(200);
    // Another person has their own count.
    const other = await new Client(server.url).signIn(world.demo.assessor1!.email, world.demo.assessor1!.password);
    expect((await other.request(`/downloads/portfolio/${world.demo.learner1!.learnerId!}/501.zip`)).status).toBe(200);
  });

  it("refuses a setting that is not a whole number of at least 1 at start", async () => {
    const { loadConfig } = (await import("../../server/config.js")) as { loadConfig: (env: Record<string, string>) => unknown };
    expect(() => loadConfig({ PRINTED_DOWNLOADS_PER_10_MINUTES: "0" })).toThrow("PRINTED_DOWNLOADS_PER_10_MINUTES must be a whole number of at least 1, not 0");
    expect(() => loadConfig({ PRINTED_DOWNLOADS_PER_10_MINUTES: "ten" })).toThrow(/whole number/);
    expect((loadConfig({}) as { printedDownloadsPer10Minutes: number }).printedDownloadsPer10Minutes).toBe(60);
    expect(() => loadConfig({ SESSIONS_PER_PERSON: "-2" })).toThrow("SESSIONS_PER_PERSON must be a whole number of at least 1, not -2");
    expect((loadConfig({}) as { sessionsPerPerson: number }).sessionsPerPerson).toBe(10);
  });
});
