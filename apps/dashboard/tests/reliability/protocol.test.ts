import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestServer } from "../support/server.ts";
import { Client, type Answer } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// The HTTP messages themselves: requests framed so that a proxy and the server might read their
// boundaries differently (ASVS 4.2.1), and parameters sent twice (15.3.7).

let world: World;
let server: TestServer;

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await world?.remove();
}, 60_000);

/** Writes raw bytes on one connection and reads until the server closes it (or 3 s of quiet). */
function raw(bytes: string): Promise<string> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    let got = "";
    let quiet: NodeJS.Timeout;
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    const done = () => {
      clearTimeout(quiet);
      socket.destroy();
      resolve(got);
    };
    const wait = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, 3_000);
    };
    socket.on("data", (chunk) => {
      got += chunk.toString("latin1");
      wait();
    });
    socket.on("end", done);
    socket.on("error", done);
    wait();
  });
}

/** The status codes of the responses in what a connection received. */
const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.[01] (\d{3}) [^\r\n]*\r\n/g)].map((m) => Number(m[1]));

describe("request smuggling (ASVS 4.2.1)", () => {
  it("refuses every ambiguous framing with one 400 and closes the connection, so no smuggled request is ever answered", async () => {
    const host = `Host: ${new URL(server.url).host}\r\n`;
    const smuggled = `GET /smuggled-request HTTP/1.1\r\n${host}\r\n`;
    // The control: two plain requests on one connection get two answers, so a smuggled one would be seen.
    const control = statuses(await raw(`GET /sign-in HTTP/1.1\r\n${host}\r\nGET /no-such-page HTTP/1.1\r\n${host}Connection: close\r\n\r\n`));
    expect(control).toEqual([200, 404]);
    const shapes: Record<string, string> = {
      "CL.TE": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
      "TE.CL": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n${(smuggled.length).toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`,
      "two Content-Lengths": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`,
      "Content-Length list": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0, ${smuggled.length}\r\n\r\n${smuggled}`,
      "Content-Length +": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: +${smuggled.length}\r\n\r\n${smuggled}`,
      "TE with space before colon": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding : chunked\r\nContent-Length: 0\r\n\r\n${smuggled}`,
      "TE obs-fold": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n${smuggled}`,
      "TE xchunked": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n${smuggled}`,
      "TE chunked, identity": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n${smuggled}`,
      "chunk size 0x": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nabcde\r\n0\r\n\r\n${smuggled}`,
      "bare LF in chunk": `POST /sign-in HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n5\nabcde\n0\n\n${smuggled}`,
      "header without colon": `GET /sign-in HTTP/1.1\r\n${host}X-Broken\r\n\r\n${smuggled}`,
      "CR in header value": `GET /sign-in HTTP/1.1\r\n${host}X-Value: a\rb\r\n\r\n${smuggled}`,
      "NUL in request line": `GET /sign-in\0 HTTP/1.1\r\n${host}\r\n${smuggled}`,
    };
    const wrong: string[] = [];
    for (const [name, bytes] of Object.entries(shapes)) {
      const answer = await raw(bytes);
      const seen = statuses(answer);
      if (seen.length !== 1 || seen[0] !== 400) wrong.push(`${name}: answered ${JSON.stringify(seen)}`);
    }
    figure("smuggling", `${Object.keys(shapes).length} ambiguous framings: ${Object.keys(shapes).length - wrong.length} refused with one 400 and the connection closed`);
    expect(wrong).toEqual([]);
    // The server still answers.
    expect((await new Client(server.url).request("/sign-in")).status).toBe(200);
  });
});

describe("parameter pollution (ASVS 15.3.7)", () => {
  it("reads the first of a repeated query parameter on every route that reads the query, and never sends the browser off the site", async () => {
    const d = world.demo;
    const learner = await new Client(server.url).signIn(d.learner1!.email, d.learner1!.password);
    const assessor = await new Client(server.url).signIn(d.assessor1!.email, d.assessor1!.password);
    const iqa = await new Client(server.url).signIn(d.iqa!.email, d.iqa!.password);
    const admin = await new Client(server.url).signIn(d.admin!.email, d.admin!.password);
    const eqa = await new Client(server.url).signIn(d.eqa!.email, d.eqa!.password);
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const doc = world.records.demoL1OpenDoc;
    const t = encodeURIComponent;
    // [who, path, parameter, the value that should count, the value sent second]
    const cases: [Client, string, string, string, string][] = [
      [learner, "/learner/documents/new", "template", "ilm-8588/session-record", "../../etc/passwd"],
      [learner, "/learner/documents/new", "template", "ilm-8588/session-record", "ilm-8588/professional-discussion"],
      [learner, "/learner/documents/new?template=ilm-8588%2Fsession-record", "unit", "501", "999"],
      [learner, "/learner/units/501", "client", "Client 1", "Client 2"],
      [learner, "/learner/units/501", "submitted", "1", "0"],
      [learner, `/learner/documents/${doc}`, "saved", "1", "0"],
      [learner, `/learner/documents/${doc}`, "unit", "501", "x"],
      [learner, "/account", "changed", "1", "0"],
      [assessor, `/assessor/learners/${d.learner1!.learnerId}/records/new`, "template", "ilm-8588/professional-discussion", "ilm-8588/session-record"],
      [assessor, "/assessor/learners", "page", "1", "2"],
      [assessor, "/assessor", "page", "1", "9"],
      [iqa, "/iqa", "page", "1", "9"],
      [admin, "/admin", "people-page", "1", "2"],
      [eqa, "/eqa", "page", "1", "3"],
      [eqa, `/eqa/submissions/${world.records.demoL3Submission}`, "done", "1", "0"],
      [portal, "/api/v1/documents", "learnerNumber", world.learnerNumbers.demoL1, world.learnerNumbers.otherL1],
      [portal, "/api/v1/documents", "learnerNumber", world.learnerNumbers.otherL1, world.learnerNumbers.demoL1],
      [portal, "/api/v1/attachments", "learnerNumber", world.learnerNumbers.demoL1, world.learnerNumbers.otherL1],
      [portal, "/api/v1/attachments", "learnerNumber", world.learnerNumbers.otherL1, world.learnerNumbers.demoL1],
    ];
    // What the person is shown: the status, where it sends them, and the text of the page's main part
    // (its links and forms carry the address asked for, repeated parameter and all).
    const shown = (a: Answer) => {
      const main = /<main\b[\s\S]*<\/main>/.exec(a.text)?.[0] ?? a.text;
      return `${a.status} ${a.location ?? ""} ${main.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ")}`;
    };
    const differ: string[] = [];
    for (const [client, path, name, first, second] of cases) {
      const join = path.includes("?") ? "&" : "?";
      const once = await client.request(`${path}${join}${name}=${t(first)}`);
      const twice = await client.request(`${path}${join}${name}=${t(first)}&${name}=${t(second)}`);
      if (once.status >= 500 || twice.status >= 500 || shown(once) !== shown(twice)) differ.push(`${path} ${name}=${first}&${name}=${second}: ${once.status} alone, ${twice.status} repeated`);
    }
    expect(differ).toEqual([]);
    // A repeated look-up never reaches another centre's learner.
    const other = await portal.request(`/api/v1/documents?learnerNumber=${world.learnerNumbers.otherL1}&learnerNumber=${world.learnerNumbers.demoL1}`);
    expect(other.status).toBe(404);
    // redirectTo after sign-in, repeated in either order: a path of this site, never elsewhere.
    const wrong: string[] = [];
    for (const pair of [["/learner/units/501", "//evil.example"], ["//evil.example", "/learner/units/501"], ["/account", "https://evil.example/"], ["https://evil.example/", "/account"]]) {
      const client = new Client(server.url);
      const answer = await client.request(`/sign-in?${pair.map((p) => `redirectTo=${t(p)}`).join("&")}`, { form: { email: d.learner2!.email, password: d.learner2!.password } });
      const location = answer.location ?? "";
      if (answer.status !== 302 || !location.startsWith("/") || location.startsWith("//") || /evil/.test(location)) wrong.push(`${pair.join(" then ")}: ${answer.status} ${location}`);
    }
    expect(wrong).toEqual([]);
    figure("parameter-pollution", `${cases.length} repeated query parameters and 4 repeated redirectTo: ${differ.length + wrong.length} answered differently from the first value (goal 0)`);
  });

  it("reads repeated form fields and JSON keys one way only: a wrong CSRF value first is refused, and a repeated key cannot reach another centre", async () => {
    const d = world.demo;
    const learner = await new Client(server.url).signIn(d.learner3!.email, d.learner3!.password);
    const body = (csrfs: string[]) => [...csrfs.map((c) => `csrf=${encodeURIComponent(c)}`), "intent=change-password", "current=x", "password=y", "again=y"].join("&");
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    const wrongFirst = await learner.request("/account", { body: body(["forged", learner.csrf]), headers });
    expect(wrongFirst.status).toBe(403);
    const rightFirst = await learner.request("/account", { body: body([learner.csrf, "forged"]), headers });
    expect(rightFirst.status).toBe(200);
    // Sign-in with the e-mail twice: the first is the one checked.
    const twice = await new Client(server.url).request("/sign-in", { body: `csrf=&email=${encodeURIComponent("nobody@example.org")}&email=${encodeURIComponent(d.learner2!.email)}&password=${encodeURIComponent(d.learner2!.password)}`, headers });
    expect(twice.status).not.toBe(302);
    // JSON with a repeated key: whichever value is read, the token's centre is the only one reached.
    const portal = new Client(server.url, { Authorization: `Bearer ${world.apiToken}` });
    const created = await portal.request("/api/v1/documents", {
      body: `{"learnerNumber":"${world.learnerNumbers.demoL1}","template":"ilm-8588/session-record","data":{"goal":"x"},"learnerNumber":"${world.learnerNumbers.otherL1}"}`,
      headers: { "Content-Type": "application/json" },
    });
    expect(created.status).toBe(404);
  });
});
