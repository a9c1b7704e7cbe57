import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { request as httpRequest } from "node:http";
import { createDocument, openDatabase, type OpenDatabase } from "@ilm-forms/db";
import { createWorld, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 120_000 });

// The JSON API's evidence files (docs/api.md) over real HTTP: a portal sends a file's bytes as the
// body, lists, downloads and removes files of its own centre; refusals answer in the API's error shape.

const LIMIT = 1024 * 1024;
let world: World;
let server: TestServer;
let read: OpenDatabase;
let contractId = "";

function pdf(size: number, fill = 0x20): Buffer {
  const head = Buffer.from("%PDF-1.4\n");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), fill)]);
}

const api = (token = world.apiToken) => ({ Authorization: `Bearer ${token}` });

async function post(query: string, body: Buffer, token?: string) {
  const response = await fetch(`${server.url}/api/v1/attachments?${query}`, { method: "POST", body: new Uint8Array(body), headers: { ...api(token), "Content-Type": "application/octet-stream" } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { errors?: { rule: string }[] } };
}

/** A chunked body of `total` bytes, written until the server answers. */
function chunked(path: string, total: number): Promise<{ status: number | undefined; written: number }> {
  const url = new URL(server.url + path);
  return new Promise((resolve) => {
    let written = 0;
    let status: number | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, written });
    };
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: "POST", headers: { ...api(), "Transfer-Encoding": "chunked" } }, (res) => {
      status = res.statusCode;
      res.resume();
      res.on("end", finish);
    });
    req.on("error", finish);
    const chunk = pdf(64 * 1024);
    const pump = () => {
      while (!done && status === undefined && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done && status === undefined) req.end();
    };
    pump();
  });
}

beforeAll(async () => {
  world = await createWorld();
  // Learner 1's contract outside any submission: its template takes PDFs and images only (x-ilm.attachments).
  const { db, close } = openDatabase(world.databasePath);
  const l1 = world.demo.learner1!;
  const contract = (await createDocument(db, l1.scope, { learnerId: l1.learnerId!, templateId: "ilm-8588/contract", data: { clientRef: "Client 3" } }));
  if (!contract.ok) throw new Error(contract.reason);
  contractId = contract.id;
  close();
  server = await startOn(world, { MAX_ATTACHMENT_BYTES: String(LIMIT) });
  read = openDatabase(world.databasePath, { readonly: true });
}, 180_000);

afterAll(async () => {
  read?.close();
  await server?.stop();
  world?.remove();
});

describe("the API's evidence files", () => {
  it("uploads a file to a document, lists it, downloads it as it was sent and removes it", async () => {
    const bytes = pdf(700 * 1024, 0x44);
    const created = await post(`documentId=${world.records.demoL1OpenDoc}&name=${encodeURIComponent("scan é.pdf")}`, bytes);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "scan é.pdf", mediaType: "application/pdf", size: bytes.length, documentId: world.records.demoL1OpenDoc });
    const id = created.body.id as string;
    const list = await fetch(`${server.url}/api/v1/attachments?learnerNumber=${world.learnerNumbers.demoL1}&documentId=${world.records.demoL1OpenDoc}`, { headers: api() });
    expect(((await list.json()) as { attachments: { id: string }[] }).attachments.map((a) => a.id)).toEqual([id]);
    const download = await fetch(`${server.url}/api/v1/attachments/${id}`, { headers: api() });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect((await fetch(`${server.url}/api/v1/attachments/${id}`, { headers: api(world.otherApiToken) })).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/attachments/${id}`, { method: "DELETE", headers: api(world.otherApiToken) })).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/attachments/${id}`, { method: "DELETE", headers: api() })).status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/attachments/${id}`, { method: "DELETE", headers: api() })).status).toBe(404);
  });

  it("attaches general evidence to a learner's unit, mapped to criteria", async () => {
    const created = await post(`learnerNumber=${world.learnerNumbers.demoL1}&unit=503&criteria=503:1.1,503:2.1&name=notes.txt`, Buffer.from("Supervision notes, March.\n"));
    expect(created).toMatchObject({ status: 201, body: { mediaType: "text/plain", unit: "503", criteria: ["503:1.1", "503:2.1"], documentId: null } });
    expect((await post(`learnerNumber=${world.learnerNumbers.demoL1}&unit=503&criteria=501:1.1`, Buffer.from("x\n"))).status).toBe(422);
    expect((await post(`learnerNumber=${world.learnerNumbers.otherL1}&unit=503`, Buffer.from("x\n"))).status).toBe(404);
  });

  it("holds a document's files to its template's rule, answering 415 with the list's title and the rule", async () => {
    const refused = await post(`documentId=${contractId}&name=notes.txt`, Buffer.from("Signed on paper by all three.\n"));
    expect(refused.status).toBe(415);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: "file", message: "Scanned signed contract: attach PDFs or images only; this file is plain text." })]);
    expect((read.sqlite.prepare("select count(*) n from attachments where document_id = ?").get(contractId) as { n: number }).n).toBe(0);
    expect((await post(`documentId=${contractId}&name=scan.pdf`, pdf(3000))).status).toBe(201);
  });

  it("refuses with the API's errors, storing nothing", async () => {
    const before = (read.sqlite.prepare("select count(*) n from attachments").get() as { n: number }).n;
    const open = world.records.demoL1OpenDoc;
    const noToken = await fetch(`${server.url}/api/v1/attachments?documentId=${open}`, { method: "POST", body: new Uint8Array(pdf(100)) });
    expect(noToken.status).toBe(401);
    expect((await post(`documentId=${world.records.otherL1Doc}`, pdf(100))).status).toBe(404);
    expect(await post(`documentId=${world.records.demoL1Doc}`, pdf(100))).toMatchObject({ status: 409, body: { errors: [{ rule: "locked" }] } });
    expect(await post(`documentId=${open}`, Buffer.from("7f454c4602010100", "hex"))).toMatchObject({ status: 415, body: { errors: [{ rule: "mediaType" }] } });
    expect(await post(`documentId=${open}`, Buffer.alloc(0))).toMatchObject({ status: 422, body: { errors: [{ rule: "empty" }] } });
    expect(await post(`documentId=${open}`, pdf(LIMIT + 1))).toMatchObject({ status: 413, body: { errors: [{ rule: "maxBytes" }] } });
    const streamed = await chunked(`/api/v1/attachments?documentId=${open}`, 100 * LIMIT);
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(20 * LIMIT);
    expect((read.sqlite.prepare("select count(*) n from attachments").get() as { n: number }).n).toBe(before);
  });
});
