import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, reserveSignInAttempt, settleSignInAttempt } from "@ilm-forms/db";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generateScale } from "../../../../packages/db/reliability/scale.mjs";
import { Client } from "./support/http.ts";
import { createWorld, figure, FULL, size, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 900_000 });

// The assessor's queue and a learner's unit page on a database of 10,000 learners and 1,000,000
// documents, against the same pages on a database of 100 learners (same documents per learner),
// both servers running, requests alternating between them. The bulk learners are of the same centre, assigned to a bulk assessor, with
// a submitted unit each: the demo people's pages show what they showed before, while the centre's
// tables and indexes grow. Generated with raw multi-row INSERTs in one transaction.

const LARGE = { learners: size(10_000, 10_000), documents: size(1_000_000, 1_000_000) };
const SMALL = { learners: 100, documents: 100 * (LARGE.documents / LARGE.learners) };
const REQUESTS = size(100, 300);
const worlds: World[] = [];
afterAll(() => worlds.forEach((w) => w.remove()));

const example = (JSON.parse(readFileSync(join(import.meta.dirname, "../../../../schemas/ilm-8588/examples/session-record.json"), "utf8")) as { valid: Record<string, unknown>[] }).valid[0]!;

async function build(spec: { learners: number; documents: number }): Promise<{ world: World; seconds: number; megabytes: number }> {
  const world = await createWorld();
  worlds.push(world);
  const { sqlite, close } = openDatabase(world.databasePath, { migrate: false });
  sqlite.pragma("synchronous = OFF"); // generation only; the server opens the file with FULL
  const existing = (sqlite.prepare("select count(*) as n from learners where centre_id = 'demo-centre'").get() as { n: number }).n;
  const made = generateScale(sqlite, { centreId: "demo-centre", learners: spec.learners - existing, documents: spec.documents, documentData: example, templateId: "ilm-8588/session-record", templateVersion: "2.0.0" });
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const pages = sqlite.pragma("page_count", { simple: true }) as number;
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  close();
  return { world, seconds: made.ms / 1000, megabytes: (pages * pageSize) / 1e6 };
}

interface Timing {
  median: number;
  p95: number;
}

const summary = (times: number[]): Timing => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
};

/**
 * Both servers run at once; requests alternate between them, so background load hits both alike.
 * Before each request another connection writes a row (a sign-in attempt of nobody), as on a busy
 * system: the server keeps reads only while nothing is written, so every timed page runs its queries.
 */
async function timePages(worlds: [World, World]): Promise<{ unit: Timing; queue: Timing }[]> {
  const servers = await Promise.all(worlds.map((w) => startOn(w)));
  const writers = worlds.map((w) => openDatabase(w.databasePath, { migrate: false }));
  try {
    const sides = await Promise.all(
      worlds.map(async (world, i) => {
        const server = servers[i]!;
        const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
        const assessor = await new Client(server.url).signIn(world.demo.assessor1!.email, world.demo.assessor1!.password);
        const queue = await assessor.request("/assessor");
        if (!queue.text.includes(world.demo.learner1!.name) || queue.text.includes("Bulk Learner")) throw new Error("the assessor's queue does not show what it should");
        return { server, learner, assessor, writer: writers[i]!, unit: [] as number[], queue: [] as number[] };
      }),
    );
    for (let i = 0; i < 20 + REQUESTS; i++) {
      for (const side of sides) {
        for (const [client, path, into] of [[side.learner, "/learner/units/501", side.unit], [side.assessor, "/assessor", side.queue]] as const) {
          (await settleSignInAttempt(side.writer.db, (await reserveSignInAttempt(side.writer.db, { email: "writer@scale.invalid", ip: "192.0.2.1" }))!, true));
          const started = performance.now();
          const answer = await client.request(path);
          if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${side.server.output().slice(-500)}`);
          if (i >= 20) into.push(performance.now() - started);
        }
      }
    }
    return sides.map((s) => ({ unit: summary(s.unit), queue: summary(s.queue) }));
  } finally {
    writers.forEach((w) => w.close());
    await Promise.all(servers.map((s) => s.stop()));
  }
}

describe("scale", () => {
  it(`keeps the assessor's queue and a learner's unit page within 2x on ${LARGE.learners} learners and ${LARGE.documents} documents`, async () => {
    const small = await build(SMALL);
    const large = await build(LARGE);
    const [smallTimes, largeTimes] = (await timePages([small.world, large.world])) as [{ unit: Timing; queue: Timing }, { unit: Timing; queue: Timing }];
    const unitRatio = largeTimes.unit.median / smallTimes.unit.median;
    const queueRatio = largeTimes.queue.median / smallTimes.queue.median;
    const f = (t: Timing) => `median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;
    figure(
      "scale",
      `${LARGE.learners} learners / ${LARGE.documents} documents (generated in ${large.seconds.toFixed(0)} s, ${large.megabytes.toFixed(0)} MB) vs ${SMALL.learners} learners / ${SMALL.documents} documents: ` +
        `GET /learner/units/501 ${f(largeTimes.unit)} vs ${f(smallTimes.unit)} = ${unitRatio.toFixed(2)}x; GET /assessor ${f(largeTimes.queue)} vs ${f(smallTimes.queue)} = ${queueRatio.toFixed(2)}x (goal ≤ 2x: ${unitRatio <= 2 && queueRatio <= 2 ? "met" : "NOT met"}); ${REQUESTS} requests each, alternating between the two servers, each after a write by another connection`,
    );
    // Timing goals are asserted only in the full run (`test:reliability`, one file at a time); in CI
    // other suites share the two cores and the ratio is printed, not asserted (house rule: no timing
    // assertions in the normal tests).
    if (FULL) {
      expect.soft(unitRatio).toBeLessThanOrEqual(2);
      expect.soft(queueRatio).toBeLessThanOrEqual(2);
    }
  });
});
