import { describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "../demo/generateDemoPortfolio.ts";
import type { PortfolioDocument } from "../portfolio/types.ts";
import { checkPortfolio } from "../builtin.ts";

const TODAY = "2027-06-01";
const LEARNER = { learnerName: "Alex Morgan", date: "2027-05-01" };

function findingOf(unit: string, criterion: string, documents: PortfolioDocument[]) {
  const result = checkPortfolio({ qualification: "ilm-8588", unit }, documents, { today: TODAY });
  return result.findings.find((f) => f.criterion === `${unit}:${criterion}`)!;
}

/** A row of the written statement of conclusions for every session of the hours logs. */
function conclusionsFor(documents: PortfolioDocument[], unit: string): PortfolioDocument {
  const sessions = documents
    .filter((d) => d.template === "ilm-8588/hours-log")
    .flatMap((log) => (log.data.sessions as Array<{ sessionNo: number }>).map((s) => ({ clientRef: log.data.clientRef as string, sessionNo: s.sessionNo, conclusions: "The client set their own next step." })));
  return { id: "conclusions", template: "ilm-8588/session-conclusions", version: "2.0.0", data: { ...LEARNER, unit, sessions } };
}

describe("the rules of the evidence templates (issue 21)", () => {
  it("501 3.1: a row of the written statement of conclusions stands for a missing reflective log; 2.4 still asks for the log", () => {
    const { documents } = generateDemoPortfolio(1, "missing-reflective-log");
    expect(findingOf("501", "3.1", documents).status).toBe("not met");
    const withStatement = [...documents, conclusionsFor(documents, "501")];
    const finding = findingOf("501", "3.1", withStatement);
    expect(finding.status).toBe("for the assessor");
    expect(finding.reasons[0]).toMatch(/^Every session has a reflective log or a row in a written statement of conclusions \(\d+ logs, \d+ rows\)\.$/);
    expect(findingOf("501", "2.4", withStatement).status).toBe("not met");
  });

  it("501 3.1: a statement that leaves a session out names it", () => {
    const { documents } = generateDemoPortfolio(1, "missing-reflective-log");
    const statement = conclusionsFor(documents, "501");
    (statement.data.sessions as unknown[]).length = 1;
    const finding = findingOf("501", "3.1", [...documents, statement]);
    expect(finding.status).toBe("not met");
    expect(finding.reasons[0]).toMatch(/no reflective log with the same client reference and date, and no row in a written statement of conclusions with the same client reference and session number or date: /);
  });

  it("502 3.2: the tools justified in the written statement count, and the reason says where they are written", () => {
    const statement: PortfolioDocument = {
      id: "tools",
      template: "ilm-8588/tools-justification",
      version: "2.0.0",
      data: {
        ...LEARNER,
        unit: "502",
        tools: [
          { toolOrTechnique: "GROW", rationale: "I used the GROW model because it gave each session a clear structure." },
          { toolOrTechnique: "Scaling", rationale: "I asked scaling questions so that the client could see their progress." },
        ],
      },
    };
    const finding = findingOf("502", "3.2", [statement]);
    expect(finding.status).toBe("met");
    expect(finding.reasons[0]).toBe("The written statements justifying the tools and techniques name and give reasons for GROW and scaling questions; Unit 502 needs at least 2.");
    expect(finding.pointers).toEqual([
      { document: "tools", path: "/tools/0/rationale" },
      { document: "tools", path: "/tools/1/rationale" },
    ]);
    const { documents } = generateDemoPortfolio(1, "diploma-complete");
    expect(findingOf("502", "3.2", [...documents, statement]).reasons[0]).toMatch(/^The reflective logs and the written statements justifying the tools and techniques name and give reasons for /);
  });

  it("501 3.4: a written statement on communication is pointed at, then the assessor judges; none changes nothing", () => {
    const statement: PortfolioDocument = { id: "communication", template: "ilm-8588/communication-assessment", version: "2.0.0", data: { ...LEARNER, unit: "501", questioning: "Open questions worked best." } };
    expect(findingOf("501", "3.4", [statement])).toEqual({
      criterion: "501:3.4",
      status: "for the assessor",
      reasons: ["1 written statement assessing own communication techniques found.", "The records are there; whether they meet the criterion is for the assessor to judge."],
      pointers: [{ document: "communication" }],
    });
    expect(findingOf("501", "3.4", [])).toEqual({
      criterion: "501:3.4",
      status: "for the assessor",
      reasons: ["The unit's data declares this criterion for the assessor's judgement: no automatic check applies to it."],
      pointers: [],
    });
  });

  it("503: a summary statement left empty is not met; one written is said; no summary statements change nothing", () => {
    // The complete demo learner's own summary statements (every criterion written) are taken out first.
    const documents = generateDemoPortfolio(1, "certificate-complete").documents.filter((d) => d.template !== "ilm-8588/journal-summary-statements");
    const statements: PortfolioDocument = { id: "summary", template: "ilm-8588/journal-summary-statements", version: "2.0.0", data: { ...LEARNER, benefits: "My clients reached their goals.", swot: "   " } };
    const before = findingOf("503", "2.1", documents);
    expect(before.status).toBe("met");
    const swot = findingOf("503", "2.1", [...documents, statements]);
    expect(swot.status).toBe("not met");
    expect(swot.reasons).toContain("The summary statements leave AC 2.1 empty.");
    const benefits = findingOf("503", "1.1", [...documents, statements]);
    expect(benefits.status).toBe("for the assessor");
    expect(benefits.reasons).toContain("The summary statement for AC 1.1 is written.");
    expect(benefits.pointers).toContainEqual({ document: "summary" });
    expect(findingOf("503", "2.3", [...documents, statements]).reasons).toContain("The summary statements leave AC 2.3 empty.");
  });
});
