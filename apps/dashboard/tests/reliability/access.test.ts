import { readdirSync } from "node:fs";
import { join } from "node:path";
import { connectDatabase, type OpenDatabase } from "@ilm-forms/db";
import { row, scalar } from "../support/database.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestServer } from "../support/server.ts";
import { POLICY, PRINCIPALS, RELATIONS_OF, type Action, type Endpoint, type Expect, type Principal, type Relation } from "./access-policy.ts";
import { Client, type Answer } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// Every cell of the access policy over real HTTP, against the built dashboard with two centres in
// one database file. A cell fails when the answer differs from the policy; a leak is a cell that
// should have been refused but answered 2xx, or whose refusal names the record's learner.

const HOME: Record<string, string> = { learner: "/learner", assessor: "/assessor", iqa: "/iqa", centre_admin: "/admin", eqa: "/eqa" };
let world: World;
let server: TestServer;
let read: OpenDatabase;
const clients = new Map<Principal, Client>();

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world);
  read = await connectDatabase(world.databasePath, { migrate: false });
  clients.set("anonymous", new Client(server.url));
  clients.set("portal", new Client(server.url, { Authorization: `Bearer ${world.apiToken}` }));
  const d = world.demo;
  clients.set("learner", await new Client(server.url).signIn(d.learner1!.email, d.learner1!.password));
  clients.set("assessor", await new Client(server.url).signIn(d.assessor1!.email, d.assessor1!.password));
  clients.set("iqa", await new Client(server.url).signIn(d.iqa!.email, d.iqa!.password));
  clients.set("centre_admin", await new Client(server.url).signIn(d.admin!.email, d.admin!.password));
  clients.set("eqa", await new Client(server.url).signIn(d.eqa!.email, d.eqa!.password));
}, 120_000);

afterAll(async () => {
  await read?.close();
  await server?.stop();
  await world?.remove();
});

/** The record a principal has the given relationship to, as path placeholders, and its learner's name. */
function recordFor(endpoint: Endpoint, principal: Principal, relation: Relation): { values: Record<string, string>; owner: string } {
  const { demo, other, records } = world;
  const tiedOrPublic = relation === "own" || relation === "assigned" || principal === "anonymous" || principal === "portal";
  const who = relation === "other-centre" ? "other" : tiedOrPublic ? "l1" : "l3";
  const owner = who === "other" ? other.learner1! : who === "l1" ? demo.learner1! : demo.learner3!;
  switch (endpoint.record) {
    case "document":
      return { values: { id: who === "other" ? records.otherL1Doc : who === "l1" ? records.demoL1Doc : records.demoL3Doc }, owner: owner.name };
    case "submission":
      return { values: { id: who === "other" ? records.otherL1Submission : who === "l1" ? records.demoL1Submission : records.demoL3Submission }, owner: owner.name };
    case "learner-unit":
      return { values: { learnerId: owner.learnerId!, unit: who === "l3" ? "503" : "501" }, owner: owner.name };
    case "attachment":
      return { values: { id: who === "other" ? records.otherL1Attachment : who === "l1" ? records.demoL1Attachment : records.demoL3Attachment }, owner: owner.name };
    case "learner-number":
      return { values: { learnerNumber: who === "other" ? world.learnerNumbers.otherL1 : world.learnerNumbers.demoL1 }, owner: owner.name };
    default:
      return { values: {}, owner: "" };
  }
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? `{${k}}`));
const fillJson = (body: unknown, values: Record<string, string>): unknown => JSON.parse(JSON.stringify(body).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`));

function matches(expected: Expect, answer: Answer, principal: Principal): boolean {
  if (expected === "302 sign-in") return answer.status === 302 && (answer.location ?? "").startsWith("/sign-in?redirectTo=");
  if (expected === "302 home") return answer.status === 302 && answer.location === HOME[principal];
  if (expected === "302 /") return answer.status === 302 && answer.location === "/";
  if (expected === "302 /sign-in") return answer.status === 302 && answer.location === "/sign-in";
  return answer.status === Number(expected);
}

/** Learners whose names must appear nowhere in what the principal is shown. */
function hiddenNames(principal: Principal): string[] {
  const d = world.demo;
  const demoLearners = [d.learner1!, d.learner2!, d.learner3!, d.learner4!, d.learner5!];
  const visible: Record<Principal, string[]> = {
    anonymous: [],
    portal: demoLearners.map((p) => p.name),
    learner: [d.learner1!.name],
    // assessor1 is assigned learners 1, 2 and 5
    assessor: [d.learner1!.name, d.learner2!.name, d.learner5!.name],
    iqa: demoLearners.map((p) => p.name),
    centre_admin: demoLearners.map((p) => p.name),
    eqa: demoLearners.map((p) => p.name),
  };
  const everyone = [...demoLearners, ...Object.values(world.other).filter((p) => p.role === "learner")].map((p) => p.name);
  return everyone.filter((name) => !visible[principal].includes(name));
}

async function clientFor(principal: Principal, action: Action): Promise<Client> {
  if (!action.consumesSession || principal === "anonymous" || principal === "portal") return clients.get(principal)!;
  const person = { learner: world.demo.learner1!, assessor: world.demo.assessor1!, iqa: world.demo.iqa!, centre_admin: world.demo.admin!, eqa: world.demo.eqa! }[principal];
  return new Client(server.url).signIn(person.email, person.password);
}

describe("access matrix", () => {
  it("lists every route file of app/routes in the policy", () => {
    const files = readdirSync(join(import.meta.dirname, "../../app/routes")).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f));
    const missing = files.filter((f) => !POLICY.some((e) => e.file === f));
    // Routes served by Express before Remix are named "server:<file>" and checked against server/.
    const stale = [...new Set(POLICY.map((e) => e.file))].filter((f) => (f.startsWith("server:") ? !readdirSync(join(import.meta.dirname, "../../server")).includes(f.slice(7)) : !files.includes(f)));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("answers every cell as the policy says, over HTTP", async () => {
    let checked = 0;
    let notApplicable = 0;
    const wrong: string[] = [];
    const leaks: string[] = [];
    for (const endpoint of POLICY) {
      for (const method of ["GET", "POST", "PUT"] as const) {
        const action = endpoint[method];
        if (!action) continue;
        for (const principal of PRINCIPALS) {
          const rule = action.expect[principal];
          const cells: [Relation | "none", Expect][] = endpoint.record
            ? (["own", "assigned", "same-centre-unassigned", "other-centre"] as const).map((r) => [r, typeof rule === "string" ? (RELATIONS_OF[principal].includes(r) ? rule : "n/a") : rule[r]])
            : [["none", rule as Expect]];
          for (const [relation, expected] of cells) {
            if (expected === "n/a") {
              notApplicable++;
              continue;
            }
            const { values, owner } = relation === "none" ? { values: {}, owner: "" } : recordFor(endpoint, principal, relation);
            const path = fill(endpoint.path, values);
            const client = await clientFor(principal, action);
            const answer = await client.request(path, {
              method,
              ...(action.form ? { form: Object.fromEntries(Object.entries(action.form).map(([k, v]) => [k, fill(v, values)])) } : {}),
              ...(action.json !== undefined ? { json: fillJson(action.json, values) } : {}),
            });
            checked++;
            const cell = `${method} ${path} as ${principal} (${relation}): expected ${expected}, got ${answer.status}${answer.location ? ` → ${answer.location}` : ""}`;
            if (!matches(expected, answer, principal)) wrong.push(cell);
            const refused = !expected.startsWith("2");
            if (refused && answer.status >= 200 && answer.status < 300) leaks.push(cell);
            else if (refused && owner && relation !== "own" && answer.text.includes(owner)) leaks.push(`${cell}: the refusal names ${owner}`);
            if (answer.status >= 200 && answer.status < 300) {
              const unseen = hiddenNames(principal).filter((name) => answer.text.includes(name));
              if (unseen.length) leaks.push(`${cell}: names ${unseen.join(", ")}, whom ${principal} may not see`);
            }
            if (answer.status >= 500) wrong.push(`${cell}: server error ${answer.text.slice(0, 200)}`);
          }
        }
      }
    }
    if (leaks.length) console.log(leaks.join("\n"));
    figure("access-matrix", `cells checked = ${checked} (${POLICY.length} endpoints × methods × 7 principals × relationships; ${notApplicable} n/a), wrong answers = ${wrong.length}, leaks = ${leaks.length} (goal 0)`);
    expect(wrong).toEqual([]);
    expect(leaks).toEqual([]);
  });
});

describe("a learner's crafted POST cannot set assessor or IQA fields", () => {
  const count = (sql: string, ...args: unknown[]) => scalar(read, sql, ...args);

  it("refuses a learner posting decisions to the assessor's and the IQA's pages for their own submission", async () => {
    const learner = clients.get("learner")!;
    const id = world.records.demoL1Submission;
    const before = { decisions: await count("select count(*) n from assessor_decisions"), ratifications: await count("select count(*) n from qa_ratifications") };
    const marking = await learner.request(`/assessor/submissions/${id}`, { form: { intent: "finish", "decision-1.1": "Pass", "feedback-1.1": "self-assessed", "decision-2.1": "Pass" } });
    const ratifying = await learner.request(`/iqa/submissions/${id}`, { form: { decision: "ratify", comments: "ratified by myself" } });
    expect([marking.status, ratifying.status]).toEqual([404, 404]);
    expect({ decisions: await count("select count(*) n from assessor_decisions"), ratifications: await count("select count(*) n from qa_ratifications") }).toEqual(before);
    expect(await count("select count(*) n from submissions where id = ? and status = 'submitted'", id)).toBe(1);
  });

  it("ignores status and version fields a portal adds to an API save", async () => {
    const portal = clients.get("portal")!;
    // Before the learner submits the unit again (next test): the document is in no submission yet.
    const docId = world.records.demoL1OpenDoc;
    const stored = (await row<{ data: string; version: number; status: string }>(read, "select data, version, status from documents where id = ?", docId))!;
    const answer = await portal.request(`/api/v1/documents/${docId}`, { method: "PUT", json: { expectedVersion: stored.version, data: JSON.parse(stored.data), status: "draft", version: 99, learnerId: world.demo.learner3!.learnerId } });
    expect(answer.status).toBe(200);
    expect(await row(read, 'select version, status, learner_id as "learnerId" from documents where id = ?', docId)).toEqual({ version: stored.version + 1, status: stored.status, learnerId: world.demo.learner1!.learnerId });
  });

  it("ignores status and decision fields a learner adds to their document and submission forms", async () => {
    const learner = clients.get("learner")!;
    // A document in no submission; the unit submitted below then holds it.
    const docId = world.records.demoL1OpenDoc;
    const stored = (await row<{ data: string; version: number; status: string }>(read, "select data, version, status from documents where id = ?", docId))!;
    const saved = await learner.request(`/learner/documents/${docId}`, {
      form: { document: stored.data, expectedVersion: String(stored.version), intent: "save", status: "draft", version: "99", state: "ratified", decision: "Pass", updatedBy: world.demo.assessor1!.userId },
    });
    expect(saved.status).toBe(200);
    const after = await row(read, 'select version, status, updated_by as "updatedBy" from documents where id = ?', docId);
    expect(after).toEqual({ version: stored.version + 1, status: stored.status, updatedBy: world.demo.learner1!.userId });

    // Unit 503: Unit 501 is already with the assessor, and one attempt at a time is open.
    const page = await learner.request("/learner/units/503/submit");
    const hash = /<code>([0-9a-f]{64})<\/code>/.exec(page.text)?.[1];
    expect(hash).toBeDefined();
    const submissions = await count("select count(*) n from submissions");
    const submitted = await learner.request("/learner/units/503/submit", {
      form: { confirm: "yes", name: world.demo.learner1!.name, contentHash: hash!, status: "assessed", "decision-1.1": "Pass", decision: "ratify", state: "ratified" },
    });
    expect(submitted.status).toBe(302);
    expect(await count("select count(*) n from submissions")).toBe(submissions + 1);
    // Newest first; the audit log's order breaks a tie of timestamps.
    const newest = (await row<{ id: string; status: string }>(
      read,
      "select id, status from submissions s where learner_id = ? order by submitted_at desc, (select max(seq) from audit_log a where a.entity_id = s.id) desc limit 1",
      world.demo.learner1!.learnerId,
    ))!;
    expect(newest.status).toBe("submitted");
    expect(await count("select count(*) n from assessor_decisions where submission_id = ?", newest.id)).toBe(0);
  });
});
