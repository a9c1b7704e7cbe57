import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../test/world.ts";
import { createDocument, getDocument, saveDocument } from "./documents.ts";
import { createSigningLink, listSignerSignatures, listSigningLinks, openSigningLink, revokeSigningLink, signatureFields, signWithLink } from "./signatures.ts";
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
});
