import { dirname } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { addAttachment, connectDatabase, isPostgresUrl, createDocument, issueCentreApiToken, listDocuments, seedDemoCentre, submitUnit, type Db, type DemoSignIn, type OpenDatabase, type Role, type Scope } from "@ilm-forms/db";
import { freshTarget, row, TEST_ENGINE } from "../../support/database.ts";
import { startServer, type TestServer } from "../../support/server.ts";

/** Runs in full size when ILM_RELIABILITY=full (`pnpm --filter dashboard test:reliability`), else the CI size. */
export const FULL = process.env.ILM_RELIABILITY === "full";

/**
 * The size to run: the CI size unless the full run was asked for.
 *
 * @param ci - the size in CI
 * @param full - the size of the full run
 * @returns the size
 */
export function size(ci: number, full: number): number {
  return FULL ? full : ci;
}

/**
 * Prints one figure as a line CI logs keep: `FIGURE <name>: <text>`.
 *
 * @param name - what was measured
 * @param text - the figure and its goal
 */
export function figure(name: string, text: string): void {
  console.log(`FIGURE ${name}: ${text}`);
}

/** One person of a centre, with the scope the data layer takes. */
export interface Person extends DemoSignIn {
  userId: string;
  centreId: string;
  scope: Scope;
  learnerId?: string;
}

/** Two seeded centres in one database, with submissions of Unit 501 and an API token for the demo centre. */
export interface World {
  /** SQLite: the folder of the database file. */
  dir: string;
  /** The SQLite file, or the PostgreSQL URL under the postgres project: `connectDatabase(databasePath)` opens it. */
  databasePath: string;
  demo: Record<string, Person>;
  other: Record<string, Person>;
  /**
   * Documents and submissions by whose they are: learner 1's first document (in their Unit 501
   * submission, so locked), a session record of learner 1 made after it (in no submission, so it can
   * be saved), and the submissions of Unit 501 (Unit 500 for learner 3).
   */
  records: { demoL1Doc: string; demoL1OpenDoc: string; demoL3Doc: string; otherL1Doc: string; demoL1Submission: string; demoL3Submission: string; otherL1Submission: string } & Attachments;
  apiToken: string;
  otherApiToken: string;
  learnerNumbers: { demoL1: string; otherL1: string };
  remove(): Promise<void>;
}

/** An evidence file on the submitted unit of learner 1 (501), learner 3 (500) and the other centre's learner 1 (501): locked. */
interface Attachments {
  demoL1Attachment: string;
  demoL3Attachment: string;
  otherL1Attachment: string;
}

async function attachToUnit(db: Db, person: Person, unit: string): Promise<string> {
  async function* content() {
    yield Buffer.from(`%PDF-1.4\n% evidence of ${unit}\n`);
  }
  const result = await addAttachment(db, person.scope, { target: { learnerId: person.learnerId!, qualification: "ilm-8588", unit, criteria: [] }, name: `unit-${unit}.pdf`, content: content() });
  if (!result.ok) throw new Error(`could not attach for ${person.email}: ${result.reason}`);
  return result.attachment.id;
}

async function people(database: OpenDatabase, signIns: DemoSignIn[], centreId: string): Promise<Record<string, Person>> {
  const out: Record<string, Person> = {};
  for (const s of signIns) {
    const user = (await row<{ id: string }>(database, "select id from users where email = ?", s.email))!;
    const learner = await row<{ id: string }>(database, "select id from learners where user_id = ?", user.id);
    out[s.email.split("@")[0]!] = { ...s, userId: user.id, centreId, scope: { userId: user.id, centreId, role: s.role as Role }, learnerId: learner?.id };
  }
  return out;
}

async function submit501(db: Db, person: Person): Promise<string> {
  const documentIds = (await listDocuments(db, person.scope, person.learnerId!)).map((d) => d.id);
  const result = (await submitUnit(db, person.scope, { qualification: "ilm-8588", unit: "501", documentIds, declaration: { name: person.name, date: "2026-05-01" } }));
  if (!result.ok) throw new Error(`could not submit for ${person.email}: ${result.reason}`);
  return result.id;
}

/**
 * Creates the database (a SQLite file, or a PostgreSQL database under the postgres project) before any server starts: the demo centre (seed 8588, as the server
 * seeds it), a second centre "other-centre", Unit 501 submitted by learners 1 and 3 of the demo
 * centre and learner 1 of the other, and an API token per centre.
 *
 * @param engine - the engine, by default the one under test
 * @returns the world
 */
export async function createWorld(engine: "sqlite" | "postgres" = TEST_ENGINE): Promise<World> {
  const { target: databasePath, cleanup } = await freshTarget("world.sqlite", engine);
  const dir = engine === "sqlite" ? dirname(databasePath) : "";
  const database = await connectDatabase(databasePath);
  const { db } = database;
  const demoSeed = await seedDemoCentre(db, { seed: 8588 });
  const otherSeed = await seedDemoCentre(db, { seed: 99, centreId: "other-centre", centreName: "Other Centre", emailDomain: "other.ilm-forms.test" });
  const demo = await people(database, demoSeed.signIns, demoSeed.centreId);
  const other = await people(database, otherSeed.signIns, otherSeed.centreId);
  const firstDoc = async (p: Person) => (await listDocuments(db, p.scope, p.learnerId!))[0]!.id;
  const attached: Attachments = {
    demoL1Attachment: await attachToUnit(db, demo.learner1!, "501"),
    demoL3Attachment: await attachToUnit(db, demo.learner3!, "500"),
    otherL1Attachment: await attachToUnit(db, other.learner1!, "501"),
  };
  const records = {
    ...attached,
    demoL1Doc: (await firstDoc(demo.learner1!)),
    demoL3Doc: (await firstDoc(demo.learner3!)),
    otherL1Doc: (await firstDoc(other.learner1!)),
    demoL1OpenDoc: "",
    demoL1Submission: (await submit501(db, demo.learner1!)),
    demoL3Submission: "",
    otherL1Submission: (await submit501(db, other.learner1!)),
  };
  // learner 3 is on the Diploma (500, 502, 503): register 501 is not needed; submit Unit 500 instead.
  const l3 = demo.learner3!;
  const l3Docs = (await listDocuments(db, l3.scope, l3.learnerId!)).map((d) => d.id);
  const l3Submission = (await submitUnit(db, l3.scope, { qualification: "ilm-8588", unit: "500", documentIds: l3Docs, declaration: { name: l3.name, date: "2026-05-01" } }));
  if (!l3Submission.ok) throw new Error(`could not submit for learner3: ${l3Submission.reason}`);
  records.demoL3Submission = l3Submission.id;
  // Made after the submission, so no submission holds it: the save tests use it.
  const l1 = demo.learner1!;
  const open = (await createDocument(db, l1.scope, {
    learnerId: l1.learnerId!,
    templateId: "ilm-8588/session-record",
    data: { clientRef: "Client 1", sessionNo: 90, sessionDate: "2026-05-02", duration: 1, goal: "Agree the next step." },
  }));
  if (!open.ok) throw new Error(`could not add learner1's open document: ${open.reason}`);
  records.demoL1OpenDoc = open.id;
  const token = (await issueCentreApiToken(db, demo.admin!.scope));
  const otherToken = (await issueCentreApiToken(db, other.admin!.scope));
  if (!token.ok || !otherToken.ok) throw new Error("could not issue API tokens");
  const number = async (p: Person) => (await row<{ n: string }>(database, "select learner_number as n from learners where id = ?", p.learnerId))!.n;
  const learnerNumbers = { demoL1: await number(demo.learner1!), otherL1: await number(other.learner1!) };
  await database.close();
  return { dir, databasePath, demo, other, records, apiToken: token.token, otherApiToken: otherToken.token, learnerNumbers, remove: cleanup };
}

/**
 * Starts the built dashboard on the world's database (DATABASE_URL for PostgreSQL).
 *
 * @param world - the world
 * @param env - more environment (PORTAL_ORIGINS, MAX_BODY_BYTES ...)
 * @returns the server
 */
export function startOn(world: World, env: Record<string, string> = {}): Promise<TestServer> {
  return startServer({ ...(isPostgresUrl(world.databasePath) ? { DATABASE_URL: world.databasePath } : { DATABASE_PATH: world.databasePath }), ...env });
}

/** A test file's world, its server and a connection of its own to the world's database (see useWorldServer). */
export interface WorldServer {
  readonly world: World;
  readonly server: TestServer;
  readonly database: OpenDatabase;
  /** The security log's entries (JSON lines, decision 067) the server has written so far, after a moment for its stderr to arrive. */
  securityLog(): Promise<SecurityLogEntry[]>;
}

/** One line of the dashboard's security log. */
export interface SecurityLogEntry {
  event: string;
  limiter?: string;
  reason?: string;
  userId?: string;
  centreId?: string;
  method: string;
  path: string;
  [field: string]: unknown;
}

/**
 * The lifecycle most HTTP test files share: before their tests a new world (the demo centre and
 * another, on the test engine), the built dashboard on it and a connection to its database; after
 * them, all three closed and the world removed. Call it at the top of the test file.
 *
 * @param env - more environment for the server (limits, settings)
 * @returns getters for the world, the server and the connection, read inside tests and hooks
 */
export function useWorldServer(env: Record<string, string> = {}): WorldServer {
  let world: World | undefined;
  let server: TestServer | undefined;
  let database: OpenDatabase | undefined;
  beforeAll(async () => {
    world = await createWorld();
    server = await startOn(world, env);
    database = await connectDatabase(world.databasePath, { migrate: false });
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    await server?.stop();
    await world?.remove();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is not started: use it inside a test or a hook after useWorldServer's`);
    return value;
  };
  return {
    get world() {
      return started(world, "world");
    },
    get server() {
      return started(server, "server");
    },
    get database() {
      return started(database, "database");
    },
    async securityLog() {
      await new Promise((r) => setTimeout(r, 200));
      const lines = started(server, "server").output().split("\n").filter((line) => line.startsWith("{"));
      return lines.map((line) => JSON.parse(line) as SecurityLogEntry & { level?: string }).filter((entry) => entry.level === "security");
    },
  };
}
