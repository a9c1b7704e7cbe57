#!/usr/bin/env node
// The load generator, in its own process so that it does not share a thread with the server it
// measures: N users, each on its own keep-alive connection, one request at a time, for a fixed time.
//   node load-client.mjs '<JSON plan>'
// plan: { url, durationMs, users: [{ cookie, csrf, document?: { id, version, body } }], mix: [[weight, kind, path?]] }
// kinds: "get" (GET path), "document" (GET the user's document page), "save" (POST the user's document to /learner/documents/<id>).
// Prints one JSON line: { requests, errors, errorSamples, latencies: { p50, p95, p99, max }, seconds, perSecond, byKind }.
/* global process, URL, Buffer, performance, URLSearchParams */
import { Agent, request } from "node:http";

const plan = JSON.parse(process.argv[2]);
const target = new URL(plan.url);
const totalWeight = plan.mix.reduce((n, [w]) => n + w, 0);
const latencies = [];
const byKind = {};
let errors = 0;
const errorSamples = [];

function pick() {
  let r = Math.random() * totalWeight;
  for (const entry of plan.mix) if ((r -= entry[0]) < 0) return entry;
  return plan.mix[0];
}

function send(agent, method, path, headers, body) {
  return new Promise((resolve) => {
    const req = request({ host: target.hostname, port: target.port, path, method, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (e) => resolve({ status: 0, text: String(e) }));
    });
    req.on("error", (e) => resolve({ status: 0, text: String(e) }));
    if (body) req.write(body);
    req.end();
  });
}

async function user(u, until) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  while (performance.now() < until) {
    const [, kind, path] = pick();
    const started = performance.now();
    let answer;
    let ok;
    if (kind === "save" && u.document) {
      const body = new URLSearchParams({ csrf: u.csrf, document: u.document.body.replace("__VERSION__", String(u.document.version)), expectedVersion: String(u.document.version), intent: "save" }).toString();
      answer = await send(agent, "POST", `/learner/documents/${u.document.id}`, { Cookie: u.cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) }, body);
      ok = answer.status === 200 && answer.text.includes("Saved.");
      if (ok) u.document.version++;
    } else if (kind === "document" && u.document) {
      answer = await send(agent, "GET", `/learner/documents/${u.document.id}`, { Cookie: u.cookie });
      ok = answer.status === 200;
    } else {
      answer = await send(agent, "GET", path, { Cookie: u.cookie });
      ok = answer.status === 200;
    }
    const ms = performance.now() - started;
    latencies.push(ms);
    (byKind[kind + (path ? ` ${path.split("?")[0]}` : "")] ??= []).push(ms);
    if (!ok) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${kind} ${path ?? ""} → ${answer.status} ${answer.text.slice(0, 160)}`);
    }
  }
  agent.destroy();
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
const started = performance.now();
const until = started + plan.durationMs;
await Promise.all(plan.users.map((u) => user(u, until)));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const summary = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return { count: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95) };
};
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    errors,
    errorSamples,
    latencies: { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), max: latencies.at(-1) ?? 0 },
    seconds,
    perSecond: latencies.length / seconds,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, summary(v)])),
  }) + "\n",
);
