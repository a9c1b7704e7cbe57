import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestServer } from "../support/server.ts";
import { Client } from "./support/http.ts";
import { createWorld, figure, startOn, type World } from "./support/world.ts";

vi.setConfig({ testTimeout: 300_000 });

// The server's memory with the default limits (20 MB a file): a file at the limit is stored, and a
// 1 GB chunked upload is refused at the limit (decision 032). Resident memory from /proc.

const MB = 1024 * 1024;
let world: World;
let server: TestServer;
let learner: Client;

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

/** Streams a multipart upload of a PDF of `total` bytes in 64 KiB chunks until the server answers. */
function upload(total: number, to: TestServer = server): Promise<{ status: number | undefined; written: number }> {
  const boundary = "----ilmmemory";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${learner.csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="documentId"\r\n\r\n${world.records.demoL1OpenDoc}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="recording-notes.pdf"\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`${to.url}/attachments`);
  const cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return new Promise((resolve) => {
    let written = 0;
    let status: number | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ status, written });
    };
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie } }, (res) => {
      status = res.statusCode;
      res.resume();
      res.on("end", finish);
    });
    req.on("error", finish);
    req.on("close", () => setTimeout(finish, 200));
    const body = total - 9;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    req.write(head);
    const pump = () => {
      while (status === undefined && !req.destroyed && sent < body) {
        const piece = sent + chunk.length <= body ? chunk : chunk.subarray(0, body - sent);
        sent += piece.length;
        written = sent;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (status === undefined && !req.destroyed) req.end(tail);
    };
    pump();
  });
}

beforeAll(async () => {
  world = await createWorld();
  server = await startOn(world);
  learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  world?.remove();
});

describe("uploads at the default limits", () => {
  it("stores a file of 20 MB, and refuses a 1 GB chunked upload at the limit with the server's memory bounded by the limit", async () => {
    const start = memoryOf(server.pid);
    const accepted = await upload(20 * MB);
    const afterAccepted = memoryOf(server.pid);
    expect(accepted.status).toBe(303);
    const refused = await upload(1024 * MB);
    const afterRefused = memoryOf(server.pid);
    expect(refused.status).toBe(413);
    expect(refused.written).toBeLessThan(64 * MB);
    figure(
      "upload-memory",
      `20 MB file stored (303); 1 GB chunked upload refused (413) after the client wrote ${(refused.written / MB).toFixed(1)} MB; server RSS ${start.rss} MB at start, ${afterAccepted.rss} MB after the 20 MB file, ${afterRefused.rss} MB after the 1 GB attempt; peak ${afterRefused.peak} MB`,
    );
    // What one upload may hold is bounded by the file limit (decision 031): the peak grows by a few times 20 MB at most, never by the 1 GB.
    expect(afterRefused.peak - start.rss).toBeLessThan(200);
  });
});

describe("uploads with a raised limit", () => {
  it("stores a 200 MB file with the server's memory flat: the parts are written as they arrive (decision 044)", async () => {
    const raised = await startOn(world, { MAX_ATTACHMENT_BYTES: String(300 * MB), MAX_LEARNER_ATTACHMENT_BYTES: String(1024 * MB) });
    try {
      const start = memoryOf(raised.pid);
      const stored = await upload(200 * MB, raised);
      const after = memoryOf(raised.pid);
      expect(stored.status).toBe(303);
      figure("upload-memory-200mb", `200 MB file stored (303) with MAX_ATTACHMENT_BYTES at 300 MB; server RSS ${start.rss} MB at start, ${after.rss} MB after; peak ${after.peak} MB (+${after.peak - start.rss} MB)`);
      // Held whole, the file alone would add 200 MB (and its copy for the parts as much again).
      expect(after.peak - start.rss).toBeLessThan(64);
    } finally {
      await raised.stop();
    }
  });
});
