import { EVIDENCE_MEDIA_TYPES, openDatabase, type OpenDatabase } from "@ilm-forms/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestServer } from "../support/server.ts";
import { Client } from "./support/http.ts";
import { createWorld, figure, size, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// Uploads of random bytes under random names (issue 20): the type is sniffed from the bytes, never
// taken from the name; nothing over the limit is stored; no name is stored with a path or a control
// character; no answer is a 5xx.

const LIMIT = 64 * 1024;
let world: World;
let server: TestServer;
let read: OpenDatabase;
let learner: Client;

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world, { MAX_ATTACHMENT_BYTES: String(LIMIT), MAX_LEARNER_ATTACHMENT_BYTES: String(1024 * LIMIT) });
  read = openDatabase(world.databasePath, { readonly: true });
  learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
}, 180_000);

afterAll(async () => {
  read?.close();
  await server?.stop();
  world?.remove();
});

/** Leading bytes of real kinds and of kinds that are not evidence, so some uploads sniff as something. */
const HEADS = [
  Buffer.from("%PDF-1.7\n"),
  Buffer.from("89504e470d0a1a0a", "hex"),
  Buffer.from("ffd8ffe000104a464946", "hex"),
  Buffer.from("MZ"),
  Buffer.from("7f454c46", "hex"),
  Buffer.from("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
  Buffer.from("<!doctype html><script>alert(1)</script>"),
  Buffer.from("From: someone@example.test\r\nSubject: hi\r\n\r\n"),
  Buffer.from("504b0304", "hex"),
  Buffer.alloc(0),
];

describe("random uploads", () => {
  it(`stores only evidence kinds within the limit, under safe names, with no 5xx (${size(150, 1000)} uploads)`, async () => {
    const runs = size(150, 1000);
    const statuses = new Map<number, number>();
    const samples = fc.sample(
      fc.record({
        head: fc.constantFrom(...HEADS),
        body: fc.uint8Array({ minLength: 0, maxLength: 2048 }),
        pad: fc.constantFrom(0, 0, 0, LIMIT - 100, LIMIT, LIMIT + 1, 2 * LIMIT),
        name: fc.string({ unit: "grapheme", maxLength: 300 }).map((s) => fc.sample(fc.constantFrom("", "../", "C:\\x\\", "/etc/"), 1)[0] + s + fc.sample(fc.constantFrom(".pdf", ".exe", ".html", ".svg", ".png", ""), 1)[0]),
      }),
      { numRuns: runs, seed: 20 },
    );
    const form = (bytes: Buffer, name: string) => {
      const f = new FormData();
      f.append("csrf", learner.csrf);
      f.append("documentId", world.records.demoL1OpenDoc);
      f.append("file", new Blob([new Uint8Array(bytes)]), name);
      return f;
    };
    const cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    for (const sample of samples) {
      const bytes = Buffer.concat([sample.head, Buffer.from(sample.body), Buffer.alloc(sample.pad, 0x20)]);
      const response = await fetch(`${server.url}/attachments`, { method: "POST", body: form(bytes, sample.name), headers: { Cookie: cookie }, redirect: "manual" });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    const stored = read.sqlite.prepare("select name, media_type as mediaType, size from attachments where document_id = ?").all(world.records.demoL1OpenDoc) as { name: string; mediaType: string; size: number }[];
    const overLimit = stored.filter((a) => a.size > LIMIT);
    const notEvidence = stored.filter((a) => !EVIDENCE_MEDIA_TYPES.has(a.mediaType));
    // eslint-disable-next-line no-control-regex
    const unsafeNames = stored.filter((a) => /[\\/\u0000-\u001f\u007f"]/.test(a.name) || a.name.length === 0);
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    figure("random-uploads", `${runs} uploads of random bytes and names: ${stored.length} stored, answers ${JSON.stringify(Object.fromEntries(statuses))}; stored over the limit = ${overLimit.length}, not an evidence kind = ${notEvidence.length}, unsafe names = ${unsafeNames.length}, 5xx = ${serverErrors} (goal 0 each)`);
    expect({ overLimit, notEvidence, unsafeNames, serverErrors }).toEqual({ overLimit: [], notEvidence: [], unsafeNames: [], serverErrors: 0 });
    expect(stored.some((a) => a.mediaType === "application/pdf")).toBe(true);
    expect(stored.some((a) => a.mediaType === "text/html" || a.mediaType === "image/svg+xml")).toBe(false);
  });
});
