import { readFileSync, existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { mayWrite, registry, validate, withWordCounts, type FieldError } from "@ilm-forms/core";
import { openDatabase, type OpenDatabase } from "@ilm-forms/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as apiDocuments from "../../app/routes/api.v1.documents.tsx";
import type { TestServer } from "../support/server.ts";
import { Client } from "./support/http.ts";
import { createWorld, figure, size, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 900_000 });

// Generated documents, valid and invalid, for every template: through the API's create action
// in-process (the same route module, request parsing and validation, without the socket) and over
// real HTTP through the API and the learner's page action. Never a 5xx; an invalid document stores
// nothing; every 4xx names the field. Oversized and deeply nested bodies are refused early.

const IN_PROCESS = Number(process.env.ILM_RELIABILITY_BAD_INPUT ?? size(10_000, 10_000));
const OVER_HTTP = size(100, 1_000);
const THROUGH_PAGE = size(30, 300);
const SEED = Number(process.env.ILM_RELIABILITY_SEED ?? 8588);
const schemas = join(import.meta.dirname, "../../../../schemas");

let world: World;
let server: TestServer;
let read: OpenDatabase;

beforeAll(async () => {
  world = await createWorld();
  read = openDatabase(world.databasePath, { readonly: true });
}, 120_000);
afterAll(async () => {
  read?.close();
  await server?.stop();
  world?.remove();
}, 60_000);

/** The valid examples of a template (or an empty document for those generated from the qualification). */
function examplesOf(templateId: string): Record<string, unknown>[] {
  const [qualification, name] = templateId.split("/") as [string, string];
  const file = join(schemas, qualification, "examples", `${name}.json`);
  if (!existsSync(file)) return [{}];
  return (JSON.parse(readFileSync(file, "utf8")) as { valid: Record<string, unknown>[] }).valid.map((d) => ("data" in d && typeof d.data === "object" ? (d.data as Record<string, unknown>) : d));
}

/** Documents for a template: its valid examples, and mutations of them (fields set to any JSON, removed, added, wrong root). */
function documents(templateId: string, count: number, seed: number): unknown[] {
  const examples = examplesOf(templateId);
  const template = registry.get(templateId)!;
  const keys = [...new Set([...Object.keys((template.schema.properties ?? {}) as object), ...examples.flatMap((e) => Object.keys(e))])];
  const example = fc.constantFrom(...examples);
  const key = keys.length ? fc.constantFrom(...keys) : fc.string();
  const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 5000 }), fc.constantFrom("", " ", "2026-02-30", "-1", "1e999", "<script>alert(1)</script>", "\u0000", "𝒳".repeat(300)), fc.double(), fc.integer());
  const arbitrary = fc.oneof(
    example,
    fc.tuple(example, key, anyJson).map(([e, k, v]) => ({ ...e, [k]: v })),
    fc.tuple(example, key).map(([e, k]) => Object.fromEntries(Object.entries(e).filter(([name]) => name !== k))),
    fc.tuple(example, fc.string({ minLength: 1, maxLength: 20 }), anyJson).map(([e, k, v]) => ({ ...e, [k]: v })),
    fc.tuple(example, key, key, anyJson, anyJson).map(([e, k1, k2, v1, v2]) => ({ ...e, [k1]: v1, [k2]: v2 })),
    fc.tuple(example, key, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 })).map(([e, k, v]) => ({ ...e, [k]: v })),
    fc.jsonValue({ maxDepth: 3 }),
  );
  return fc.sample(arbitrary, { numRuns: count, seed });
}

/** What the server must answer for this document: valid as a draft (the API and the pages create drafts), or the field errors. */
function expectation(templateId: string, data: unknown): { valid: boolean; errors: FieldError[] } {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { valid: false, errors: [] };
  // The server counts what a template counts (a report's words) before it validates: so does the expectation.
  const template = registry.get(templateId);
  const result = validate(templateId, template ? withWordCounts(template, data) : data, { draft: true });
  return { valid: result.valid, errors: result.valid ? [] : result.errors };
}

const countDocuments = () => (read.sqlite.prepare("select count(*) as n from documents").get() as { n: number }).n;

/**
 * A 4xx body names the field when every error carries a path (or the whole request) and a field name
 * and message. That holds for a property whose key is the empty string "" too ("A field with an empty
 * name is not a field of this form"); those are also counted, since they were once named with nothing.
 */
function namesTheField(body: { errors?: FieldError[] }, isDataError: boolean): boolean {
  if (!Array.isArray(body.errors) || body.errors.length === 0) return false;
  return body.errors.every((e) => typeof e.field === "string" && e.field.length > 0 && typeof e.message === "string" && e.message.length > 0 && (!isDataError || e.path.startsWith("/data")));
}

/** An error about a property named "" (its JSON pointer ends in "/"). */
const emptyKey = (e: FieldError) => e.path.endsWith("/");
let emptyKeyErrors = 0;
const countEmptyKeys = (body: { errors?: FieldError[] }) => (emptyKeyErrors += (body.errors ?? []).filter(emptyKey).length);

describe("bad input", () => {
  it(`answers ${IN_PROCESS} generated documents per template through the API's create action (in-process) with 2xx or 4xx naming the field, storing nothing invalid`, async () => {
    // A second connection to the same file, used as the server's load context would be.
    const database = openDatabase(world.databasePath, { migrate: false });
    database.sqlite.pragma("synchronous = OFF"); // this part tests validation, not durability
    const context = { cspNonce: "n", csrfToken: "c", database, config: { cookieSecure: false, maxBodyBytes: 256 * 1024, portalOrigins: [] }, secureCookies: false, clientIp: "127.0.0.1" };
    // learner5 takes the tens of thousands of accepted documents; learner1's pages stay their usual size for the HTTP part
    const learnerNumber = (read.sqlite.prepare("select learner_number as n from learners where id = ?").get(world.demo.learner5!.learnerId) as { n: string }).n;
    const rows: string[] = [];
    let total = 0;
    let serverErrors = 0;
    let stored = 0;
    let unnamed = 0;
    let wrongVerdict = 0;
    const unnamedExamples: string[] = [];
    const started = performance.now();
    try {
      for (const [i, template] of registry.list().entries()) {
        const before = countDocuments();
        let valid = 0;
        // The portal acts as a centre admin: a template that does not name that role as a writer is refused (403) whatever the data.
        const writable = mayWrite(template, "centre_admin");
        for (const data of documents(template.id, IN_PROCESS, SEED + i)) {
          const body = JSON.stringify({ learnerNumber, template: template.id, data });
          const request = new Request("http://localhost/api/v1/documents", { method: "POST", headers: { Authorization: `Bearer ${world.apiToken}`, "Content-Type": "application/json" }, body });
          let response: Response;
          try {
            response = (await apiDocuments.action({ request, context, params: {} } as never)) as Response;
          } catch (thrown) {
            if (thrown instanceof Response) response = thrown;
            else {
              serverErrors++;
              continue;
            }
          }
          total++;
          const expected = expectation(template.id, data);
          if (response.status >= 500) serverErrors++;
          else if (!writable) {
            // refused: 403, or 400 first when the body itself is not a document
            if (response.status !== 403 && response.status !== 400) wrongVerdict++;
          } else if (response.status >= 400) {
            if (expected.valid) wrongVerdict++;
            const body = (await response.json()) as { errors?: FieldError[] };
            countEmptyKeys(body);
            if (!namesTheField(body, response.status === 422)) {
              unnamed++;
              if (unnamedExamples.length < 5) unnamedExamples.push(`${template.id} ${response.status} ${JSON.stringify(body).slice(0, 400)}`);
            }
          } else {
            valid++;
            if (!expected.valid) wrongVerdict++;
          }
        }
        const added = countDocuments() - before;
        if (added !== valid) stored += Math.abs(added - valid);
        rows.push(`${template.id}: ${valid} valid`);
      }
    } finally {
      database.close();
    }
    const seconds = (performance.now() - started) / 1000;
    figure(
      "bad-input (in-process, API create action)",
      `${total} documents over ${registry.list().length} templates (${IN_PROCESS} each, seed ${SEED}) in ${seconds.toFixed(0)} s: 5xx = ${serverErrors} (goal 0), rows stored ≠ documents accepted: ${stored} (goal 0), 4xx not naming the field = ${unnamed} (goal 0), verdicts differing from core's validate = ${wrongVerdict}; errors about a property named "" (each named in words) = ${emptyKeyErrors}`,
    );
    console.log(rows.join("; "));
    if (unnamedExamples.length) console.log(`4xx not naming the field, e.g.:\n${unnamedExamples.join("\n")}`);
    expect({ serverErrors, stored, unnamed, wrongVerdict }).toEqual({ serverErrors: 0, stored: 0, unnamed: 0, wrongVerdict: 0 });
  });

  it(`answers ${OVER_HTTP} documents per template over HTTP through the API, and ${THROUGH_PAGE} per learner template through the page action`, async () => {
    // started only now: the in-process part does not need it
    // One person saves through the page, and the token writes, more than their limits (decision 072) allow in ten minutes.
    server = await startOn(world, { MAX_BODY_BYTES: String(256 * 1024), DOCUMENT_SAVES_PER_10_MINUTES: "1000000", API_REQUESTS_PER_10_MINUTES: "1000000", API_WRITES_PER_10_MINUTES: "1000000" });
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    let total = 0;
    let serverErrors = 0;
    let stored = 0;
    let unnamed = 0;
    let pageTotal = 0;
    let pageUnnamed = 0;
    const statuses = new Map<number, number>();
    for (const [i, template] of registry.list().entries()) {
      const docs = documents(template.id, OVER_HTTP, SEED + 1000 + i);
      const before = countDocuments();
      let accepted = 0;
      for (let at = 0; at < docs.length; at += 4) {
        const answers = await Promise.all(
          docs.slice(at, at + 4).map((data) => portal.request("/api/v1/documents", { json: { learnerNumber: world.learnerNumbers.demoL1, template: template.id, data } })),
        );
        for (const answer of answers) {
          total++;
          if (answer.status === 422) countEmptyKeys(JSON.parse(answer.text) as { errors?: FieldError[] });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500) serverErrors++;
          else if (answer.status >= 400 && !namesTheField(JSON.parse(answer.text) as { errors?: FieldError[] }, answer.status === 422)) unnamed++;
          else if (answer.status < 300) accepted++;
        }
      }
      stored += Math.abs(countDocuments() - before - accepted);

      if (!mayWrite(template, "learner")) continue; // not offered to a learner: the page answers 404 (attacks.test.ts)
      const pageBefore = countDocuments();
      let pageAccepted = 0;
      for (const data of documents(template.id, THROUGH_PAGE, SEED + 2000 + i)) {
        const answer = await learner.request(`/learner/documents/new?template=${encodeURIComponent(template.id)}`, { form: { document: JSON.stringify(data) } });
        pageTotal++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) serverErrors++;
        const expected = expectation(template.id, data);
        if (expected.valid) pageAccepted++;
        else {
          // the page shows the error summary, naming the first field by its label
          const first = expected.errors[0];
          const label = first ? (first.location && first.location !== first.field ? first.location : first.field) : "The document";
          const html = answer.text.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
          if (!html.includes("The document was not saved") || !html.includes(label)) pageUnnamed++;
        }
      }
      stored += Math.abs(countDocuments() - pageBefore - pageAccepted);
    }
    figure(
      "bad-input (HTTP)",
      `API: ${total} documents, page action: ${pageTotal} documents; statuses ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(", ")}; 5xx = ${serverErrors} (goal 0), rows stored ≠ documents accepted: ${stored} (goal 0), API 4xx not naming the field = ${unnamed}, page errors not naming the field = ${pageUnnamed} (goal 0)`,
    );
    expect({ serverErrors, stored, unnamed, pageUnnamed }).toEqual({ serverErrors: 0, stored: 0, unnamed: 0, pageUnnamed: 0 });
  });

  it("refuses oversized and deeply nested bodies early, with 413 and 400", async () => {
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    const before = countDocuments();
    const big = JSON.stringify({ learnerNumber: world.learnerNumbers.demoL1, template: "ilm-8588/session-record", data: { goal: "x".repeat(300 * 1024) } });
    const nested = `{"learnerNumber":"${world.learnerNumbers.demoL1}","template":"ilm-8588/session-record","data":{"goal":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const chunked = () =>
      // no Content-Length: the body streams in and the server must stop reading at the limit
      new Promise<string>((resolve) => {
        const url = new URL(`${server.url}/api/v1/documents`);
        const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { Authorization: `Bearer ${world.apiToken}`, "Content-Type": "application/json", "Transfer-Encoding": "chunked" } });
        req.on("response", (res) => {
          resolve(String(res.statusCode ?? 0));
          res.resume();
        });
        req.on("error", (e: NodeJS.ErrnoException) => resolve(`connection closed (${e.code}) before an answer`));
        let sent = 0;
        const pump = () => {
          if (sent >= 40 || req.destroyed) return void req.end();
          sent++;
          req.write("x".repeat(10 * 1024), () => setTimeout(pump, 5));
        };
        pump();
      });
    const results = {
      "API, 300 KiB body": (await portal.request("/api/v1/documents", { body: big, headers: { "Content-Type": "application/json" } })).status,
      "API, 400 KiB chunked body": await chunked(),
      "API, nested 5,000 deep": (await portal.request("/api/v1/documents", { body: nested, headers: { "Content-Type": "application/json" } })).status,
      "API PUT, nested 5,000 deep": (await portal.request(`/api/v1/documents/${world.records.demoL1Doc}`, { method: "PUT", body: `{"expectedVersion":1,"data":${"[".repeat(5000)}${"]".repeat(5000)}}`, headers: { "Content-Type": "application/json" } })).status,
      "page, 300 KiB form": (await learner.request("/learner/documents/new?template=ilm-8588%2Fsession-record", { form: { document: big } })).status,
      "page, nested 5,000 deep": await (async () => {
        const a = await learner.request("/learner/documents/new?template=ilm-8588%2Fsession-record", { form: { document: `{"goal":${"[".repeat(5000)}${"]".repeat(5000)}}` } });
        return a.text.includes("nested more than") ? `${a.status} with the message` : a.status;
      })(),
    };
    figure("bad-input (oversized and nested)", Object.entries(results).map(([k, v]) => `${k} → ${v}`).join("; "));
    expect(results).toEqual({
      "API, 300 KiB body": 413,
      // no Content-Length: the API stops reading at the limit and still answers 413
      "API, 400 KiB chunked body": "413",
      "API, nested 5,000 deep": 400,
      "API PUT, nested 5,000 deep": 400,
      "page, 300 KiB form": 413,
      "page, nested 5,000 deep": "200 with the message",
    });
    expect(countDocuments()).toBe(before);
  });
});
