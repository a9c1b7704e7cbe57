import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createDocument, listDocuments, listLearners } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatureStateText } from "../../app/components/SignatureStates.tsx";
import * as viewDocument from "../../app/routes/documents.$id.tsx";
import { portfolioSignatures, portfolioSignaturesHtml } from "../../app/models/signatures.server.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";

// What the document's writer typed is told apart from what a signer signed (issue 15): a name the
// learner typed for the client is "typed by the learner, not signed by the client"; the name the assessor
// types on a record the assessor keeps is the assessor's own, never "typed by the learner".
let h: RouteHarness;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, context: h.context, params });
const example = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, "../../../../schemas/ilm-8588/examples", `${name}.json`), "utf8")) as { valid: Record<string, unknown>[] }).valid[0]!;

beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("signature states on the assessor's view of a document", () => {
  it("say who typed a name, and whose signature a signing link is for", async () => {
    const assessor = await h.scopeFor("assessor1@demo.ilm-forms.test");
    const learnerScope = await h.scopeFor("learner1@demo.ilm-forms.test");
    const learner = (await listLearners(h.database.db, assessor)).find((l) => l.email === "learner1@demo.ilm-forms.test")!;
    const discussion = await createDocument(h.database.db, assessor, { learnerId: learner.id, templateId: "ilm-8588/professional-discussion", data: example("professional-discussion") });
    const contract = await createDocument(h.database.db, learnerScope, { learnerId: learner.id, templateId: "ilm-8588/contract", data: example("contract") });
    if (!discussion.ok || !contract.ok) throw new Error("cannot create the documents");

    const cookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    type Page = Awaited<ReturnType<typeof viewDocument.loader>>;
    const read = async (id: string) => (await viewDocument.loader(args(h.request(`/documents/${id}`, { cookie }), { id }))) as Page;

    const kept = (await read(discussion.id)).signatureStates;
    expect(kept.map((s) => ({ title: s.title, state: s.state, signer: s.signer, typedBy: s.typedBy }))).toEqual([{ title: "Signature of Assessor", state: "typed", signer: undefined, typedBy: "the assessor" }]);
    expect(kept.map(signatureStateText)).toEqual(["typed by the assessor (the writer's own signature)"]);

    const typed = Object.fromEntries((await read(contract.id)).signatureStates.map((s) => [s.title, signatureStateText(s)]));
    expect(typed["Signature of Client"]).toBe("typed by the learner, not signed by the client");
    expect(typed["Signature of Stakeholder"]).toBe("typed by the learner, not signed by the stakeholder");
    const own = Object.entries(typed).find(([title]) => title !== "Signature of Client" && title !== "Signature of Stakeholder");
    expect(own?.[1]).toBe("typed by the learner (the writer's own signature)");

    // The printed portfolio says the same: the assessor's own signature is the assessor's, not the learner's.
    const stored = (await listDocuments(h.database.db, assessor, learner.id)).filter((d) => d.id === discussion.id);
    const rows = await portfolioSignatures(h.database.db, assessor, learner.id, stored);
    const html = portfolioSignaturesHtml(rows, () => "1. Professional discussion");
    expect(html).toContain("Signed by the assessor: Mark Ellison");
    expect(html).not.toContain("Signed by the learner");
  });
});
