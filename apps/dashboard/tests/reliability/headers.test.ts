import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestServer } from "../support/server.ts";
import { POLICY, type Principal } from "./access-policy.ts";
import { Client, type Answer } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 180_000 });

// Security headers on every route of the policy file, fetched by a principal who may see it (and
// anonymously), plus the answers no route gives: 404 of an unknown path, a static file, 413.

const PORTALS = ["https://portal.example.org", "https://lms.example.ac.uk"];
let world: World;
let server: TestServer;

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world, { PORTAL_ORIGINS: PORTALS.join(" "), MAX_BODY_BYTES: String(64 * 1024) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  world?.remove();
});

/** What is wrong with one answer's headers and inline scripts. */
function problems(answer: Answer): string[] {
  const out: string[] = [];
  const csp = answer.headers.get("content-security-policy");
  if (answer.headers.get("content-security-policy-report-only")) out.push("CSP is report-only");
  if (!csp) return ["no Content-Security-Policy"];
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const script = directives.get("script-src") ?? directives.get("default-src") ?? [];
  const nonce = script.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  if (script.includes("'unsafe-inline'") || script.includes("'unsafe-eval'") || script.includes("*")) out.push(`script-src too wide: ${script.join(" ")}`);
  if (!nonce) out.push("script-src has no nonce");
  if ((directives.get("object-src") ?? []).join(" ") !== "'none'") out.push("object-src is not 'none'");
  const ancestors = directives.get("frame-ancestors") ?? [];
  if ([...ancestors].sort().join(" ") !== ["'self'", ...PORTALS].sort().join(" ")) out.push(`frame-ancestors is ${ancestors.join(" ")}`);
  if (answer.headers.get("x-content-type-options") !== "nosniff") out.push("no X-Content-Type-Options: nosniff");
  // A download shown in the browser (learner data on the dashboard's origin) is sandboxed.
  if (/^inline; filename=/.test(answer.headers.get("content-disposition") ?? "") && !directives.has("sandbox")) out.push("an inline download without sandbox");
  if (/text\/html/.test(answer.headers.get("content-type") ?? "")) {
    for (const tag of answer.text.match(/<script\b[^>]*>/gi) ?? []) {
      if (/\bsrc=/.test(tag)) continue;
      const tagNonce = /\bnonce="([^"]*)"/.exec(tag)?.[1];
      if (!tagNonce || tagNonce !== nonce) out.push(`inline script without the response's nonce: ${tag}`);
    }
    const handler = /<[a-z][^>]*\s(on[a-z]+)=/i.exec(answer.text);
    if (handler) out.push(`inline event handler ${handler[1]}`);
  }
  return out;
}

describe("security headers", () => {
  it("sends an enforced CSP with a nonce, nosniff and frame-ancestors of the configured portals on every route", async () => {
    const d = world.demo;
    const people: Record<Exclude<Principal, "anonymous" | "portal">, { email: string; password: string }> = { learner: d.learner1!, assessor: d.assessor1!, iqa: d.iqa!, centre_admin: d.admin!, eqa: d.eqa! };
    const clients = new Map<Principal, Client>([
      ["anonymous", new Client(server.url)],
      ["portal", new Client(server.url, { Authorization: `Bearer ${world.apiToken}` })],
    ]);
    for (const [role, who] of Object.entries(people)) clients.set(role as Principal, await new Client(server.url).signIn(who.email, who.password));
    const found: string[] = [];
    const nonces = new Set<string>();
    let checked = 0;
    let pages = 0;
    for (const endpoint of POLICY) {
      if (!endpoint.GET) continue;
      for (const [principal, client] of clients) {
        const values: Record<string, string> = {
          id: endpoint.record === "submission" ? world.records.demoL1Submission : principal === "iqa" || principal === "centre_admin" || principal === "eqa" ? world.records.demoL3Doc : world.records.demoL1Doc,
          learnerId: d.learner1!.learnerId!,
          unit: "501",
          learnerNumber: world.learnerNumbers.demoL1,
        };
        if (endpoint.record === "submission" && (principal === "iqa" || principal === "centre_admin" || principal === "eqa")) values.id = world.records.demoL3Submission;
        const path = endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k]!));
        const answer = await client.request(path);
        checked++;
        if (answer.status === 200 && /text\/html/.test(answer.headers.get("content-type") ?? "")) pages++;
        const nonce = /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "")?.[1];
        if (nonce) nonces.add(nonce);
        for (const p of problems(answer)) found.push(`GET ${path} as ${principal} (${answer.status}): ${p}`);
      }
    }
    const extra: [string, Answer][] = [
      ["unknown path", await clients.get("anonymous")!.request("/no/such/page")],
      ["static file", await clients.get("anonymous")!.request("/favicon.svg")],
      ["413", await clients.get("anonymous")!.request("/sign-in", { method: "POST", body: "x".repeat(65 * 1024), headers: { "Content-Type": "application/x-www-form-urlencoded" } })],
    ];
    for (const [name, answer] of extra) {
      checked++;
      nonces.add(/'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "")?.[1] ?? "");
      for (const p of problems(answer)) found.push(`${name} (${answer.status}): ${p}`);
    }
    expect(extra.map(([, a]) => a.status)).toEqual([404, 200, 413]);
    // The 404 page is drawn by the root layout around the error boundary: it must read the root's data
    // in a way React Router allows there (no "You cannot `useLoaderData` in an errorElement" logged).
    expect(extra[0]![1].text).toContain("Page not found");
    // Nor is an unknown address logged as an error (scanners would fill the log with them).
    expect(server.output()).not.toMatch(/useLoaderData|errorElement|No route matches/);
    figure("headers", `responses checked = ${checked} (${pages} HTML pages with 200), header or inline-script problems = ${found.length} (goal 0), distinct nonces = ${nonces.size}`);
    expect(found).toEqual([]);
    expect(nonces.size).toBe(checked);
    expect(pages).toBeGreaterThan(15);
  });
});
