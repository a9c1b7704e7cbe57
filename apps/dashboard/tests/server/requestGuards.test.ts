import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostGuard, requestGuards } from "../../server/requestGuards.js";

// hostGuard and the Origin check of requestGuards read the same forwarded host (the first
// X-Forwarded-Host value, trimmed, behind a trusted proxy only), over real HTTP on an express app
// with the two guards in front of a handler that answers "passed".

const servers: Server[] = [];

async function app(trustProxy: boolean): Promise<number> {
  const site = express();
  site.use(hostGuard({ trustProxy }));
  site.use(requestGuards({ trustProxy }));
  site.use((_req, res) => void res.type("text/plain").send("passed"));
  const server = site.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** A form POST with the headers given (Host among them), as a client can send it. */
function post(port: number, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/learner", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
    });
    req.on("error", reject);
    req.end("a=1");
  });
}

let behindProxy = 0;
let direct = 0;
beforeAll(async () => {
  behindProxy = await app(true);
  direct = await app(false);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("the forwarded host, behind a trusted proxy", () => {
  it("is the first X-Forwarded-Host value, trimmed: the Origin of that host passes, another is refused", async () => {
    const headers = { Host: "internal:3000", "X-Forwarded-Host": " forms.example.org , proxy.internal" };
    expect(await post(behindProxy, { ...headers, Origin: "https://forms.example.org" })).toEqual({ status: 200, text: "passed" });
    const other = await post(behindProxy, { ...headers, Origin: "https://proxy.internal" });
    expect(other.status).toBe(403);
    expect(other.text).toMatch(/posted from another site/);
    // Not the Host header either, once a proxy names the host.
    expect((await post(behindProxy, { ...headers, Origin: "http://internal:3000" })).status).toBe(403);
  });

  it("that is not a host (or empty) is refused with a 400 naming the Host header", async () => {
    for (const value of ["a b, forms.example.org", "me@evil.example", ""]) {
      const answer = await post(behindProxy, { Host: "internal:3000", "X-Forwarded-Host": value, Origin: "http://internal:3000" });
      expect(answer, `X-Forwarded-Host: ${JSON.stringify(value)}`).toEqual({ status: 400, text: "The Host header does not name a host." });
    }
  });

  it("is absent without the header: the Origin must name the Host", async () => {
    expect((await post(behindProxy, { Host: "internal:3000", Origin: "http://internal:3000" })).status).toBe(200);
  });
});

describe("the forwarded host, without a trusted proxy", () => {
  it("is not believed: not checked as a host, and the Origin must name the Host header", async () => {
    expect((await post(direct, { Host: "internal:3000", "X-Forwarded-Host": "a b", Origin: "http://internal:3000" })).status).toBe(200);
    expect((await post(direct, { Host: "internal:3000", "X-Forwarded-Host": "evil.example", Origin: "https://evil.example" })).status).toBe(403);
  });
});
