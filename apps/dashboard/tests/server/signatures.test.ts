import { createDocument, getDocument, openDatabase, saveDocument } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client } from "../reliability/support/http.ts";
import { createWorld, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 120_000 });

// Signatures by the signers over real HTTP (issue 20): the learner makes a signing link on the
// document page, a person without an account opens it, reads the document and signs; a later change to
// the document shows the signature as no longer matching; used, withdrawn and unknown links are refused,
// and the signing page is rate limited.

let world: World;
let server: TestServer;
let learner: Client;
let contractId = "";

const linkIn = (html: string) => /value="(https?:\/\/[^"]+\/sign\/([A-Za-z0-9_-]{43}))"/.exec(html);

async function makeLink(field: string): Promise<string> {
  const made = await learner.request(`/learner/documents/${contractId}/signing-links`, { form: { intent: "create", field } });
  expect(made.status).toBe(200);
  const match = linkIn(made.text);
  expect(match).not.toBeNull();
  return new URL(match![1]!).pathname;
}

beforeAll(async () => {
  world = await createWorld();
  const { db, close } = openDatabase(world.databasePath);
  const l1 = world.demo.learner1!;
  const created = (await createDocument(db, l1.scope, { learnerId: l1.learnerId!, templateId: "ilm-8588/contract", data: { clientRef: "Client 3", agreement: { confidentiality: true, honestAndCommitted: true } } }));
  if (!created.ok) throw new Error(created.reason);
  contractId = created.id;
  close();
  server = await startOn(world);
  learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  world?.remove();
});

describe("signing links", () => {
  it("lets the client sign through a link without an account, and shows the signature as matching, then as no longer matching after a change", async () => {
    const page = await learner.request(`/learner/documents/${contractId}`);
    expect(page.text).toContain("Signatures by the signers");
    expect(page.text).toContain("Nobody has signed through a link yet.");
    const path = await makeLink("clientSignature");

    const signer = new Client(server.url);
    const shown = await signer.request(path);
    expect(shown.status).toBe(200);
    expect(shown.text).toMatch(/Sign: (<!-- -->)?The Coaching\/Mentoring Contract/);
    expect(shown.text).toContain("Client 3");
    expect(shown.text).not.toContain(world.demo.learner1!.name);
    const contentHash = /name="contentHash" value="([0-9a-f]{64})"/.exec(shown.text)![1]!;
    expect((await signer.request(path, { form: { name: "Client Three", contentHash } })).text).toContain("Tick the box to confirm");
    expect((await signer.request(path, { form: { name: "Client Three", confirm: "yes", contentHash }, csrf: false })).status).toBe(403);
    const signed = await signer.request(path, { form: { name: "Client Three", confirm: "yes", contentHash } });
    expect(signed).toMatchObject({ status: 302, location: "/sign/done" });
    expect((await signer.request("/sign/done")).text).toContain("Thank you: you have signed");
    const again = await signer.request(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain("already been used");

    expect((await learner.request(`/learner/documents/${contractId}`)).text).toMatch(/Client Three<!-- -->, signed <!-- -->\d{4}-\d\d-\d\d<!-- --> by the signer\.[\s\S]*matches the document/);
    const { db, close } = openDatabase(world.databasePath);
    try {
      const doc = (await getDocument(db, world.demo.learner1!.scope, contractId))!;
      expect((await saveDocument(db, world.demo.learner1!.scope, { id: contractId, expectedVersion: doc.version, data: { ...doc.data, agreement: { confidentiality: true } } })).ok).toBe(true);
    } finally {
      close();
    }
    const assessorView = await (await new Client(server.url).signIn(world.demo.assessor1!.email, world.demo.assessor1!.password)).request(`/documents/${contractId}`);
    expect(assessorView.text).toContain("no longer matches: the document changed after it was signed");
    expect((await learner.request(`/learner/documents/${contractId}`)).text).toContain("no longer matches");
    const printed = await learner.request(`/downloads/document/${contractId}.html`);
    expect(printed.text).toMatch(/Signatures by the signers[\s\S]*Client Three[\s\S]*no longer matches: the document changed after it was signed/);
  });

  it("refuses a withdrawn link and an unknown one, and tells a signer the document changed while they read it", async () => {
    const path = await makeLink("stakeholderSignature");
    const id = /name="linkId" value="([0-9a-f-]{36})"/.exec((await learner.request(`/learner/documents/${contractId}`)).text)![1]!;
    const signer = new Client(server.url);
    const shown = await signer.request(path);
    const contentHash = /name="contentHash" value="([0-9a-f]{64})"/.exec(shown.text)![1]!;
    expect((await signer.request(path, { form: { name: "Sam Sponsor", confirm: "yes", contentHash: "0".repeat(64) } })).text).toContain("The document changed while you were reading it");
    expect((await learner.request(`/learner/documents/${contractId}/signing-links`, { form: { intent: "revoke", linkId: id } })).status).toBe(302);
    const withdrawn = await signer.request(path, { form: { name: "Sam Sponsor", confirm: "yes", contentHash } });
    expect(withdrawn.status).toBe(410);
    expect(withdrawn.text).toContain("withdrawn");
    expect((await signer.request(`/sign/${"B".repeat(43)}`)).status).toBe(404);
    expect((await signer.request("/sign/short")).status).toBe(404);
    // Another learner cannot make a link for this document.
    const other = await new Client(server.url).signIn(world.demo.learner3!.email, world.demo.learner3!.password);
    expect((await other.request(`/learner/documents/${contractId}/signing-links`, { form: { intent: "create", field: "clientSignature" } })).status).toBe(404);
  });

  it("answers 429 once an address has opened signing pages too often", async () => {
    const signer = new Client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await signer.request(`/sign/${"C".repeat(43)}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  });
});
