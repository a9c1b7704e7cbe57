import type { AddressInfo } from "node:net";
import { createDocument, openDatabase } from "@ilm-forms/db";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client } from "../reliability/support/http.ts";
import { createWorld, startOn, type World } from "../reliability/support/world.ts";
import type { TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 120_000 });

// The optional SMTP setting (issue 20): with SMTP_URL and SMTP_FROM, the learner can have a signing link
// e-mailed to the person who signs. The SMTP server is a local sink (smtp-server) in this process.

let world: World;
let server: TestServer;
let learner: Client;
let contractId = "";
const received: { from: string; to: string[]; message: string }[] = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, done) {
    const parts: Buffer[] = [];
    stream.on("data", (part: Buffer) => parts.push(part));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), message: Buffer.concat(parts).toString("utf8") });
      done();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const port = (sink.server.address() as AddressInfo).port;
  world = await createWorld();
  const { db, close } = openDatabase(world.databasePath);
  const l1 = world.demo.learner1!;
  const created = (await createDocument(db, l1.scope, { learnerId: l1.learnerId!, templateId: "ilm-8588/contract", data: { clientRef: "Client 3", agreement: { confidentiality: true } } }));
  if (!created.ok) throw new Error(created.reason);
  contractId = created.id;
  close();
  server = await startOn(world, { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "ILM centre <centre@example.test>" });
  learner = await new Client(server.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  world?.remove();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe("e-mailing a signing link", () => {
  it("offers the address field, sends the link to the address given, and the link in the e-mail opens the signing page", async () => {
    const page = await learner.request(`/learner/documents/${contractId}`);
    expect(page.text).toContain("E-mail the link to (optional)");
    const made = await learner.request(`/learner/documents/${contractId}/signing-links`, { form: { intent: "create", field: "stakeholderSignature", email: "sponsor@example.test" } });
    expect(made.status).toBe(200);
    expect(made.text).toContain("It was e-mailed to sponsor@example.test.");
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe("centre@example.test");
    expect(mail.to).toEqual(["sponsor@example.test"]);
    expect(mail.message).toMatch(/^Subject: Please sign: The Coaching\/Mentoring Contract/m);
    expect(mail.message).toContain("as the stakeholder");
    // No client is named in the e-mail: not even their reference.
    expect(mail.message).not.toContain("Client 3");
    const link = /(https?:\/\/\S+\/sign\/[A-Za-z0-9_-]{43})/.exec(mail.message.replace(/=\r?\n/g, ""))![1]!;
    expect(made.text).toContain(link);
    const signer = new Client(server.url);
    const opened = await signer.request(new URL(link).pathname);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain("You are asked to sign as the");
  });

  it("refuses an address that is not one, naming the field, and makes no link", async () => {
    const made = await learner.request(`/learner/documents/${contractId}/signing-links`, { form: { intent: "create", field: "clientSignature", email: "not an address\r\nBcc: x@example.test" } });
    expect(made.status).toBe(200);
    expect(made.text).toContain("E-mail address: enter an address like name@example.org");
    expect(made.text).not.toMatch(/\/sign\/[A-Za-z0-9_-]{43}/);
    expect(received).toHaveLength(1);
  });

  it("still makes the link when the e-mail cannot be sent, and says so", async () => {
    const stopped = await startOn(world, { SMTP_URL: "smtp://127.0.0.1:9", SMTP_FROM: "centre@example.test" });
    try {
      const other = await new Client(stopped.url).signIn(world.demo.learner1!.email, world.demo.learner1!.password);
      const made = await other.request(`/learner/documents/${contractId}/signing-links`, { form: { intent: "create", field: "clientSignature", email: "client@example.test" } });
      expect(made.status).toBe(200);
      expect(made.text).toContain("could not be sent: pass the link on yourself");
      expect(made.text).toMatch(/\/sign\/[A-Za-z0-9_-]{43}/);
    } finally {
      await stopped.stop();
    }
  });
});
