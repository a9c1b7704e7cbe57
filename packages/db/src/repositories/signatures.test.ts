import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../test/world.ts";
import { checkPortfolio, generateDemoPortfolio, type PortfolioDocument } from "@ilm-forms/core";
import { createDocument, documentsFingerprint, getDocument, saveDocument } from "./documents.ts";
import { createSigningLink, listSignerSignatures, listSigningLinks, openSigningLink, revokeSigningLink, signatureFields, signerSignatureStates, signWithLink } from "./signatures.ts";
import { rows } from "../test/database.ts";

describe("signatures made by the signers", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  async function draftContract(): Promise<string> {
    const learner = world.scopes.learner1!;
    const created = (await createDocument(db(), learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/contract", data: { clientRef: "Client 1", agreement: { confidentiality: true } } }));
    if (!created.ok) throw new Error(`contract: ${created.reason}`);
    return created.id;
  }

  it("finds the signature fields a signer can sign in the template", () => {
    expect(signatureFields("ilm-8588/contract").map((f) => f.field)).toEqual(["coachSignature", "clientSignature", "stakeholderSignature"]);
    expect(signatureFields("ilm-8588/contract").find((f) => f.field === "clientSignature")?.title).toBe("Signature of Client");
  });

  it("makes a one-time link, stores only its hash, and records the signer's signature bound to the content", async () => {
    const learner = world.scopes.learner1!;
    const id = await draftContract();
    const made = (await createSigningLink(db(), learner, { documentId: id, field: "clientSignature" }));
    if (!made.ok) throw new Error(made.reason);
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await rows(db(), "select * from signing_links where id = ?", made.link.id);
    expect(JSON.stringify(stored)).not.toContain(made.token);
    const opened = (await openSigningLink(db(), made.token));
    expect(opened).toMatchObject({ ok: true, field: { field: "clientSignature" }, document: { id } });
    const signed = (await signWithLink(db(), made.token, { name: "  Client One  ", expectedContentHash: (opened as { contentHash: string }).contentHash }));
    expect(signed).toMatchObject({ ok: true, signature: { signerName: "Client One", field: "clientSignature", matching: true } });
    expect((await signWithLink(db(), made.token, { name: "Someone Else" }))).toEqual({ ok: false, reason: "used" });
    expect((await openSigningLink(db(), made.token))).toEqual({ ok: false, reason: "used" });
    expect((await listSigningLinks(db(), learner, id)).map((l) => l.status)).toEqual(["used"]);
    const [audit] = await rows<{ actor: string | null; after: string }>(db(), "select actor_user_id as actor, after from audit_log where action = 'signature.sign' and entity_id = ?", id);
    expect(audit!.actor).toBeNull();
    expect(JSON.parse(audit!.after)).toMatchObject({ signerName: "Client One", field: "clientSignature", contentHash: (opened as { contentHash: string }).contentHash });
  });

  it("marks a signature no longer matching when the signed content changes, but not when another signature is added", async () => {
    const learner = world.scopes.learner1!;
    const id = await draftContract();
    const made = (await createSigningLink(db(), learner, { documentId: id, field: "stakeholderSignature" }));
    if (!made.ok) throw new Error(made.reason);
    expect((await signWithLink(db(), made.token, { name: "Sam Sponsor" })).ok).toBe(true);
    let doc = (await getDocument(db(), learner, id))!;
    expect((await saveDocument(db(), learner, { id, expectedVersion: doc.version, data: { ...doc.data, coachSignature: { name: "Casey Coach", date: "2026-05-01" } } })).ok).toBe(true);
    expect((await listSignerSignatures(db(), learner, id)).map((s) => s.matching)).toEqual([true]);
    doc = (await getDocument(db(), learner, id))!;
    expect((await saveDocument(db(), learner, { id, expectedVersion: doc.version, data: { ...doc.data, agreement: { confidentiality: true, openToFeedback: true } } })).ok).toBe(true);
    expect((await listSignerSignatures(db(), learner, id)).map((s) => s.matching)).toEqual([false]);
    // a fresh link, signed again, matches
    const again = (await createSigningLink(db(), learner, { documentId: id, field: "stakeholderSignature" }));
    if (!again.ok) throw new Error(again.reason);
    expect((await signWithLink(db(), again.token, { name: "Sam Sponsor" })).ok).toBe(true);
    expect((await listSignerSignatures(db(), learner, id)).map((s) => s.matching)).toEqual([false, true]);
  });

  it("refuses expired, withdrawn and unknown links, a content changed since it was shown, and an empty name", async () => {
    const learner = world.scopes.learner1!;
    const id = await draftContract();
    const expired = (await createSigningLink(db(), learner, { documentId: id, field: "clientSignature", ttlMs: 60_000, now: new Date(Date.now() - 120_000) }));
    const revoked = (await createSigningLink(db(), learner, { documentId: id, field: "clientSignature" }));
    const open = (await createSigningLink(db(), learner, { documentId: id, field: "clientSignature" }));
    if (!expired.ok || !revoked.ok || !open.ok) throw new Error("links");
    expect((await openSigningLink(db(), expired.token))).toEqual({ ok: false, reason: "expired" });
    expect((await revokeSigningLink(db(), learner, revoked.link.id))).toEqual({ ok: true });
    expect((await signWithLink(db(), revoked.token, { name: "Client One" }))).toEqual({ ok: false, reason: "revoked" });
    expect((await openSigningLink(db(), "A".repeat(43)))).toEqual({ ok: false, reason: "unknown" });
    expect((await openSigningLink(db(), "not a token"))).toEqual({ ok: false, reason: "unknown" });
    expect((await signWithLink(db(), open.token, { name: "   " }))).toEqual({ ok: false, reason: "no-name" });
    expect((await signWithLink(db(), open.token, { name: "Client One", expectedContentHash: "0".repeat(64) }))).toEqual({ ok: false, reason: "changed" });
    expect((await openSigningLink(db(), open.token)).ok).toBe(true);
  });

  it("lets the learner ask the witness to sign a witness testimony through a link, as for any template that declares a signature (issue 21)", async () => {
    const learner = world.scopes.learner1!;
    expect(signatureFields("ilm-8588/witness-testimony")).toEqual([{ field: "witnessSignature", title: "Signature of witness" }]);
    const testimony = {
      learnerName: "Casey Coach",
      unit: "501",
      witnessName: "Daniel Reid",
      witnessRole: "Head of Operations",
      criteria: ["501:1.3"],
      testimony: "I attended the three-way contracting meeting for Client 1 and saw the contract agreed.",
    };
    const created = (await createDocument(db(), learner, { learnerId: learner.learnerId!, templateId: "ilm-8588/witness-testimony", data: testimony }));
    if (!created.ok) throw new Error(`testimony: ${created.reason}`);
    const made = (await createSigningLink(db(), learner, { documentId: created.id, field: "witnessSignature" }));
    if (!made.ok) throw new Error(made.reason);
    const opened = (await openSigningLink(db(), made.token));
    expect(opened).toMatchObject({ ok: true, field: { field: "witnessSignature", title: "Signature of witness" }, document: { id: created.id, templateId: "ilm-8588/witness-testimony", data: testimony } });
    const signed = (await signWithLink(db(), made.token, { name: "Daniel Reid", expectedContentHash: (opened as { contentHash: string }).contentHash }));
    expect(signed).toMatchObject({ ok: true, signature: { field: "witnessSignature", signerName: "Daniel Reid", matching: true } });
    expect((await listSignerSignatures(db(), learner, created.id))).toEqual([expect.objectContaining({ field: "witnessSignature", signerName: "Daniel Reid", matching: true })]);
    expect((await listSigningLinks(db(), learner, created.id)).map((l) => l.status)).toEqual(["used"]);
  });

  it("refuses a signature typed as spaces only, in the document as through a link, naming the field", async () => {
    const learner = world.scopes.learner1!;
    const refused = (await createDocument(db(), learner, {
      learnerId: learner.learnerId!,
      templateId: "ilm-8588/witness-testimony",
      data: { learnerName: "Casey Coach", unit: "501", witnessName: "Daniel Reid", witnessSignature: { name: "   ", role: "Witness", date: "2026-06-28" } },
    }));
    expect(refused).toMatchObject({ ok: false, reason: "invalid", errors: [{ path: "/witnessSignature/name", rule: "pattern", message: "Signature is not in the expected form: Type your name: spaces alone are not a signature." }] });
    const accepted = (await createDocument(db(), learner, {
      learnerId: learner.learnerId!,
      templateId: "ilm-8588/witness-testimony",
      data: { learnerName: "Casey Coach", unit: "501", witnessName: "Daniel Reid", witnessSignature: { name: "Daniel Reid", role: "Witness", date: "2026-06-28" } },
    }));
    expect(accepted.ok).toBe(true);
  });

  it("lets only the learner or an admin of the centre make or withdraw links, for signature fields only", async () => {
    const id = await draftContract();
    const { learner1, learner3, assessor1, admin } = world.scopes;
    expect((await createSigningLink(db(), assessor1!, { documentId: id, field: "clientSignature" }))).toEqual({ ok: false, reason: "forbidden" });
    expect((await createSigningLink(db(), learner3!, { documentId: id, field: "clientSignature" }))).toEqual({ ok: false, reason: "not-found" });
    expect((await createSigningLink(db(), world.otherScopes.admin!, { documentId: id, field: "clientSignature" }))).toEqual({ ok: false, reason: "not-found" });
    expect((await createSigningLink(db(), learner1!, { documentId: id, field: "clientRef" }))).toEqual({ ok: false, reason: "not-a-signature-field" });
    const made = (await createSigningLink(db(), admin!, { documentId: id, field: "clientSignature" }));
    if (!made.ok) throw new Error(made.reason);
    expect((await revokeSigningLink(db(), world.otherScopes.admin!, made.link.id))).toEqual({ ok: false, reason: "not-found" });
    expect((await revokeSigningLink(db(), assessor1!, made.link.id))).toEqual({ ok: false, reason: "forbidden" });
    expect((await listSigningLinks(db(), learner3!, id))).toEqual([]);
    expect((await listSignerSignatures(db(), world.otherScopes.admin!, id))).toEqual([]);
  });

  it("gives the rules what the signers did: matching signatures by field, one that no longer matches, none for a field only typed", async () => {
    const learner = world.scopes.learner2!;
    const learnerId = learner.learnerId!;
    // Client 1's contract of the demo portfolio, stored, with every name typed in the learner's account.
    const demo = generateDemoPortfolio(1, "certificate-complete").documents;
    const typed = demo.find((d) => d.id === "client-1/contract")!;
    const created = (await createDocument(db(), learner, { learnerId, templateId: typed.template, data: typed.data }));
    if (!created.ok) throw new Error(`contract: ${created.reason}`);
    const stored = async () => (await getDocument(db(), learner, created.id))!;
    /** The 501 finding on "signed and dated by all parties" with the stored contract in place of the demo's. */
    const finding = async () => {
      const contract = (await stored());
      const states = (await signerSignatureStates(db(), learner, learnerId, [contract]));
      const documents: PortfolioDocument[] = demo.map((d) =>
        d.id === typed.id ? { id: contract.id, template: contract.templateId, version: contract.templateVersion, data: contract.data, signerSignatures: states.get(contract.id)! } : d,
      );
      return checkPortfolio("501", documents, { today: "2027-06-01" }).findings.find((f) => f.criterion === "501:1.3")!;
    };
    expect((await signerSignatureStates(db(), learner, learnerId, [(await stored())])).get(created.id)).toEqual({});
    expect((await finding()).reasons).toContain("Client 1's contract: “Signature of Client” was typed in the learner's account, not signed by the client through a signing link.");

    const fingerprint = (await documentsFingerprint(db(), learner, learnerId));
    for (const field of ["clientSignature", "stakeholderSignature"]) {
      const made = (await createSigningLink(db(), learner, { documentId: created.id, field }));
      if (!made.ok) throw new Error(made.reason);
      expect((await signWithLink(db(), made.token, { name: field === "clientSignature" ? "Client One" : "Sam Sponsor", now: new Date("2026-03-02T10:00:00Z") })).ok).toBe(true);
    }
    // A signature changes what the rules find without a save: the fingerprint the dashboard caches by changes too.
    expect((await documentsFingerprint(db(), learner, learnerId))).not.toBe(fingerprint);
    expect((await signerSignatureStates(db(), learner, learnerId, [(await stored())])).get(created.id)).toEqual({
      clientSignature: { name: "Client One", date: "2026-03-02", matching: true },
      stakeholderSignature: { name: "Sam Sponsor", date: "2026-03-02", matching: true },
    });
    expect((await finding())).toMatchObject({ status: "met" });

    // The learner edits a clause: both signatures no longer match, and the finding says so.
    const before = (await stored());
    expect((await saveDocument(db(), learner, { id: created.id, expectedVersion: before.version, data: { ...before.data, addedClauses: ["We meet online."] } })).ok).toBe(true);
    expect((await signerSignatureStates(db(), learner, learnerId, [(await stored())])).get(created.id)?.clientSignature).toEqual({ name: "Client One", date: "2026-03-02", matching: false });
    expect((await finding()).status).toBe("not met");
    expect((await finding()).reasons).toContain("Client 1's contract: “Signature of Client” was signed by the client on 2026-03-02, but the contract changed after it was signed: the signature no longer matches.");
    // Matched against the data given: the contract as it was signed still matches.
    expect((await signerSignatureStates(db(), learner, learnerId, [before])).get(created.id)?.clientSignature?.matching).toBe(true);

    // The client signs again: a matching signature is preferred to the one that no longer matches.
    const again = (await createSigningLink(db(), learner, { documentId: created.id, field: "clientSignature" }));
    if (!again.ok) throw new Error(again.reason);
    expect((await signWithLink(db(), again.token, { name: "Client One" })).ok).toBe(true);
    expect((await signerSignatureStates(db(), learner, learnerId, [(await stored())])).get(created.id)?.clientSignature?.matching).toBe(true);

    // Scoped: another centre sees nothing.
    expect((await signerSignatureStates(db(), world.otherScopes.admin!, learnerId, [(await stored())])).size).toBe(0);
  });
});
