import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { METHODS, request as httpRequest } from "node:http";
import { mayWrite, registry } from "@ilm-forms/core";
import { openDatabase, verifyAuditChain, type OpenDatabase } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startServer, type TestServer } from "../support/server.ts";
import { POLICY } from "./access-policy.ts";
import { Client, type Answer } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// What an outside attacker sends, by class (issue 18), each as a corpus rather than one example:
// unbounded chunked bodies to every route, open-redirect shapes after sign-in, concurrent password
// guessing, every odd content type and broken body to every action, a megabyte in every text field,
// every template written by every role, a chosen CSRF value, Secure cookies behind a proxy.
// Every answer must be a deliberate one: a 5xx is always a defect.

const MAX_BODY = 2 * 1024 * 1024;
const MEGABYTE = "x".repeat(1024 * 1024);

let world: World;
let server: TestServer;
let read: OpenDatabase;

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world, { MAX_BODY_BYTES: String(MAX_BODY) });
  read = openDatabase(world.databasePath, { readonly: true });
}, 120_000);
afterAll(async () => {
  read?.close();
  await server?.stop();
  world?.remove();
}, 60_000);

/** Every path of the access policy with its placeholders filled for learner 1 of the demo centre. */
function policyPaths(): { path: string; methods: string[] }[] {
  const values: Record<string, string> = {
    id: world.records.demoL1Doc,
    learnerId: world.demo.learner1!.learnerId!,
    unit: "501",
    learnerNumber: world.learnerNumbers.demoL1,
  };
  const submissionPaths = new Set(["/assessor/submissions/{id}", "/iqa/submissions/{id}", "/eqa/submissions/{id}", "/downloads/result-sheet/{id}.html"]);
  return POLICY.map((endpoint) => {
    const filled: Record<string, string> = { ...values, ...(submissionPaths.has(endpoint.path) ? { id: world.records.demoL1Submission } : {}) };
    return {
      path: endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(filled[key] ?? key)),
      methods: (["GET", "POST", "PUT"] as const).filter((m) => endpoint[m] !== undefined),
    };
  });
}

/** The server's resident memory in MB (Linux). */
function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D+/g, "")) / 1024;
}

/**
 * Sends a chunked body (no Content-Length) of up to `total` bytes, as fast as the socket takes it,
 * and stops when the server answers or closes.
 */
function sendChunked(path: string, total: number, headers: Record<string, string>): Promise<{ status: number; written: number }> {
  const url = new URL(server.url + path);
  return new Promise((resolve) => {
    let written = 0;
    let status = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, written });
    };
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: "POST", headers: { "Transfer-Encoding": "chunked", ...headers } },
      (response) => {
        status = response.statusCode ?? 0;
        response.resume();
        response.on("end", finish);
        response.on("error", finish);
      },
    );
    request.on("error", finish);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!done && written < total) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!done) request.end();
    };
    pump();
    setTimeout(finish, 60_000).unref();
  });
}

async function signedIn(who: "learner1" | "assessor1" | "iqa" | "admin"): Promise<Client> {
  const person = world.demo[who]!;
  return new Client(server.url).signIn(person.email, person.password);
}

describe("class 1: unbounded chunked bodies", () => {
  it("answers 413 to a 50 MB chunked body on every route of the access policy, without reading it into memory", async () => {
    const learner = await signedIn("learner1");
    const cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const paths = policyPaths();
    const before = residentMb(server.pid);
    let peak = before;
    const answers: string[] = [];
    for (const { path } of paths) {
      const variants: Record<string, string>[] = [{ "Content-Type": "application/x-www-form-urlencoded" }, { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie }];
      for (const headers of variants) {
        // Five at once, as the attack did.
        const results = await Promise.all(Array.from({ length: 5 }, () => sendChunked(path, 50 * 1024 * 1024, headers)));
        peak = Math.max(peak, residentMb(server.pid));
        for (const r of results) answers.push(`${path} ${r.status}`);
      }
    }
    // The upload routes served before the page limit (server/attachments.js, server/apiAttachments.js)
    // refuse a request without a session (302 to sign in) or without a token (401) at once, reading
    // nothing of its body: a refusal as good as a 413.
    const unread = (a: string) => a === "/attachments 302" || (a.startsWith("/api/v1/attachments?") && a.endsWith(" 401"));
    const wrong = answers.filter((a) => !a.endsWith(" 413") && !a.endsWith(" 415") && !unread(a));
    expect(wrong).toEqual([]);
    figure("chunked-bodies", `${answers.length} chunked 50 MB bodies to ${paths.length} routes, 5 at once: all refused (413); server memory ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB`);
    expect(peak - before).toBeLessThan(150);
    // Nothing was stored and the server still answers.
    expect((await new Client(server.url).request("/sign-in")).status).toBe(200);
  });

  it("refuses a declared Content-Length over the limit, and one that is not a number, before reading", async () => {
    const answer = await fetch(`${server.url}/sign-in`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a".repeat(MAX_BODY + 1) });
    expect(answer.status).toBe(413);
    expect(await answer.text()).toMatch(/larger than 2097152 bytes/);
  });
});

describe("class 2: open redirects after sign-in", () => {
  // Shapes collected from open-redirect write-ups and URL parser differentials.
  const SHAPES = [
    "//evil.example", "///evil.example", "////evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", "\\/evil.example",
    "/ /evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\r/evil.example", "/\u000b/evil.example", "/\u0000/evil.example",
    " //evil.example", "\t//evil.example", "/%09/evil.example", "/%2f%2fevil.example", "/%2F/evil.example", "/%5cevil.example", "/%5c%5cevil.example",
    "https://evil.example", "http:evil.example", "https:/evil.example", "//evil.example/%2f..", "/.//evil.example", "/..//evil.example", "/./../evil.example",
    "/%2e%2e//evil.example", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/\u3000/evil.example", "/\uff0fevil.example",
    "/\u2215evil.example", "//user:pass@evil.example", "/@evil.example", "//%65vil.example", "/#//evil.example", "/?//evil.example", "//evil.example:443",
    "//[::1]:80/", "/\r\nSet-Cookie: planted=1", "/%0d%0aSet-Cookie:%20planted=1", "/é-été", "/日本語", "/\ud800", `/${"a".repeat(5000)}`, "", "evil.example",
    "./evil", "../evil", "///\\evil.example", "/\\\\/evil.example", "/\\t\\t/evil.example", "/learner?x=//evil.example", "/learner#\\evil.example",
  ];

  it(`sends the browser only to a path of this site for ${SHAPES.length} redirect shapes, never a 5xx`, async () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(40);
    const person = world.demo.learner1!;
    const origin = new URL(server.url).origin;
    const wrong: string[] = [];
    for (const shape of SHAPES) {
      let query: string;
      try {
        query = encodeURIComponent(shape);
      } catch {
        query = "%ED%A0%80"; // a lone surrogate cannot be encoded: send the raw, invalid UTF-8 bytes
      }
      const client = new Client(server.url);
      const answer = await client.request(`/sign-in?redirectTo=${query}`, { form: { email: person.email, password: person.password } });
      const location = answer.location ?? "";
      const resolved = location ? new URL(location, server.url) : undefined;
      if (answer.status !== 302 || !resolved || resolved.origin !== origin || /[^\x21-\x7e]/.test(location) || location.startsWith("//")) {
        wrong.push(`${JSON.stringify(shape)} -> ${answer.status} ${JSON.stringify(location)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps a plain path with its query", async () => {
    const person = world.demo.learner1!;
    const answer = await new Client(server.url).request(`/sign-in?redirectTo=${encodeURIComponent("/learner/units/501?tab=findings")}`, { form: { email: person.email, password: person.password } });
    expect(answer.location).toBe("/learner/units/501?tab=findings");
  });
});

describe("class 3: concurrent password guessing", () => {
  it("checks at most five of 50 guesses sent at once, and lets the right password through neither among them nor after", async () => {
    const person = world.demo.assessor2!;
    const clients = await Promise.all(Array.from({ length: 70 }, async () => {
      const client = new Client(server.url);
      await client.request("/sign-in");
      return client;
    }));
    const guess = (client: Client, password: string) => client.request("/sign-in", { form: { email: person.email, password } });
    const first = await Promise.all(clients.slice(0, 50).map((c, i) => guess(c, `wrong-guess-${i}`)));
    const checked = first.filter((a) => a.text.includes("The email address or the password is not right")).length;
    const refused = first.filter((a) => a.text.includes("Too many attempts to sign in")).length;
    expect(first.every((a) => a.status === 200)).toBe(true);
    expect(checked).toBe(5);
    expect(refused).toBe(45);
    const second = await Promise.all(clients.slice(50).map((c, i) => guess(c, i === 7 ? person.password : `wrong-again-${i}`)));
    expect(second.filter((a) => a.status === 302)).toEqual([]);
    figure("concurrent-guessing", `50 guesses at once: ${checked} checked, ${refused} refused; 20 more with the right password among them: none signed in`);
  });
});

describe("class 4: odd content types and broken bodies to every action", () => {
  const BODIES: { name: string; headers: Record<string, string>; body?: string }[] = [
    { name: "json", headers: { "Content-Type": "application/json" }, body: '{"email":"a","password":"b"}' },
    { name: "broken json", headers: { "Content-Type": "application/json" }, body: '{"email":' },
    { name: "text/plain", headers: { "Content-Type": "text/plain" }, body: "email=a&password=b" },
    { name: "empty, no type", headers: {}, body: "" },
    { name: "empty form", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" },
    { name: "broken multipart", headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb' },
    { name: "multipart without boundary", headers: { "Content-Type": "multipart/form-data" }, body: "--x\r\n\r\n" },
    { name: "bad percent-encoding", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "csrf=%zz&email=%E0%A4%A" },
    { name: "10,000 fields", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: Array.from({ length: 10_000 }, (_, i) => `f${i}=${i}`).join("&") },
    { name: "utf-16 form", headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-16" }, body: "email=a" },
    { name: "octet-stream", headers: { "Content-Type": "application/octet-stream" }, body: "\u0000\u0001\u0002" },
    { name: "xml", headers: { "Content-Type": "application/xml" }, body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>" },
    { name: "empty boundary", headers: { "Content-Type": "multipart/form-data; boundary=" }, body: "--\r\n" },
    { name: "odd parameters", headers: { "Content-Type": "application/x-www-form-urlencoded;;;==;charset" }, body: "a=b" },
  ];

  it("answers every odd body to every action of every route with a 4xx or a deliberate answer, never a 5xx", async () => {
    const clients = { anonymous: new Client(server.url), learner: await signedIn("learner1"), assessor: await signedIn("assessor1"), iqa: await signedIn("iqa"), admin: await signedIn("admin") };
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    let sent = 0;
    const fives: string[] = [];
    for (const { path, methods } of policyPaths()) {
      for (const method of methods.filter((m) => m !== "GET")) {
        for (const [who, client] of [...Object.entries(clients), ["portal", portal] as const]) {
          if (path.endsWith("/sign-out")) continue; // would end the session the other requests use
          for (const body of BODIES) {
            const answer: Answer = await client.request(path, { method, headers: body.headers, body: body.body });
            sent++;
            if (answer.status >= 500) fives.push(`${method} ${path} as ${who}, ${body.name}: ${answer.status}`);
          }
        }
      }
    }
    expect(fives).toEqual([]);
    figure("odd-bodies", `${sent} odd bodies to every action as every principal: no 5xx`);
  });

  it("refuses a form posted from another site with a 403 and a message, not Remix's exception", async () => {
    const learner = await signedIn("learner1");
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1", "not a url"]) {
      const answer = await learner.request(`/learner/documents/${world.records.demoL1OpenDoc}`, { form: { document: "{}", expectedVersion: "1" }, headers: { Origin: origin } });
      expect(answer.status).toBe(403);
      expect(answer.text).toMatch(/posted from another site/);
    }
    // A forwarded host is not believed without a trusted proxy: it cannot make another site's Origin look like ours.
    const forged = await learner.request(`/learner/documents/${world.records.demoL1OpenDoc}`, { form: { document: "{}", expectedVersion: "1" }, headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" } });
    expect(forged.status).toBe(403);
    const same = await learner.request("/admin", { form: { intent: "none" }, headers: { Origin: new URL(server.url).origin } });
    expect(same.status).toBe(404); // the learner's normal answer there: the Origin check let it through
  });
});

describe("class 4b: every HTTP method on every route", () => {
  /** One request with a method fetch will not send (TRACE, PROPFIND, ...); the status, or 0 when the server closed the socket. */
  function send(method: string, path: string, cookie?: string): Promise<{ status: number; allow?: string }> {
    const url = new URL(server.url + path);
    return new Promise((resolve) => {
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: cookie ? { Cookie: cookie } : {} }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow }));
      });
      request.on("error", () => resolve({ status: 0 }));
      request.end();
    });
  }

  it("answers a method the site does not serve with 405 and Allow, and none with a 5xx, signed in or not", async () => {
    // CONNECT asks the server to become a tunnel: Node hands it to a "connect" listener, and with none closes the socket.
    const methods = METHODS.filter((m) => m !== "CONNECT");
    expect(methods.length).toBeGreaterThan(30);
    const learner = await signedIn("learner1");
    const paths = [...policyPaths().map((p) => p.path), "/healthz", "/attachments/0", "/assets/none.js", "/no-such-page"];
    const wrong: string[] = [];
    let sent = 0;
    for (const cookie of [undefined, [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ")]) {
      for (const path of paths) {
        for (const method of methods) {
          const answer = await send(method, path, cookie);
          sent++;
          const served = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].includes(method);
          if (answer.status >= 500 || answer.status === 0 || (!served && (answer.status !== 405 || answer.allow !== "GET, HEAD, POST, PUT, PATCH, DELETE"))) {
            wrong.push(`${method} ${path}${cookie ? " signed in" : ""}: ${answer.status}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // Nothing of the repository or the build is reachable, and no folder is listed.
    for (const path of ["/.git/config", "/.git/HEAD", "/.env", "/assets/", "/assets", "/build/", "/build/server/index.js", "/node_modules/", "/package.json", "/server.js", "/data/ilm-forms.sqlite"]) {
      const answer = await send("GET", path);
      expect(answer.status, path).toBeGreaterThanOrEqual(300);
      expect(answer.status, path).toBeLessThan(500);
    }
    figure("methods", `${sent} requests with ${methods.length} methods to ${paths.length} paths: the served ones answered, the rest 405, no 5xx`);
  });
});

describe("class 4c: a Host header that is not a host", () => {
  /** The status line's code for raw request bytes (a client library would refuse to send most of these). */
  function raw(bytes: string): Promise<number> {
    const url = new URL(server.url);
    return new Promise((resolve) => {
      let answer = "";
      const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
      socket.on("data", (chunk: Buffer) => {
        answer += chunk.toString("latin1");
        if (answer.includes("\r\n")) {
          socket.destroy();
          resolve(Number(answer.split(" ")[1]));
        }
      });
      socket.on("error", () => resolve(0));
      socket.on("close", () => resolve(Number(answer.split(" ")[1] ?? 0)));
    });
  }

  it("answers 400 to every Host the site's URLs cannot be built from, and serves a plain one", async () => {
    const hosts = ["[::1", "a b", "user@evil.example", "user:pass@localhost", "", "localhost:abc", "localhost:999999", "evil.example/x", "evil.example#", "evil.example?x", "%41", "local\\host", "<script>"];
    const wrong: string[] = [];
    for (const host of hosts) {
      for (const path of ["/sign-in", "/learner", "/api/v1/documents", "/attachments/1"]) {
        const status = await raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        if (status !== 400) wrong.push(`Host ${JSON.stringify(host)} ${path}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    const url = new URL(server.url);
    for (const host of [url.host, `[::1]:${url.port}`, `127.0.0.1:${url.port}`, "ilm_dashboard:3000", "forms.example.ac.uk"]) {
      expect(await raw(`GET /sign-in HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`), host).toBe(200);
    }
  });
});

describe("class 5: a megabyte in every text field", () => {
  it("refuses or bounds a megabyte in every form and API field, stores none of it, and echoes none of it", async () => {
    const learner = await signedIn("learner1");
    const assessor = await signedIn("assessor1");
    const iqa = await signedIn("iqa");
    const admin = await signedIn("admin");
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const answers: { what: string; answer: Answer }[] = [];
    const send = async (what: string, client: Client, path: string, send: Parameters<Client["request"]>[1]) => answers.push({ what, answer: await client.request(path, send) });

    await send("sign-in email", new Client(server.url), "/sign-in", { form: { email: `${MEGABYTE}@x.test`, password: "whatever-123" } });
    await send("sign-in password", new Client(server.url), "/sign-in", { form: { email: world.demo.learner2!.email, password: MEGABYTE } });
    for (const field of ["name", "email", "learnerNumber", "password"]) {
      const member = { intent: "add-member", name: "Mega Person", email: "mega@demo.test", role: "learner", learnerNumber: "ILM-MEGA", password: "long-enough-1", [field]: field === "email" ? `${MEGABYTE}@x.test` : MEGABYTE };
      await send(`admin ${field}`, admin, "/admin", { form: member });
    }
    await send("assessor feedback", assessor, `/assessor/submissions/${world.records.demoL1Submission}`, { form: { "decision-2.1": "Referral", "feedback-2.1": MEGABYTE } });
    await send("iqa comments", iqa, `/iqa/submissions/${world.records.demoL1Submission}`, { form: { decision: "return", comments: MEGABYTE } });
    await send("declaration name", learner, "/learner/units/501/submit", { form: { confirm: "yes", name: MEGABYTE, contentHash: MEGABYTE } });
    await send("assessor LO comment", assessor, `/assessor/submissions/${world.records.demoL1Submission}`, { form: { "lo-comment-1": MEGABYTE } });
    await send("IQA QA comment", iqa, `/iqa/submissions/${world.records.demoL1Submission}`, { form: { decision: "ratify", "qa-lo-1": MEGABYTE } });
    await send("centre number", admin, "/admin", { form: { intent: "settings", centreNumber: MEGABYTE, iqaSamplePercent: MEGABYTE } });
    await send("person to deactivate", admin, "/admin", { form: { intent: "deactivate", userId: MEGABYTE } });
    await send("assignment to remove", admin, "/admin", { form: { intent: "unassign", assessor: MEGABYTE, learner: MEGABYTE } });
    await send("record for a learner", assessor, `/assessor/learners/${world.demo.learner1!.learnerId}/records/new?template=${encodeURIComponent("ilm-8588/professional-discussion")}`, { form: { document: JSON.stringify({ learnerName: MEGABYTE.slice(0, 900_000) }) } });
    const template = registry.get("ilm-8588/session-record")!;
    const textFields = Object.entries(template.schema.properties as Record<string, { type?: string; $ref?: string }>).filter(([, p]) => p.type === "string" || p.$ref).map(([k]) => k);
    for (const field of textFields) {
      await send(`document ${field}`, learner, `/learner/documents/${world.records.demoL1OpenDoc}`, { form: { document: JSON.stringify({ clientRef: "Client 1", [field]: MEGABYTE }), expectedVersion: "1" } });
      await send(`API data ${field}`, portal, "/api/v1/documents", { json: { learnerNumber: world.learnerNumbers.demoL1, template: "ilm-8588/session-record", data: { [field]: MEGABYTE } } });
    }
    await send("API template", portal, "/api/v1/documents", { json: { learnerNumber: world.learnerNumbers.demoL1, template: MEGABYTE, data: {} } });
    await send("API templateVersion", portal, "/api/v1/documents", { json: { learnerNumber: world.learnerNumbers.demoL1, template: "ilm-8588/session-record", templateVersion: MEGABYTE, data: {} } });
    await send("API learnerNumber", portal, "/api/v1/documents", { json: { learnerNumber: MEGABYTE, template: "ilm-8588/session-record", data: {} } });
    await send("API query learnerNumber", portal, `/api/v1/documents?learnerNumber=${MEGABYTE.slice(0, 8000)}`, {});

    const bad = answers.filter(({ answer }) => answer.status >= 500 || answer.text.length > 200_000).map(({ what, answer }) => `${what}: ${answer.status}, ${answer.text.length} characters back`);
    expect(bad).toEqual([]);
    // Every text column of every table, looked at directly: no value anywhere near a megabyte.
    const tables = read.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").pluck().all() as string[];
    let longest = { where: "", length: 0 };
    for (const table of tables) {
      for (const column of read.sqlite.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[]) {
        const length = (read.sqlite.prepare(`select coalesce(max(length("${column}")), 0) from "${table}"`).pluck().get() as number) ?? 0;
        if (length > longest.length) longest = { where: `${table}.${column}`, length };
      }
    }
    figure("megabyte-fields", `${answers.length} fields sent a megabyte: no 5xx, no echo; longest stored text ${longest.length} characters (${longest.where})`);
    expect(longest.length).toBeLessThan(300_000);
  });
});

describe("class 6: who may write each template", () => {
  it("lets the portal and the learner's pages write exactly the templates that declare their role", async () => {
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const learner = await signedIn("learner1");
    const wrong: string[] = [];
    for (const template of registry.list()) {
      const created = await portal.request("/api/v1/documents", { json: { learnerNumber: world.learnerNumbers.demoL1, template: template.id, templateVersion: template.version, data: {} } });
      const portalAllowed = mayWrite(template, "centre_admin");
      if (created.status !== (portalAllowed ? 201 : 403)) wrong.push(`portal creates ${template.id}: ${created.status}`);
      const page = await learner.request(`/learner/documents/new?template=${encodeURIComponent(template.id)}`);
      if (page.status !== (mayWrite(template, "learner") ? 200 : 404)) wrong.push(`learner opens new ${template.id}: ${page.status}`);
      const posted = await learner.request(`/learner/documents/new?template=${encodeURIComponent(template.id)}`, { form: { document: "{}" } });
      if (posted.status !== (mayWrite(template, "learner") ? 200 : 404)) wrong.push(`learner posts new ${template.id}: ${posted.status}`);
    }
    expect(wrong).toEqual([]);
    const sheets = read.sqlite.prepare("select count(*) from documents where template_id like '%result-sheet%' or template_id like '%evidence-matrix%'").pluck().get();
    expect(sheets).toBe(0);
  });

  it("keeps a document handed in as final from the API as from the pages (409)", async () => {
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const number = read.sqlite.prepare("select learner_number from learners where id = ?").pluck().get(world.demo.learner2!.learnerId) as string;
    const listed = JSON.parse((await portal.request(`/api/v1/documents?learnerNumber=${encodeURIComponent(number)}`)).text) as { documents: { id: string; version: number; status: string }[] };
    const final = listed.documents.find((d) => d.status === "submitted")!;
    const full = JSON.parse((await portal.request(`/api/v1/documents/${final.id}`)).text) as { data: Record<string, unknown> };
    const answer = await portal.request(`/api/v1/documents/${final.id}`, { method: "PUT", json: { expectedVersion: final.version, data: full.data } });
    expect(answer.status).toBe(409);
    expect(answer.text).toMatch(/handed in as final/);
  });
});

describe("class 8: CSRF bound to the session; Secure cookies behind a trusted proxy", () => {
  it("refuses a CSRF value chosen by the sender in both the cookie and the field", async () => {
    const learner = await signedIn("learner1");
    const chosen = "C".repeat(43);
    learner.cookies.set("ilm_csrf", chosen);
    const answer = await learner.request(`/learner/documents/${world.records.demoL1OpenDoc}`, { form: { document: "{}", expectedVersion: "1", csrf: chosen }, csrf: false });
    expect(answer.status).toBe(403);
    const honest = await learner.request(`/learner/documents/${world.records.demoL1OpenDoc}`, { form: { document: "[]", expectedVersion: "1" } });
    expect(honest.status).toBe(200);
  });

  it("sets Secure cookies and HSTS for a request that came over HTTPS through a trusted proxy, and takes the client's address from the proxy's hop only", async () => {
    const proxied = await startOn(world, { TRUST_PROXY: "true" });
    try {
      const cookiesOf = async (headers: Record<string, string>) => (await fetch(`${proxied.url}/sign-in`, { headers })).headers.getSetCookie().join("\n");
      expect(await cookiesOf({ "X-Forwarded-Proto": "https" })).toMatch(/ilm_csrf=[^;]+;.*Secure/);
      expect(await cookiesOf({})).not.toMatch(/Secure/);
      const person = world.demo.learner2!;
      const client = new Client(proxied.url, { "X-Forwarded-Proto": "https" });
      await client.request("/sign-in");
      const signIn = await fetch(`${proxied.url}/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: { "X-Forwarded-Proto": "https", "Content-Type": "application/x-www-form-urlencoded", Cookie: `ilm_csrf=${client.csrf}` },
        body: new URLSearchParams({ csrf: client.csrf, email: person.email, password: person.password }).toString(),
      });
      expect(signIn.status).toBe(302);
      expect(signIn.headers.getSetCookie().find((c) => c.startsWith("ilm_session="))).toMatch(/; Secure/);
      // HTTPS is kept for a year once a browser has seen it over HTTPS.
      expect((await fetch(`${proxied.url}/sign-in`, { headers: { "X-Forwarded-Proto": "https" } })).headers.get("Strict-Transport-Security")).toMatch(/max-age=31536000/);
      expect((await fetch(`${proxied.url}/sign-in`)).headers.get("Strict-Transport-Security")).toBeNull();
      // No <base> can redirect the page's relative addresses.
      expect((await fetch(`${proxied.url}/sign-in`)).headers.get("Content-Security-Policy")).toContain("base-uri 'none'");
      // The client's address is the one the proxy added (the last hop), not one the client wrote before it:
      // guesses with a different made-up address each still count against the same address.
      const victim = world.demo.assessor1!;
      const answers: string[] = [];
      for (let i = 0; i < 7; i++) {
        const guesser = new Client(proxied.url, { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.7` });
        answers.push((await guesser.request("/sign-in", { form: { email: victim.email, password: `wrong-${i}-guess` } })).text.includes("Too many attempts") ? "limited" : "checked");
      }
      expect(answers).toEqual(["checked", "checked", "checked", "checked", "checked", "limited", "limited"]);
    } finally {
      await proxied.stop();
    }
  });
});

describe("no default accounts", () => {
  it("starts a new database empty unless the demo centre is asked for (SEED_DEMO=true)", async () => {
    const plain = await startServer({ SEED_DEMO: "" });
    try {
      expect(plain.output()).not.toContain("Demo sign-ins");
      const admin = world.demo.admin!;
      const answer = await new Client(plain.url).request("/sign-in", { form: { email: admin.email, password: admin.password } });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("The email address or the password is not right");
    } finally {
      await plain.stop();
    }
  });
});

describe("after every attack", () => {
  it("the audit chain still verifies", async () => {
    expect((await verifyAuditChain(read.db)).ok).toBe(true);
  });
});
