import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "./audit.ts";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { addAttachment, getAttachment, listAttachments, readAttachment, removeAttachment, type AttachmentTarget } from "./attachments.ts";
import { submissionContentHash, submissionFiles, submitUnit } from "./submissions.ts";
import { createDocument, listDocuments } from "./documents.ts";
import { rows, scalar, TEST_ENGINE } from "../test/database.ts";

/** A minimal PDF header: enough for the sniffer. */
function pdf(size = 2000, fill = 0x20): Buffer {
  const head = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), fill)]);
}

async function* chunksOf(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function readAll(content: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of content) parts.push(part);
  return Buffer.concat(parts);
}

describe("attachments", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  /** Parts written under a staging key: an upload still arriving, or one that did not end well. */
  const stagedParts = () => scalar(world.database.db, "select count(*) as n from evidence_blob_parts where sha256 like 'staging:%'");

  it("stores a file attached to a document once per hash, reads it back in parts, and records both uploads with their hash", async () => {
    const { learner1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!));
    const bytes = pdf(600 * 1024);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const first = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "C:\\scans\\contract.pdf", content: chunksOf(bytes) });
    const second = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "../contract copy.pdf", content: chunksOf(bytes, 1000) });
    expect(first).toMatchObject({ ok: true, attachment: { name: "contract.pdf", mediaType: "application/pdf", size: bytes.length, sha256: sha } });
    expect(second).toMatchObject({ ok: true, attachment: { name: "contract copy.pdf", sha256: sha } });
    const [blobs] = await rows<{ n: number }>(db(), "select count(*) as n from evidence_blobs where sha256 = ?", sha);
    const [parts] = await rows(db(), "select count(*) as n, max(length(bytes)) as largest from evidence_blob_parts where sha256 = ?", sha);
    expect(blobs!.n).toBe(1);
    expect(parts).toEqual({ n: 3, largest: 256 * 1024 });
    const id = (first as { attachment: { id: string } }).attachment.id;
    const read = (await readAttachment(db(), learner1!, id))!;
    expect((await readAll(read.content)).equals(bytes)).toBe(true);
    const audit = (await listAuditEntries(db(), world.scopes.admin!, { entityType: "attachment", entityId: id }));
    expect(audit.map((e) => e.action)).toEqual(["attachment.add"]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ sha256: sha, size: bytes.length, documentId: draft.id });
    expect((await listAttachments(db(), learner1!, { learnerId: learner1!.learnerId!, documentId: draft.id })).map((a) => a.id)).toHaveLength(2);
  });

  it("removes an attachment, keeps the blob while another attachment holds it, drops it with the last one, and logs each removal with its hash", async () => {
    const { learner1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 2));
    const bytes = pdf(3000, 0x41);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const a = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "a.pdf", content: chunksOf(bytes) });
    const b = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "b.pdf", content: chunksOf(bytes) });
    if (!a.ok || !b.ok) throw new Error("upload refused");
    const count = () => scalar(db(), "select count(*) as n from evidence_blob_parts where sha256 = ?", sha);
    expect((await removeAttachment(db(), learner1!, a.attachment.id))).toEqual({ ok: true });
    expect(await count()).toBe(1);
    expect((await removeAttachment(db(), learner1!, b.attachment.id))).toEqual({ ok: true });
    expect(await count()).toBe(0);
    expect((await getAttachment(db(), learner1!, b.attachment.id))).toBeUndefined();
    const removal = (await listAuditEntries(db(), world.scopes.admin!, { entityType: "attachment", entityId: b.attachment.id })).find((e) => e.action === "attachment.remove")!;
    expect(JSON.parse(removal.before!)).toMatchObject({ sha256: sha, name: "b.pdf" });
    expect(removal.after).toBeNull();
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("sniffs the type from the bytes, whatever the name says, and refuses kinds that are not evidence", async () => {
    const { learner1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 3));
    const target = { documentId: draft.id };
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    expect(await addAttachment(db(), learner1!, { target, name: "photo.pdf", content: chunksOf(png) })).toMatchObject({ ok: true, attachment: { mediaType: "image/png" } });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), randomBytes(500)]);
    expect(await addAttachment(db(), learner1!, { target, name: "contract.pdf", content: chunksOf(exe) })).toEqual({ ok: false, reason: "type-not-allowed" });
    expect(await addAttachment(db(), learner1!, { target, name: "random.mp3", content: chunksOf(Buffer.concat([Buffer.from([0, 1, 2, 3]), randomBytes(4000)])) })).toEqual({
      ok: false,
      reason: "type-not-allowed",
    });
    const email = Buffer.from("From: Client 1 <c1@example.test>\r\nSubject: Thanks\r\n\r\nThe session helped.\r\n");
    expect(await addAttachment(db(), learner1!, { target, name: "thanks", content: chunksOf(email) })).toMatchObject({ ok: true, attachment: { mediaType: "message/rfc822" } });
    expect(await addAttachment(db(), learner1!, { target, name: "note.txt", content: chunksOf(Buffer.from("<script>alert(1)</script>")) })).toMatchObject({
      ok: true,
      attachment: { mediaType: "text/plain" },
    });
    expect(await addAttachment(db(), learner1!, { target, name: "empty.pdf", content: chunksOf(Buffer.alloc(0)) })).toEqual({ ok: false, reason: "empty" });
  });

  it("stops reading at the file limit: the chunk that passes it is the last one pulled, and nothing is stored", async () => {
    const { learner1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 4));
    let pulled = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<Buffer> {
      try {
        for (;;) {
          pulled++;
          yield pdf(1024);
        }
      } finally {
        closed = true;
      }
    }
    const before = (await listAttachments(db(), learner1!, { learnerId: learner1!.learnerId! })).length;
    const result = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "huge.pdf", content: endless() }, { maxFileBytes: 10 * 1024, maxLearnerBytes: 100 * 1024 * 1024 });
    expect(result).toEqual({ ok: false, reason: "too-large", which: "file", limitBytes: 10 * 1024 });
    expect(pulled).toBe(11);
    expect(closed).toBe(true);
    expect((await listAttachments(db(), learner1!, { learnerId: learner1!.learnerId! }))).toHaveLength(before);
    // The parts written while it was read are gone with it.
    expect(await stagedParts()).toBe(0);
  });

  it("writes the parts as they arrive, never holding the file: 96 MB stream in with the Buffers in use flat, and read back the same", async () => {
    const { learner3 } = world.scopes;
    const draft = (await createDraft(world.database, learner3!));
    const total = 96 * 1024 * 1024;
    const chunk = randomBytes(64 * 1024);
    const head = Buffer.from(pdf(64 * 1024));
    const hash = createHash("sha256");
    global.gc?.();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    let staged = 0;
    async function* big(): AsyncGenerator<Buffer> {
      for (let at = 0; at < total; at += chunk.length) {
        const bytes = at === 0 ? head : chunk;
        hash.update(bytes);
        if (at % (8 * 1024 * 1024) === 0) {
          peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
          staged = Math.max(staged, await stagedParts());
        }
        yield bytes;
      }
    }
    const result = await addAttachment(db(), learner3!, { target: { documentId: draft.id }, name: "recording.pdf", content: big() }, { maxFileBytes: 128 * 1024 * 1024, maxLearnerBytes: 256 * 1024 * 1024 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.attachment).toMatchObject({ size: total, sha256: hash.digest("hex"), mediaType: "application/pdf" });
    // The parts were in the table while the file was still arriving (the last sample is at 88 MB: 352 parts).
    expect(staged).toBeGreaterThanOrEqual(300);
    // At most 8 MB of Buffers more than before at any point (measured: 320 KiB; 96 MB if the file were held).
    // On PostgreSQL node-postgres encodes each bound part afresh, and the garbage waits for the collector
    // (measured: 25 MB): still far from the 96 MB the file would take if it were held.
    expect(peak).toBeLessThan((TEST_ENGINE === "postgres" ? 40 : 8) * 1024 * 1024);
    expect(await stagedParts()).toBe(0);
    const back = createHash("sha256");
    let size = 0;
    for await (const part of (await readAttachment(db(), learner3!, result.attachment.id))!.content) {
      back.update(part);
      size += part.length;
    }
    expect({ size, sha256: back.digest("hex") }).toEqual({ size: total, sha256: result.attachment.sha256 });
    expect((await removeAttachment(db(), learner3!, result.attachment.id))).toEqual({ ok: true });
  });

  it("files the same bytes once and drops the second upload's staged parts; a crash's staging older than a day goes with the next upload", async () => {
    const { learner1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 5));
    const bytes = pdf(700 * 1024, 0x42);
    const parts = () => scalar(db(), "select count(*) as n from evidence_blob_parts where sha256 = ?", createHash("sha256").update(bytes).digest("hex"));
    expect((await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "a.pdf", content: chunksOf(bytes, 5000) })).ok).toBe(true);
    expect(await parts()).toBe(3);
    expect((await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "b.pdf", content: chunksOf(bytes, 70000) })).ok).toBe(true);
    expect(await parts()).toBe(3);
    expect(await stagedParts()).toBe(0);
    const centreId = await scalar<string>(db(), "select centre_id as c from attachments limit 1");
    const insert = (sha: string) => rows(db(), "insert into evidence_blob_parts (centre_id, sha256, part, bytes) values (?, ?, 0, ?)", centreId, sha, Buffer.from([0]));
    await insert(`staging:${new Date(Date.now() - 2 * 86400_000).toISOString()}:crashed`);
    await insert(`staging:${new Date(Date.now() - 3600_000).toISOString()}:still-uploading`);
    expect(await stagedParts()).toBe(2);
    expect((await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "c.pdf", content: chunksOf(pdf(900, 0x43)) })).ok).toBe(true);
    expect((await rows<{ sha256: string }>(db(), "select sha256 from evidence_blob_parts where sha256 like 'staging:%'")).map((r) => r.sha256)).toEqual([expect.stringMatching(/:still-uploading$/)]);
    await rows(db(), "delete from evidence_blob_parts where sha256 like 'staging:%'");
  });

  it("holds a document's files to its template's rule (x-ilm.attachments): kinds and size, refused with the list's title and the rule", async () => {
    const { learner4 } = world.scopes;
    const created = (await createDocument(db(), learner4!, { learnerId: learner4!.learnerId!, templateId: "ilm-8588/contract", data: { clientRef: "Client 1" } }));
    if (!created.ok) throw new Error(created.reason);
    const target = { documentId: created.id };
    let pulled = 0;
    async function* counted(bytes: Buffer): AsyncGenerator<Buffer> {
      for (let at = 0; at < bytes.length; at += 1024 * 1024) {
        pulled++;
        yield bytes.subarray(at, at + 1024 * 1024);
      }
    }
    // The contract takes PDFs and images up to 10 MB, under the centre's 20 MB.
    expect(await addAttachment(db(), learner4!, { target, name: "scan.pdf", content: counted(pdf(12 * 1024 * 1024)) })).toEqual({
      ok: false,
      reason: "template-rule",
      field: "Scanned signed contract",
      rule: "size",
      message: "Scanned signed contract: a file may be at most 10 MB.",
    });
    expect(pulled).toBe(11);
    expect(await stagedParts()).toBe(0);
    expect(await addAttachment(db(), learner4!, { target, name: "notes.txt", content: chunksOf(Buffer.from("Signed by all three of us on paper.\n")) })).toEqual({
      ok: false,
      reason: "template-rule",
      field: "Scanned signed contract",
      rule: "kind",
      message: "Scanned signed contract: attach PDFs or images only; this file is plain text.",
    });
    expect(await addAttachment(db(), learner4!, { target, name: "scan.pdf", content: chunksOf(pdf(9 * 1024 * 1024)) })).toMatchObject({ ok: true, attachment: { mediaType: "application/pdf" } });
    // A template that declares nothing takes any kind of evidence up to the centre's limit.
    const draft = (await createDraft(world.database, learner4!));
    expect(await addAttachment(db(), learner4!, { target: { documentId: draft.id }, name: "notes.txt", content: chunksOf(Buffer.from("Notes of the session.\n")) })).toMatchObject({ ok: true });
    expect((await listAttachments(db(), learner4!, { learnerId: learner4!.learnerId!, documentId: created.id })).map((a) => a.name)).toEqual(["scan.pdf"]);
  });

  it("judges the kind from the first part and stops reading there: an executable of 10 MB is refused after 256 KiB", async () => {
    const { learner1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 6));
    let pulled = 0;
    async function* executable(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 160; i++) {
        pulled++;
        yield i === 0 ? Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(64 * 1024 - 68, 1)]) : Buffer.alloc(64 * 1024, 1);
      }
    }
    expect(await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "setup.pdf", content: executable() })).toEqual({ ok: false, reason: "type-not-allowed" });
    expect(pulled).toBe(4);
    expect(await stagedParts()).toBe(0);
  });

  it("counts a learner's files against the learner's allowance, refusing before reading when it is used up", async () => {
    const { learner2 } = world.scopes;
    const draft = (await createDraft(world.database, learner2!));
    const limits = { maxFileBytes: 8000, maxLearnerBytes: 10000 };
    const target = { documentId: draft.id };
    expect(await addAttachment(db(), learner2!, { target, name: "one.pdf", content: chunksOf(pdf(6000)) }, limits)).toMatchObject({ ok: true });
    expect(await addAttachment(db(), learner2!, { target, name: "two.pdf", content: chunksOf(pdf(6000, 0x30)) }, limits)).toEqual({
      ok: false,
      reason: "too-large",
      which: "learner",
      limitBytes: 4000,
    });
    expect(await addAttachment(db(), learner2!, { target, name: "three.pdf", content: chunksOf(pdf(4000, 0x31)) }, limits)).toMatchObject({ ok: true });
    let pulled = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      pulled++;
      yield pdf(10);
    }
    expect(await addAttachment(db(), learner2!, { target, name: "four.pdf", content: counted() }, limits)).toMatchObject({ reason: "too-large", which: "learner", limitBytes: 0 });
    expect(pulled).toBe(0);
  });

  it("is scoped like documents: another centre, an unassigned assessor or another learner gets not-found; readers may not write", async () => {
    const { learner1, learner3, assessor1, assessor2, iqa, admin } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 5));
    const added = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "scan.pdf", content: chunksOf(pdf()) });
    if (!added.ok) throw new Error("upload refused");
    const id = added.attachment.id;
    for (const outsider of [world.otherScopes.admin!, world.otherScopes.learner1!, assessor2!, learner3!]) {
      expect((await getAttachment(db(), outsider, id))).toBeUndefined();
      expect((await readAttachment(db(), outsider, id))).toBeUndefined();
      expect((await listAttachments(db(), outsider, { learnerId: learner1!.learnerId! }))).toEqual([]);
      expect((await removeAttachment(db(), outsider, id))).toEqual({ ok: false, reason: "not-found" });
      expect(await addAttachment(db(), outsider, { target: { documentId: draft.id }, name: "x.pdf", content: chunksOf(pdf()) })).toEqual({ ok: false, reason: "not-found" });
    }
    for (const reader of [assessor1!, iqa!]) {
      expect((await getAttachment(db(), reader, id))?.id).toBe(id);
      expect((await removeAttachment(db(), reader, id))).toEqual({ ok: false, reason: "forbidden" });
      expect(await addAttachment(db(), reader, { target: { documentId: draft.id }, name: "x.pdf", content: chunksOf(pdf()) })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect((await getAttachment(db(), admin!, id))?.id).toBe(id);
  });

  it("attaches general evidence to a registered unit, mapped to that unit's criteria only", async () => {
    const { learner1 } = world.scopes;
    const unitTarget = (criteria: string[], unit = "501"): AttachmentTarget => ({ learnerId: learner1!.learnerId!, qualification: "ilm-8588", unit, criteria });
    expect(await addAttachment(db(), learner1!, { target: unitTarget(["501:2.2", "501:1.1"]), name: "recording.pdf", content: chunksOf(pdf()) })).toMatchObject({
      ok: true,
      attachment: { documentId: null, unit: "501", criteria: ["501:2.2", "501:1.1"] },
    });
    expect(await addAttachment(db(), learner1!, { target: unitTarget(["501:9.9", "502:1.1"]), name: "x.pdf", content: chunksOf(pdf()) })).toEqual({
      ok: false,
      reason: "unknown-criteria",
      criteria: ["501:9.9", "502:1.1"],
    });
    expect(await addAttachment(db(), learner1!, { target: unitTarget([], "502"), name: "x.pdf", content: chunksOf(pdf()) })).toEqual({ ok: false, reason: "not-registered" });
    expect((await listAttachments(db(), learner1!, { learnerId: learner1!.learnerId!, qualification: "ilm-8588", unit: "501" })).map((a) => a.name)).toEqual(["recording.pdf"]);
  });

  it("locks a document's files and the unit's general evidence while the unit is in an open submission", async () => {
    const { learner5 } = world.scopes;
    const learnerId = learner5!.learnerId!;
    const draft = (await createDraft(world.database, learner5!));
    const onDocument = await addAttachment(db(), learner5!, { target: { documentId: draft.id }, name: "scan.pdf", content: chunksOf(pdf()) });
    const onUnit = await addAttachment(db(), learner5!, { target: { learnerId, qualification: "ilm-8588", unit: "501", criteria: [] }, name: "general.pdf", content: chunksOf(pdf(900)) });
    if (!onDocument.ok || !onUnit.ok) throw new Error("upload refused");
    const documentIds = [draft.id, ...(await listDocuments(db(), learner5!, learnerId)).slice(0, 1).map((d) => d.id)];
    const submitted = (await submitUnit(db(), learner5!, { qualification: "ilm-8588", unit: "501", documentIds, declaration: { name: "Learner Five", date: "2025-07-01" } }));
    expect(submitted.ok).toBe(true);
    expect((await removeAttachment(db(), learner5!, onDocument.attachment.id))).toMatchObject({ ok: false, reason: "locked" });
    expect((await removeAttachment(db(), learner5!, onUnit.attachment.id))).toMatchObject({ ok: false, reason: "locked" });
    let pulled = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      pulled++;
      yield pdf();
    }
    expect(await addAttachment(db(), learner5!, { target: { documentId: draft.id }, name: "late.pdf", content: counted() })).toMatchObject({ ok: false, reason: "locked" });
    expect(await addAttachment(db(), learner5!, { target: { learnerId, qualification: "ilm-8588", unit: "501", criteria: [] }, name: "late.pdf", content: counted() })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(pulled).toBe(0);
    // Another unit of the same learner is not held.
    expect(await addAttachment(db(), learner5!, { target: { learnerId, qualification: "ilm-8588", unit: "503", criteria: [] }, name: "other.pdf", content: chunksOf(pdf()) })).toMatchObject({
      ok: true,
    });
  });

  it("covers the unit's files in the submission's hash: a file added after the page was read is caught, and the audit names the files", async () => {
    const { learner1 } = world.scopes;
    const learnerId = learner1!.learnerId!;
    const draft = (await createDraft(world.database, learner1!, 7));
    const unit = { learnerId, qualification: "ilm-8588", unit: "501", documentIds: [draft.id] };
    const before = (await submissionFiles(db(), learner1!, unit));
    const seen = submissionContentHash([draft], before);
    const added = await addAttachment(db(), learner1!, { target: { documentId: draft.id }, name: "signed contract.pdf", content: chunksOf(pdf(3000, 0x41)) });
    if (!added.ok) throw new Error("upload refused");
    const files = (await submissionFiles(db(), learner1!, unit));
    expect(files.map((f) => f.id)).toEqual([...before.map((f) => f.id), added.attachment.id]);
    // Another learner's or another unit's files are not the submission's.
    expect(files.every((f) => f.documentId === draft.id || (f.documentId === null && f.unit === "501"))).toBe(true);
    const now = submissionContentHash([draft], files);
    expect(now).not.toBe(seen);
    expect(submissionContentHash([draft], [])).toBe(submissionContentHash([draft]));
    const input = { qualification: "ilm-8588", unit: "501", documentIds: [draft.id], declaration: { name: "Learner One", date: "2025-07-01" } };
    expect((await submitUnit(db(), learner1!, { ...input, expectedContentHash: seen }))).toEqual({ ok: false, reason: "changed", contentHash: now });
    const submitted = (await submitUnit(db(), learner1!, { ...input, expectedContentHash: now }));
    expect(submitted).toMatchObject({ ok: true, contentHash: now });
    if (!submitted.ok) return;
    const entry = (await listAuditEntries(db(), world.scopes.admin!, { entityId: submitted.id })).find((e) => e.action === "submission.create")!;
    expect((JSON.parse(String(entry.after)) as { files: { id: string; sha256: string }[] }).files).toContainEqual({ id: added.attachment.id, sha256: added.attachment.sha256 });
  });
});
