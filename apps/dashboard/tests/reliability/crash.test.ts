import { createHash } from "node:crypto";
import { openDatabase, verifyAuditChain } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seededFile, startWriter, type SeededFile } from "./support/dataLayer.ts";
import { figure, size } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// A child process writes documents through the data layer (createDocument: validation, insert and
// audit entry in one BEGIN IMMEDIATE transaction, WAL + synchronous FULL) and prints `ack` after
// each call returns. The parent SIGKILLs it at random moments and starts it again until every
// document is written. Every acknowledged write must be there, byte for byte, and the file sound.
// (SIGKILL kills the process, not the machine: the OS page cache survives. Power loss is not tested.)

const DOCUMENTS = size(1000, 1000);
const KILLS = size(100, 100);
let file: SeededFile;

beforeAll(async () => {
  file = await seededFile();
}, 60_000);
afterAll(() => file?.remove());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("crash durability", () => {
  it(`loses no acknowledged write over ${KILLS} SIGKILLs while writing ${DOCUMENTS} documents`, async () => {
    const acked = new Map<string, string>();
    let kills = 0;
    let killedBeforeReady = 0;
    let runs = 0;
    let next = 0; // every document below this one is stored
    for (;;) {
      // Each run may write only part of what is left, so that the documents last for all the kills
      // however fast the child writes; the last run, after the last kill, writes the rest.
      const killsLeft = KILLS - kills;
      const to = killsLeft > 0 ? Math.min(DOCUMENTS - 1, next + Math.max(3, Math.floor((DOCUMENTS - next) / (killsLeft + 1)))) : DOCUMENTS;
      const writer = startWriter(file.path, file.learner, next, to);
      runs++;
      let aimed = false;
      if (killsLeft > 0) {
        aimed = true;
        if (Math.random() < 0.1) {
          // during start-up: opening the file, preparing statements
          await sleep(Math.random() * 300);
        } else {
          await writer.ready;
          await writer.afterAcks(Math.floor(Math.random() * 5));
          // then at a random point of the next write (the ack pipe lags the writes a little)
          if (Math.random() < 0.5) await sleep(Math.random() * 2);
        }
        writer.child.kill("SIGKILL");
      }
      const code = await writer.exited;
      for (const [id, hash] of writer.acked) acked.set(id, hash);
      for (const id of [...writer.acked.keys(), ...writer.had]) next = Math.max(next, Number(id.split("-")[1]) + 1);
      if (aimed && code === null) {
        kills++;
        if (writer.acked.size === 0 && writer.had.size === 0) killedBeforeReady++;
      } else if (code !== 0) throw new Error(`the writer failed (${code}): ${writer.stderr()}`);
      if (kills === KILLS && to === DOCUMENTS && code === 0) break;
      if (runs > KILLS * 5) throw new Error("the writer never finished");
    }

    const { sqlite, db, close } = openDatabase(file.path, { migrate: false });
    try {
      let lost = 0;
      const read = sqlite.prepare("select data from documents where id = ?");
      for (const [id, hash] of acked) {
        const row = read.get(id) as { data: string } | undefined;
        if (!row || createHash("sha256").update(row.data).digest("hex") !== hash) lost++;
      }
      const written = (sqlite.prepare("select count(*) as n from documents where id like 'crash-%'").get() as { n: number }).n;
      const integrity = sqlite.pragma("integrity_check", { simple: true });
      const audit = (await verifyAuditChain(db));
      const audited = (sqlite.prepare("select count(*) as n from audit_log where action = 'document.create' and entity_id like 'crash-%'").get() as { n: number }).n;
      figure(
        "crash-durability",
        `acknowledged writes lost = ${lost} (goal 0) over ${kills} SIGKILLs (${killedBeforeReady} before the first write of their run), ${runs} runs, ${acked.size} acknowledged of ${DOCUMENTS} documents, ${written} stored, integrity_check ${integrity}, audit chain ${audit.ok ? "ok" : "BROKEN"} (${audited} audit entries for ${written} documents)`,
      );
      expect(lost).toBe(0);
      expect(kills).toBe(KILLS);
      expect(written).toBe(DOCUMENTS);
      expect(integrity).toBe("ok");
      expect(audit.ok).toBe(true);
      expect(audited).toBe(written);
    } finally {
      close();
    }
  });
});
