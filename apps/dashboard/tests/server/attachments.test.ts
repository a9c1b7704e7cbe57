import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { addAttachment, createDocument, listDocuments, openDatabase, submitUnit, type OpenDatabase } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client } from "../reliability/support/http.ts";
import { createWorld, figure, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 120_000 });

// Evidence files over real HTTP against the built server: the multipart upload streamed past the
// page body limit up to the file limit (1 MB here), refused at the limit without reading the rest,
// the download's headers, who may see what, removal, and the files on the pages.

const LIMIT = 1024 * 1024;
let world: World;
let server: TestServer;
let read: OpenDatabase;
let learner: Client;
let assessor1: Client;
let assessor2: Client;
let otherAdmin: Client;
let l2Submission = "";
let contractId = "";

function pdf(size: number, fill = 0x20): Buffer {
  const head = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), fill)]);
}

async function* chunks(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

const cookieHeader = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

/** Posts a multipart form as a browser does: fields first, then the file. */
async function upload(client: Client, fields: Record<string, string | string[]>, file: { name: string; bytes: Buffer; type?: string } | undefined, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("csrf", client.csrf);
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const response = await fetch(`${server.url}/attachments`, { method: "POST", body: form, headers: { Cookie: cookieHeader(client), ...headers }, redirect: "manual" });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

const count = (sql: string, ...args: unknown[]) => (read.sqlite.prepare(sql).get(...args) as { n: number }).n;

/** The server's resident memory now and at its peak, in MB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

/**
 * Streams a body of `total` bytes (a PDF header, then zeros) in 64 KiB chunks, honouring back
 * pressure, until the server answers or closes; how much was written and the answer.
 */
function streamUpload(client: Client, total: number, declareLength: boolean): Promise<{ status: number | undefined; written: number; text: string }> {
  const boundary = "----ilmboundary7MA4YWxkTrZu0gW";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${client.csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="documentId"\r\n\r\n${world.records.demoL1OpenDoc}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`${server.url}/attachments`);
  return new Promise((resolve) => {
    let written = 0;
    let status: number | undefined;
    let text = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ status, written, text });
    };
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookieHeader(client), ...(declareLength ? { "Content-Length": String(head.length + total + tail.length) } : {}) },
      },
      (res) => {
        status = res.statusCode;
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", finish);
        res.on("error", finish);
      },
    );
    req.on("error", finish);
    req.on("close", () => setTimeout(finish, 200));
    const chunk = Buffer.alloc(64 * 1024);
    const pump = () => {
      if (status !== undefined || req.destroyed) return;
      if (written === 0) req.write(head);
      while (written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
        if (status !== undefined) return;
      }
      req.end(tail);
    };
    pump();
  });
}

beforeAll(async () => {
  world = await createWorld();
  // Learner 2 (assigned to assessor 1): a file on Unit 501 mapped to 1.1 and a file on a submitted
  // document, then Unit 501 submitted, for the marking page.
  const { db, close } = openDatabase(world.databasePath);
  const l2 = world.demo.learner2!;
  const docs = (await listDocuments(db, l2.scope, l2.learnerId!));
  await addAttachment(db, l2.scope, { target: { learnerId: l2.learnerId!, qualification: "ilm-8588", unit: "501", criteria: ["501:1.1"] }, name: "supervision-notes.pdf", content: chunks(pdf(3000)) });
  await addAttachment(db, l2.scope, { target: { documentId: docs[0]!.id }, name: "signed-contract-scan.pdf", content: chunks(pdf(5000, 0x41)) });
  const submitted = (await submitUnit(db, l2.scope, { qualification: "ilm-8588", unit: "501", documentIds: docs.map((d) => d.id), declaration: { name: l2.name, date: "2026-05-01" } }));
  if (!submitted.ok) throw new Error(`learner2 could not submit: ${submitted.reason}`);
  l2Submission = submitted.id;
  // Learner 1's contract outside any submission: its template allows PDFs and images only (x-ilm.attachments).
  const l1 = world.demo.learner1!;
  const contract = (await createDocument(db, l1.scope, { learnerId: l1.learnerId!, templateId: "ilm-8588/contract", data: { clientRef: "Client 3" } }));
  if (!contract.ok) throw new Error(contract.reason);
  contractId = contract.id;
  close();
  server = await startOn(world, { MAX_ATTACHMENT_BYTES: String(LIMIT), MAX_LEARNER_ATTACHMENT_BYTES: String(50 * LIMIT) });
  read = openDatabase(world.databasePath, { readonly: true });
  const d = world.demo;
  learner = await new Client(server.url).signIn(d.learner1!.email, d.learner1!.password);
  assessor1 = await new Client(server.url).signIn(d.assessor1!.email, d.assessor1!.password);
  assessor2 = await new Client(server.url).signIn(d.assessor2!.email, d.assessor2!.password);
  otherAdmin = await new Client(server.url).signIn(world.other.admin!.email, world.other.admin!.password);
}, 180_000);

afterAll(async () => {
  read?.close();
  await server?.stop();
  world?.remove();
});

describe("uploading an evidence file", () => {
  it("attaches a file of 900 KB (past the 2 MB page limit's share, under the 1 MB file limit) to a document, shows it on the page and downloads it with headers that keep it out of the dashboard's origin", async () => {
    const docId = world.records.demoL1OpenDoc;
    const bytes = pdf(900 * 1024, 0x42);
    const answer = await upload(learner, { documentId: docId, returnTo: `/learner/documents/${docId}` }, { name: "scanned contract ✓.pdf", bytes, type: "text/html" });
    expect(answer).toMatchObject({ status: 303, location: `/learner/documents/${docId}` });
    const page = await learner.request(`/learner/documents/${docId}`);
    expect(page.text).toContain("scanned contract ✓.pdf");
    const id = /href="\/attachments\/([0-9a-f-]{36})"/.exec(page.text)![1]!;
    const download = await fetch(`${server.url}/attachments/${id}`, { headers: { Cookie: cookieHeader(learner) } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="scanned contract _.pdf"; filename*=UTF-8''scanned%20contract%20%E2%9C%93.pdf`);
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(download.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("attaches general evidence to a unit, mapped to the criteria ticked, and refuses criteria of another unit", async () => {
    const learnerId = world.demo.learner1!.learnerId!;
    const fields = { learnerId, qualification: "ilm-8588", unit: "503", returnTo: "/learner/units/503" };
    const email = Buffer.from("From: Sponsor <sponsor@example.test>\r\nSubject: Feedback on the programme\r\n\r\nThank you.\r\n");
    expect(await upload(learner, { ...fields, criteria: ["503:1.1", "503:2.1"] }, { name: "sponsor.eml", bytes: email })).toMatchObject({ status: 303, location: "/learner/units/503" });
    const page = await learner.request("/learner/units/503");
    expect(page.text).toContain("sponsor.eml");
    expect(page.text).toContain("message/rfc822");
    expect(page.text).toContain("503:1.1, 503:2.1");
    expect(await upload(learner, { ...fields, criteria: ["501:1.1"] }, { name: "x.pdf", bytes: pdf(100) })).toMatchObject({ status: 422 });
  });

  it("refuses, storing nothing: no CSRF token, another site's Origin, a reader's role, another centre's or another learner's record, a locked document, a kind that is not evidence, no file", async () => {
    const before = count("select count(*) n from attachments");
    const open = world.records.demoL1OpenDoc;
    const file = { name: "c.pdf", bytes: pdf(2000) };
    const noCsrf = new FormData();
    noCsrf.append("documentId", open);
    noCsrf.append("file", new Blob([new Uint8Array(file.bytes)]), "c.pdf");
    const withoutToken = await fetch(`${server.url}/attachments`, { method: "POST", body: noCsrf, headers: { Cookie: cookieHeader(learner) }, redirect: "manual" });
    expect(withoutToken.status).toBe(403);
    expect((await upload(learner, { documentId: open }, file, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(assessor1, { documentId: open }, file)).status).toBe(404);
    expect((await upload(otherAdmin, { documentId: open }, file)).status).toBe(404);
    expect((await upload(learner, { documentId: world.records.demoL3Doc }, file)).status).toBe(404);
    expect((await upload(learner, { documentId: world.records.otherL1Doc }, file)).status).toBe(404);
    expect(await upload(learner, { documentId: world.records.demoL1Doc }, file)).toMatchObject({ status: 409, text: expect.stringContaining("submitted for assessment") });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(500, 1)]);
    expect(await upload(learner, { documentId: open }, { name: "contract.pdf", bytes: exe })).toMatchObject({ status: 415 });
    expect((await upload(learner, { documentId: open }, undefined)).status).toBe(422);
    const anonymous = new Client(server.url);
    expect((await upload(anonymous, { documentId: open }, file)).status).toBe(302);
    expect(count("select count(*) n from attachments")).toBe(before);
  });

  it("holds a document's files to what its template allows: the form says so, and another kind is refused naming the list and the rule", async () => {
    const page = await learner.request(`/learner/documents/${contractId}`);
    expect(page.text).toMatch(new RegExp(`<label for="attach-${contractId}">Scanned signed contract</label>`));
    expect(page.text).toContain("PDFs or images, up to 1.0 MB a file.");
    expect(page.text).toContain('accept="application/pdf,.pdf,image/*"');
    const before = count("select count(*) n from attachments where document_id = ?", contractId);
    const note = { name: "signed.txt", bytes: Buffer.from("We all signed the paper copy on 3 March.\n") };
    expect(await upload(learner, { documentId: contractId }, note)).toMatchObject({ status: 415, text: "Scanned signed contract: attach PDFs or images only; this file is plain text." });
    expect(count("select count(*) n from attachments where document_id = ?", contractId)).toBe(before);
    expect(await upload(learner, { documentId: contractId, returnTo: `/learner/documents/${contractId}` }, { name: "signed.pdf", bytes: pdf(4000, 0x44) })).toMatchObject({ status: 303 });
    // The same file is any evidence on a document whose template declares nothing.
    expect(await upload(learner, { documentId: world.records.demoL1OpenDoc, returnTo: "/" }, note)).toMatchObject({ status: 303 });
  });

  it("answers 413 to a file one byte over the limit, and to a declared length over it before reading anything", async () => {
    const before = count("select count(*) n from attachments");
    const answer = await upload(learner, { documentId: world.records.demoL1OpenDoc }, { name: "big.pdf", bytes: pdf(LIMIT + 1) });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("larger than 1 MB");
    const declared = await streamUpload(learner, 1024 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(64 * LIMIT);
    expect(count("select count(*) n from attachments")).toBe(before);
  });

  it("refuses a chunked 1 GB upload at the limit, having read little past it, with the server's memory flat", async () => {
    const before = memoryOf(server.pid);
    const result = await streamUpload(learner, 1024 * 1024 * 1024, false);
    const after = memoryOf(server.pid);
    expect(result.status).toBe(413);
    // The client could write only what the sockets' buffers took before the server stopped reading.
    expect(result.written).toBeLessThan(256 * LIMIT);
    expect(after.rss - before.rss).toBeLessThan(64);
    figure("attachment-1gb-upload", `1 GB chunked upload against a ${LIMIT / 1024 / 1024} MB file limit: 413; client wrote ${(result.written / 1024 / 1024).toFixed(1)} MB before the server closed; server RSS ${before.rss} MB → ${after.rss} MB (peak ${after.peak} MB)`);
  });
});

describe("reading and removing evidence files", () => {
  it("shows the assessor each file beside its criterion on the marking page, and lets only those who may see the learner download it", async () => {
    const page = await assessor1.request(`/assessor/submissions/${l2Submission}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("supervision-notes.pdf");
    expect(page.text).toContain("signed-contract-scan.pdf");
    // general evidence mapped to 1.1 sits inside the block of AC 1.1
    const end = page.text.indexOf('id="decision-1-1"');
    const ac11 = page.text.slice(page.text.lastIndexOf("<h3>", end), end);
    expect(ac11).toContain("supervision-notes.pdf");
    const id = /href="\/attachments\/([0-9a-f-]{36})"/.exec(ac11)![1]!;
    const as = async (client: Client) => (await fetch(`${server.url}/attachments/${id}`, { headers: { Cookie: cookieHeader(client) }, redirect: "manual" })).status;
    expect(await as(assessor1)).toBe(200);
    expect(await as(assessor2)).toBe(404);
    expect(await as(learner)).toBe(404);
    expect(await as(otherAdmin)).toBe(404);
    expect(await as(new Client(server.url))).toBe(302);
    expect((await fetch(`${server.url}/attachments/not-an-id`, { headers: { Cookie: cookieHeader(assessor1) } })).status).toBe(404);
    // locked: learner 2's Unit 501 is with the assessor
    const l2 = await new Client(server.url).signIn(world.demo.learner2!.email, world.demo.learner2!.password);
    expect((await l2.request(`/attachments/${id}/remove`, { form: { returnTo: "/learner/units/501" } })).status).toBe(409);
  });

  it("lists general evidence in the evidence matrix beside its criteria, with its hash as the reference, as HTML and in the portfolio", async () => {
    const matrix = await learner.request("/downloads/evidence-matrix/503.html");
    expect(matrix.status).toBe(200);
    expect(matrix.text).toContain("File: sponsor.eml (message/rfc822, 1 KB)");
    expect(matrix.text).toMatch(/SHA-256 [0-9a-f]{16}/);
    const forAssessor = await assessor1.request(`/downloads/evidence-matrix/${world.demo.learner2!.learnerId}/501.html`);
    expect(forAssessor.text).toContain("File: supervision-notes.pdf");
    expect(forAssessor.text).toContain("File: signed-contract-scan.pdf");
    const portfolio = await learner.request("/downloads/portfolio/503.html");
    expect(portfolio.text).toContain("File: sponsor.eml");
  });

  it("removes a file for its learner, logs the removal with its hash, and refuses others", async () => {
    const learnerId = world.demo.learner1!.learnerId!;
    const bytes = pdf(4000, 0x43);
    await upload(learner, { learnerId, qualification: "ilm-8588", unit: "503", returnTo: "/learner/units/503" }, { name: "to-remove.pdf", bytes });
    const row = read.sqlite.prepare("select id, sha256 from attachments where name = 'to-remove.pdf'").get() as { id: string; sha256: string };
    expect((await assessor1.request(`/attachments/${row.id}/remove`, { form: {} })).status).toBe(404);
    expect((await otherAdmin.request(`/attachments/${row.id}/remove`, { form: {} })).status).toBe(404);
    expect((await learner.request(`/attachments/${row.id}/remove`, { form: {}, csrf: false })).status).toBe(403);
    const removed = await learner.request(`/attachments/${row.id}/remove`, { form: { returnTo: "/learner/units/503" } });
    expect(removed).toMatchObject({ status: 302, location: "/learner/units/503" });
    expect(count("select count(*) n from attachments where id = ?", row.id)).toBe(0);
    const audit = read.sqlite.prepare("select action, before from audit_log where entity_id = ? order by seq").all(row.id) as { action: string; before: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(["attachment.add", "attachment.remove"]);
    expect(JSON.parse(audit[1]!.before!).sha256).toBe(row.sha256);
  });
});
