import { addAttachment, createSigningLink, getDocument, listDocuments, openDatabase, signWithLink } from "@ilm-forms/db";
import { unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client } from "../reliability/support/http.ts";
import { createWorld, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 180_000 });

// The portfolio with its evidence files (issue 20): an annex lists every file with its hash; in the
// PDF, the pages of a scanned PDF and an image follow, in evidence order; a damaged PDF and an e-mail
// are listed only.

let world: World;
let server: TestServer;
const records: { contracts: string[] } = { contracts: [] };
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

async function scannedContract(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 3; i++) pdf.addPage([300, 400]).drawText(`Scanned contract, page ${i + 1}`, { x: 20, y: 360, size: 12 });
  return Buffer.from(await pdf.save());
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

beforeAll(async () => {
  world = await createWorld();
  const { db, sqlite, close } = openDatabase(world.databasePath);
  const l1 = world.demo.learner1!;
  const files: [string, Buffer][] = [
    ["signed-contract-scan.pdf", await scannedContract()],
    ["whiteboard.png", PNG],
    ["thanks.eml", Buffer.from("From: Client 1 <c1@example.test>\r\nSubject: Thanks\r\n\r\nThank you.\r\n")],
    ["damaged.pdf", Buffer.from("%PDF-1.4\nnot really a pdf\n")],
  ];
  for (const [name, bytes] of files) {
    const added = await addAttachment(db, l1.scope, { target: { learnerId: l1.learnerId!, qualification: "ilm-8588", unit: "503", criteria: ["503:1.1"] }, name, content: once(bytes) });
    if (!added.ok) throw new Error(`${name}: ${added.reason}`);
  }
  // Learner 2's first contract: the demo's client and stakeholder signed it through links; the client's
  // second contract is then changed, so its signatures no longer match; on the third, the stakeholder's
  // name is typed in the learner's account only.
  const l2 = world.demo.learner2!;
  const contracts = (await listDocuments(db, l2.scope, l2.learnerId!, "ilm-8588/contract"));
  // (The seed hands the contracts in as final, so the change is made in the file, as a reopened contract's would be.)
  sqlite.prepare(`update documents set data = json_set(data, '$.addedClauses', json('["We meet online."]')), version = version + 1 where id = ?`).run(contracts[1]!.id);
  const typedOnly = contracts[2]!;
  sqlite.prepare("delete from signer_signatures where document_id = ? and field = 'stakeholderSignature'").run(typedOnly.id);
  const link = (await createSigningLink(db, l2.scope, { documentId: contracts[0]!.id, field: "clientSignature" }));
  if (!link.ok || !(await signWithLink(db, link.token, { name: "Client One Again" })).ok) throw new Error("could not sign");
  records.contracts = await Promise.all(contracts.map(async (c) => String((await getDocument(db, l2.scope, c.id))!.data.clientRef)));
  close();
  server = await startOn(world);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  world?.remove();
});

describe("the portfolio with its evidence files", () => {
  it("lists every file in an annex of the web page, numbered in evidence order with its hash", async () => {
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    const html = (await learner.request("/downloads/portfolio/503.html")).text;
    const annex = html.slice(html.indexOf("Annex: evidence files"));
    expect(annex).toMatch(/<td>F1<\/td><td>signed-contract-scan\.pdf<\/td><td>application\/pdf<\/td>/);
    expect(annex).toMatch(/<td>F3<\/td><td>thanks\.eml<\/td><td>message\/rfc822<\/td>[\s\S]*?listed only/);
    expect(annex).toMatch(/<code>[0-9a-f]{64}<\/code>/);
  });

  it("merges the scanned contract's pages and the image into the PDF after the annex; the damaged PDF and the e-mail are not pages", async () => {
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    const cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(`${server.url}/downloads/portfolio/503.pdf`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    const sizes = pdf.getPages().map((p) => p.getSize()).map(({ width, height }) => `${Math.round(width)}x${Math.round(height)}`);
    // three pages of the scan (300 x 400 points), then the image on an A4 page
    expect(sizes.slice(-4)).toEqual(["300x400", "300x400", "300x400", "595x842"]);
    expect(sizes.filter((s) => s === "300x400")).toHaveLength(3);
    expect(sizes.length).toBeGreaterThan(4);
  });

  it("downloads the portfolio as a ZIP of its web page and every file, byte for byte, named by its number in the annex", async () => {
    const learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
    const cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(`${server.url}/downloads/portfolio/503.zip`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.zip"$/);
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(["files/F1 signed-contract-scan.pdf", "files/F2 whiteboard.png", "files/F3 thanks.eml", "files/F4 damaged.pdf", "portfolio.html"].sort());
    expect(Buffer.from(entries["files/F2 whiteboard.png"]!).equals(PNG)).toBe(true);
    expect(new TextDecoder().decode(entries["portfolio.html"])).toContain("Annex: evidence files");
    const other = await new Client(server.url).signIn(world.demo.learner3!.email, world.demo.learner3!.password);
    expect((await other.request(`/downloads/portfolio/${world.demo.learner1!.learnerId}/503.zip`)).status).toBe(404);
    expect((await learner.request("/downloads/evidence-matrix/503.zip")).status).toBe(404);
  });

  it("says for each signature who made it: the signer through a link (matching or not), or the learner typing it", async () => {
    const learner = await new Client(server.url).signIn(world.demo.learner2!.email, world.demo.learner2!.password);
    const html = (await learner.request("/downloads/portfolio/501.html")).text;
    const start = html.indexOf("<h2>Signatures</h2>");
    expect(start).toBeGreaterThan(-1);
    const section = html.slice(start, html.indexOf("</section>", start));
    const rows = [...section.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1]!, m[2]!, m[3]!.replace(/<[^>]+>/g, "")]);
    // A document is named by its place and label, which names its client.
    const contract = (n: number) => rows.filter((r) => /contract/i.test(r[0]!) && new RegExp(`\\b${records.contracts[n]!}\\b`).test(r[0]!));
    expect(contract(0).map((r) => r[1])).toEqual(["Signature of Coach/ Mentor", "Signature of Client", "Signature of Stakeholder"]);
    expect(contract(0)[0]![2]).toMatch(/^Signed by the learner: /);
    expect(contract(0)[1]![2]).toMatch(/^Signed by the client through a one-time link: Client One Again, \d{4}-\d\d-\d\d; matches this document$/);
    expect(contract(0)[2]![2]).toMatch(/^Signed by the stakeholder through a one-time link: .+; matches this document$/);
    expect(contract(1)[1]![2]).toMatch(/; no longer matches: the document changed after it was signed$/);
    expect(contract(2)[2]![2]).toMatch(/^Typed in the learner's account \(.+\), not signed by the stakeholder$/);
    // The PDF is printed from this same page.
    const pdf = await learner.request("/downloads/portfolio/501.pdf");
    expect(pdf.status).toBe(200);
  });
});
