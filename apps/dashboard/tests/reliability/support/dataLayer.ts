import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { connectDatabase, seedDemoCentre, type Scope } from "@ilm-forms/db";
import { freshTarget, row, TEST_ENGINE } from "../../support/database.ts";

/** packages/db/reliability: the child scripts that use the data layer from another process. */
export const DB_RELIABILITY = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../../packages/db/reliability");
export const DB_CLI = resolve(DB_RELIABILITY, "../dist/cli.js");

/** A migrated database (a SQLite file, or a PostgreSQL database under the postgres project) with the demo centre, and learner1's scope. */
export interface SeededFile {
  /** SQLite: the folder of the file; PostgreSQL: "". */
  dir: string;
  /** The SQLite file, or the PostgreSQL URL: `connectDatabase(path)` opens it. */
  path: string;
  learner: Scope & { learnerId: string };
  people: Record<string, Scope & { learnerId?: string }>;
  remove(): Promise<void>;
}

/**
 * Creates, migrates and seeds a database of the engine under test (a file in a new temporary
 * folder, or a copy of the PostgreSQL template), then closes it, so that children never race to
 * migrate a new database.
 *
 * @returns the database and the demo people's scopes (by the local part of their email)
 */
export async function seededFile(): Promise<SeededFile> {
  const { target, cleanup } = await freshTarget("db.sqlite");
  const database = await connectDatabase(target);
  const seed = await seedDemoCentre(database.db, { seed: 1 });
  const people: SeededFile["people"] = {};
  for (const s of seed.signIns) {
    const found = (await row<{ userId: string; learnerId: string | null }>(database, "select u.id as \"userId\", l.id as \"learnerId\" from users u left join learners l on l.user_id = u.id where u.email = ?", s.email))!;
    people[s.email.split("@")[0]!] = { userId: found.userId, centreId: seed.centreId, role: s.role, ...(found.learnerId ? { learnerId: found.learnerId } : {}) };
  }
  await database.close();
  return { dir: TEST_ENGINE === "sqlite" ? dirname(target) : "", path: target, learner: people.learner1 as SeededFile["learner"], people, remove: cleanup };
}

/** A running writer child and the writes it acknowledged. */
export interface Writer {
  child: ChildProcess;
  /** id → sha256 of the data, for each `ack` line seen so far */
  acked: Map<string, string>;
  /** ids reported as already present */
  had: Set<string>;
  /** resolves when the child exits */
  exited: Promise<number | null>;
  /** resolves when `ready` is printed */
  ready: Promise<void>;
  /** resolves after `count` more acknowledgements (or exit) */
  afterAcks(count: number): Promise<void>;
  stderr(): string;
}

/**
 * Starts packages/db/reliability/writer.mjs.
 *
 * @param path - the database file
 * @param scope - the learner who writes
 * @param from - first document number
 * @param to - one past the last
 * @param prefix - id prefix
 * @returns the writer
 */
export function startWriter(path: string, scope: Scope & { learnerId: string }, from: number, to: number, prefix = "crash"): Writer {
  const child = spawn(process.execPath, [join(DB_RELIABILITY, "writer.mjs"), path, JSON.stringify(scope), String(from), String(to), prefix], { stdio: ["ignore", "pipe", "pipe"] });
  const acked = new Map<string, string>();
  const had = new Set<string>();
  let err = "";
  let buffer = "";
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const waiters: { target: number; resolve: () => void }[] = [];
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let at: number;
    while ((at = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      const [word, id, hash] = line.split(" ");
      if (word === "ready") readyResolve();
      else if (word === "ack") acked.set(id!, hash!);
      else if (word === "have") had.add(id!);
    }
    for (const w of [...waiters]) {
      if (acked.size < w.target) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<number | null>((r) =>
    child.once("exit", (code) => {
      readyResolve();
      for (const w of waiters.splice(0)) w.resolve();
      r(code);
    }),
  );
  return {
    child,
    acked,
    had,
    exited,
    ready,
    afterAcks(count) {
      const target = acked.size + count;
      if (count <= 0 || child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ target, resolve }));
    },
    stderr: () => err,
  };
}
