import { describe, expect, it } from "vitest";
import { checkPortfolio } from "../../builtin.ts";
import { generateDemoPortfolio } from "../../demo/generateDemoPortfolio.ts";
import type { PortfolioDocument, SignerSignatureState } from "../../portfolio/types.ts";

const TODAY = "2027-06-01";

/** The 1.3 finding ("signed and dated by all parties") of Unit 501 for the documents. */
function contractFinding(documents: PortfolioDocument[]) {
  return checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:1.3")!;
}

const isContract = (d: PortfolioDocument) => d.template === "ilm-8588/contract";

/** The demo portfolio with each contract's signer signatures set by `made`. */
function withSigners(made: (contract: PortfolioDocument) => Record<string, SignerSignatureState>): PortfolioDocument[] {
  return generateDemoPortfolio(1, "certificate-complete").documents.map((d) => (isContract(d) ? { ...d, signerSignatures: made(d) } : d));
}

const signed = (d: PortfolioDocument, field: string, matching = true): SignerSignatureState => {
  const typed = d.data[field] as { name: string; date: string };
  return { name: typed.name, date: typed.date, matching };
};

describe("signedPerClient with the signers' own signatures", () => {
  it("reads the typed signatures as they are when nothing is known of who signed (a portfolio of files)", () => {
    const finding = contractFinding(generateDemoPortfolio(1, "certificate-complete").documents);
    expect(finding.status).toBe("met");
    expect(finding.reasons.join(" ")).not.toMatch(/signers themselves/);
  });

  it("is met when the client and the stakeholder signed through their links and the contract still matches", () => {
    const finding = contractFinding(withSigners((d) => ({ clientSignature: signed(d, "clientSignature"), stakeholderSignature: signed(d, "stakeholderSignature") })));
    expect(finding.status).toBe("met");
    expect(finding.reasons).toContain("The signatures of the other parties were made by the signers themselves and match the contract as it is now.");
  });

  it("does not count signatures typed in the learner's account, and says they were typed", () => {
    const finding = contractFinding(withSigners(() => ({})));
    expect(finding.status).toBe("not met");
    expect(finding.reasons).toContain("Client 1's contract: “Signature of Client” was typed in the learner's account, not signed by the client through a signing link.");
    expect(finding.reasons).toContain("Client 1's contract: “Signature of Stakeholder” was typed in the learner's account, not signed by the stakeholder through a signing link.");
    // The coach's own signature is the writer's: typing it is signing it.
    expect(finding.reasons.join(" ")).not.toMatch(/Coach/);
    expect(finding.pointers).toContainEqual({ document: "client-1/contract", path: "/clientSignature" });
  });

  it("does not count a signature that no longer matches the contract", () => {
    const finding = contractFinding(withSigners((d) => ({ clientSignature: signed(d, "clientSignature", d.id !== "client-2/contract"), stakeholderSignature: signed(d, "stakeholderSignature") })));
    expect(finding.status).toBe("not met");
    expect(finding.reasons).toEqual([expect.stringMatching(/^Client 2's contract: “Signature of Client” was signed by the client on \d{4}-\d\d-\d\d, but the contract changed after it was signed: the signature no longer matches\.$/)]);
  });

  it("says a field is not signed when neither the signer signed nor a name was typed", () => {
    const finding = contractFinding(
      withSigners((d) => {
        delete d.data.stakeholderSignature;
        return { clientSignature: signed(d, "clientSignature") };
      }),
    );
    expect(finding.status).toBe("not met");
    expect(finding.reasons).toContain("Client 1's contract: “Signature of Stakeholder” is not signed by the stakeholder.");
  });

  it("still asks the writer's own signature to be signed and dated: a name of spaces is no signature", () => {
    const documents = withSigners((d) => ({ clientSignature: signed(d, "clientSignature"), stakeholderSignature: signed(d, "stakeholderSignature") }));
    const contract = documents.find((d) => d.id === "client-1/contract")!;
    contract.data = { ...contract.data, coachSignature: { ...(contract.data.coachSignature as object), name: "   " } };
    const finding = contractFinding(documents);
    expect(finding.status).toBe("not met");
    // The rule and the shared signature schema agree: the check says it is not signed, and validation says why.
    expect(finding.reasons).toEqual([
      "Client 1's contract: “Signature of Coach/ Mentor” is dated but not signed.",
      "client-1/contract does not validate against its template (Signature is not in the expected form: Type your name: spaces alone are not a signature.), so what it says may not be counted.",
    ]);
  });

  it("does not count a signer's signature whose name is only spaces", () => {
    const finding = contractFinding(withSigners((d) => ({ clientSignature: { ...signed(d, "clientSignature"), name: "  " }, stakeholderSignature: signed(d, "stakeholderSignature") })));
    expect(finding.status).toBe("not met");
  });
});
