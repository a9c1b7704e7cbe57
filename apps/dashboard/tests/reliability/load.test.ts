import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import { openDatabase, type OpenDatabase } from "@ilm-forms/db";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestServer } from "../support/server.ts";
import { Client } from "./support/http.ts";
import { createWorld, figure, size, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// The page component is rendered here without Remix: useLoaderData answers the loader's data.
const page = vi.hoisted(() => ({ data: undefined as unknown }));
vi.mock("@remix-run/react", async (original) => ({ ...(await original<object>()), useLoaderData: () => page.data, useRouteLoaderData: () => ({ csrf: "c" }) }));
const learnerUnit = await import("../../app/routes/learner.units.$unit.tsx");
const { learnerProgress } = await import("../../app/models/portfolio.server.ts");

// 50 signed-in people browse and save on loopback for a fixed time (the load generator runs in its
// own process); then the learner's unit page (GET /learner/units/501) is measured alone, against a
// bare node:http server that answers renderToString of the same page component with the same
// loader data, in alternating rounds of the same run.

const USERS = 50;
const MIXED_MS = size(20_000, 60_000);
const ROUND_MS = size(5_000, 10_000);
const ROUNDS = 2;
const run = promisify(execFile);
let world: World;
let server: TestServer;
let bare: Server;
let database: OpenDatabase;

interface LoadResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  latencies: { p50: number; p95: number; p99: number; max: number };
  seconds: number;
  perSecond: number;
  byKind: Record<string, { count: number; p50: number; p95: number }>;
}

async function load(url: string, durationMs: number, users: unknown[], mix: unknown[]): Promise<LoadResult> {
  const plan = JSON.stringify({ url, durationMs, users, mix });
  const { stdout } = await run(process.execPath, [join(import.meta.dirname, "support/load-client.mjs"), plan], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as LoadResult;
}

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world);
  database = openDatabase(world.databasePath, { migrate: false });
}, 120_000);
afterAll(async () => {
  bare?.close();
  database?.close();
  await server?.stop();
  world?.remove();
}, 60_000);

const ms = (n: number) => `${n.toFixed(1)} ms`;

describe("load", () => {
  it(`serves ${USERS} signed-in people browsing and saving without errors, and measures the unit page against bare renderToString`, async () => {
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const example = (JSON.parse(readFileSync(join(import.meta.dirname, "../../../../schemas/ilm-8588/examples/session-record.json"), "utf8")) as { valid: Record<string, unknown>[] }).valid[0]!;
    const learners = [world.demo.learner1!, world.demo.learner2!, world.demo.learner5!]; // registered on Unit 501
    const numbers = learners.map((l) => (database.sqlite.prepare("select learner_number as n from learners where id = ?").get(l.learnerId) as { n: string }).n);
    const mixedUsers: { cookie: string; csrf: string; document: { id: string; version: number; body: string } }[] = [];
    for (let i = 0; i < USERS; i++) {
      const who = learners[i % learners.length]!;
      const client = await new Client(server.url).signIn(who.email, who.password);
      const created = await portal.request("/api/v1/documents", { json: { learnerNumber: numbers[i % learners.length], template: "ilm-8588/session-record", data: example } });
      const { id, version } = JSON.parse(created.text) as { id: string; version: number };
      mixedUsers.push({
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        csrf: client.csrf,
        document: { id, version, body: JSON.stringify({ ...example, goal: `Saved under load, version __VERSION__` }) },
      });
    }
    const mixed = await load(server.url, MIXED_MS, mixedUsers, [
      [55, "get", "/learner/units/501"],
      [15, "get", "/learner"],
      [15, "document"],
      [15, "save"],
    ]);
    figure(
      "load (mixed)",
      `${USERS} users for ${mixed.seconds.toFixed(0)} s: ${mixed.requests} requests (${mixed.perSecond.toFixed(0)}/s), errors = ${mixed.errors} (goal 0), latency p50 ${ms(mixed.latencies.p50)}, p95 ${ms(mixed.latencies.p95)}, p99 ${ms(mixed.latencies.p99)}; ` +
        Object.entries(mixed.byKind).map(([k, v]) => `${k}: ${v.count} req, p95 ${ms(v.p95)}`).join("; "),
    );
    if (mixed.errors) console.log(mixed.errorSamples.join("\n"));
    expect(mixed.errors).toBe(0);
    expect(mixed.byKind.save?.count ?? 0).toBeGreaterThan(0);

    // The unit page alone: learner1's page through Remix, and the same data rendered bare.
    const l1 = world.demo.learner1!;
    const pageUsers: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < USERS; i++) {
      const client = await new Client(server.url).signIn(l1.email, l1.password);
      pageUsers.push({ cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), csrf: client.csrf });
    }
    const context = { cspNonce: "n", csrfToken: pageUsers[0]!.csrf, database, config: { cookieSecure: false, maxBodyBytes: 2 * 1024 * 1024, portalOrigins: [] }, secureCookies: false, clientIp: "127.0.0.1" };
    const loaderArgs = () => ({ request: new Request(`${server.url}/learner/units/501`, { headers: { Cookie: pageUsers[0]!.cookie } }), context, params: { unit: "501" } }) as never;
    page.data = JSON.parse(JSON.stringify(await learnerUnit.loader(loaderArgs())));
    const renderBare = () => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Unit 501</title></head><body>${renderToString(createElement(learnerUnit.default))}</body></html>`;
    const sample = await (await fetch(`${server.url}/learner/units/501`, { headers: { Cookie: pageUsers[0]!.cookie } })).text();
    renderBare(); // throws here, with its cause, if the page cannot be rendered bare
    bare = createServer((_req, res) => {
      const html = renderBare();
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html) });
      res.end(html);
    });
    await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
    const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
    const remixRounds: number[] = [];
    const bareRounds: number[] = [];
    let pageErrors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const r = await load(server.url, ROUND_MS, pageUsers, [[1, "get", "/learner/units/501"]]);
      const b = await load(bareUrl, ROUND_MS, pageUsers, [[1, "get", "/learner/units/501"]]);
      pageErrors += r.errors + b.errors;
      remixRounds.push(r.perSecond);
      bareRounds.push(b.perSecond);
    }
    // Where a request's time goes, in this process: the loader (session, database, portfolio checks) and the render.
    const time = async (fn: () => unknown, n = 200) => {
      const started = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - started) / n;
    };
    const loaderMs = await time(() => learnerUnit.loader(loaderArgs()));
    const renderMs = await time(renderBare);
    const progressMs = await time(async () => (await learnerProgress(database.db, l1.scope, l1.learnerId!)));
    const remix = Math.max(...remixRounds);
    const bareBest = Math.max(...bareRounds);
    const ratio = remix / bareBest;
    figure(
      "load (unit page vs bare renderToString)",
      `GET /learner/units/501 through Remix ${remix.toFixed(0)} req/s vs bare renderToString of the same data ${bareBest.toFixed(0)} req/s: ${ratio.toFixed(2)}x (goal ≥ 0.5x: ${ratio >= 0.5 ? "met" : "NOT met"}); best of ${ROUNDS} alternating ${ROUND_MS / 1000} s rounds, ${USERS} connections; ` +
        `in-process per request: loader ${loaderMs.toFixed(2)} ms, of which learnerProgress (the learner's documents and core's portfolio checks, kept while nothing is written) ${progressMs.toFixed(2)} ms, page renderToString ${renderMs.toFixed(2)} ms; page sizes: Remix ${(sample.length / 1024).toFixed(0)} KiB, bare ${(renderBare().length / 1024).toFixed(0)} KiB`,
    );
    expect(pageErrors).toBe(0);
  });
});
