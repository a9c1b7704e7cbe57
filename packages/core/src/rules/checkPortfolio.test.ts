import { describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "../demo/generateDemoPortfolio.ts";
import type { DemoProfile } from "../demo/profiles.ts";
import type { PortfolioDocument } from "../portfolio/types.ts";
import { checkPortfolio } from "../builtin.ts";
import { TOOLS } from "./toolVocabulary.ts";
import { monthsBetween, monthsCovered } from "./checks/dateSpan.ts";

const TODAY = "2027-06-01";
type Statuses = Record<string, "met" | "not met" | "for the assessor">;

/** What the complete Certificate learner gets: countable criteria met, the rest for the assessor. */
const PRACTICE_COMPLETE = (unit: string): Statuses => ({
  [`${unit}:1.1`]: "for the assessor",
  [`${unit}:1.2`]: "met",
  [`${unit}:1.3`]: "met",
  [`${unit}:2.1`]: "met",
  [`${unit}:2.2`]: "met",
  [`${unit}:2.3`]: "met",
  [`${unit}:2.4`]: "met",
  [`${unit}:3.1`]: "for the assessor",
  [`${unit}:3.2`]: "met",
  [`${unit}:3.3`]: "for the assessor",
  [`${unit}:3.4`]: "for the assessor",
});
const REVIEW_COMPLETE: Statuses = {
  "503:1.1": "for the assessor",
  "503:1.2": "for the assessor",
  "503:1.3": "for the assessor",
  "503:2.1": "met",
  "503:2.2": "met",
  "503:2.3": "for the assessor",
};

/** The portfolio without its written statement on the tools, so the reflective logs alone name them. */
const reflectiveLogsAlone = (documents: PortfolioDocument[]): PortfolioDocument[] => documents.filter((d) => d.template !== "ilm-8588/tools-justification");

function statuses(unit: string, documents: PortfolioDocument[], version?: string): Statuses {
  const result = checkPortfolio({ qualification: "ilm-8588", unit, version }, documents, { today: TODAY });
  return Object.fromEntries(result.findings.map((f) => [f.criterion, f.status]));
}

describe("checkPortfolio()", () => {
  const cases: Array<[DemoProfile, string, Statuses, Statuses]> = [
    ["certificate-complete", "501", {}, {}],
    ["fourth-client-with-record", "501", {}, {}],
    ["short-hours", "501", { "501:2.1": "not met" }, {}],
    ["fourth-client-no-record", "501", { "501:2.1": "not met" }, {}],
    ["short-supervision", "501", { "501:3.3": "not met" }, {}],
    ["missing-reflective-log", "501", { "501:2.4": "not met", "501:3.1": "not met" }, {}],
    ["unsigned-contract", "501", { "501:1.3": "not met" }, {}],
    ["client-named", "501", { "501:2.2": "for the assessor" }, {}],
    ["pdp-11-months", "501", {}, { "503:2.2": "not met" }],
    ["diploma-complete", "502", {}, {}],
    ["diploma-60-sessions", "502", {}, {}],
  ];
  for (const seed of [1, 2024]) {
    for (const [profile, unit, practiceChanges, reviewChanges] of cases) {
      it(`${profile} (seed ${seed}) gives exactly the expected findings`, () => {
        const { documents } = generateDemoPortfolio(seed, profile);
        expect(statuses(unit, documents)).toEqual({ ...PRACTICE_COMPLETE(unit), ...practiceChanges });
        expect(statuses("503", documents)).toEqual({ ...REVIEW_COMPLETE, ...reviewChanges });
        expect(Object.values(statuses("500", documents))).toEqual(Array(12).fill("for the assessor"));
      });
    }
  }

  it("explains a shortfall in hours in plain English and points at the logs", () => {
    const { documents } = generateDemoPortfolio(7, "short-hours");
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:2.1")!;
    expect(finding.reasons[0]).toMatch(/^17\.5 hours of coaching are recorded over \d+ sessions \(Client 1: [\d.]+; Client 2: [\d.]+; Client 3: [\d.]+\); Unit 501 needs at least 18\.$/);
    expect(finding.pointers.map((p) => p.document)).toEqual(["client-1/hours-log", "client-2/hours-log", "client-3/hours-log"]);
  });

  it("sums hours from logs and session records, never the diary cover's total", () => {
    const { documents } = generateDemoPortfolio(3, "certificate-complete");
    const { summary } = checkPortfolio("501", documents, { today: TODAY });
    expect(summary.coachingHours).toBe(19.5);
    expect(Object.values(summary.hoursByClient).reduce((a, b) => a + b, 0)).toBe(19.5);
    expect(summary.supervisionHours).toBe(1.25);
    expect(summary.clients).toEqual(["Client 1", "Client 2", "Client 3"]);
  });

  it("notices where the hours log and a session record disagree", () => {
    const { documents } = generateDemoPortfolio(3, "certificate-complete");
    const record = documents.find((d) => d.id === "client-1/session-record-1")!;
    const logged = record.data.duration as number;
    record.data.duration = logged + 30;
    const result = checkPortfolio("501", documents, { today: TODAY });
    expect(result.summary.hoursDisagreements).toEqual([expect.objectContaining({ client: "Client 1", sessionNo: 1, logHours: logged / 60, recordHours: logged / 60 + 0.5 })]);
    const finding = result.findings.find((f) => f.criterion === "501:2.1")!;
    expect(finding.status).toBe("for the assessor");
    expect(finding.reasons.join(" ")).toContain(`the hours log says ${logged / 60} hour`);
    expect(result.summary.coachingHours).toBe(19.5);
  });

  it("counts a session record that is missing from the hours log, and says so", () => {
    const { documents } = generateDemoPortfolio(3, "certificate-complete");
    const log = documents.find((d) => d.id === "client-2/hours-log")!;
    const rows = log.data.sessions as Array<{ duration: number }>;
    rows.pop();
    const result = checkPortfolio("501", documents, { today: TODAY });
    expect(result.summary.coachingHours).toBe(19.5);
    expect(result.findings.find((f) => f.criterion === "501:2.1")!.reasons.join(" ")).toMatch(/has a session record but no row in an hours log/);
  });

  it("reports an invalid document beside the criteria it evidences, without crashing", () => {
    const { documents } = generateDemoPortfolio(5, "certificate-complete");
    documents.find((d) => d.id === "client-1/hours-log")!.data.sessions = [{ sessionNo: 1, sessionDate: "not a date", duration: -1 }];
    const result = checkPortfolio("501", documents, { today: TODAY });
    expect(result.summary.invalidDocuments.map((i) => i.document)).toEqual(["client-1/hours-log"]);
    const finding = result.findings.find((f) => f.criterion === "501:2.1")!;
    expect(finding.reasons.some((r) => r.startsWith("client-1/hours-log does not validate"))).toBe(true);
    expect(finding.pointers).toContainEqual({ document: "client-1/hours-log", path: "/sessions/0/duration" });
  });

  it("checks a learner on the earlier Unit 501 against its own numbers (12 hours, one or more clients)", () => {
    const { documents } = generateDemoPortfolio(9, "short-hours");
    const earlier = checkPortfolio({ qualification: "ilm-8588", unit: "501", version: "earlier" }, documents, { today: TODAY });
    expect(earlier.version).toBe("earlier");
    const hours = earlier.findings.find((f) => f.criterion === "501:2.1")!;
    expect(hours.status).toBe("met");
    expect(hours.reasons[0]).toContain("the earlier Unit 501 needs at least 12");
    expect(earlier.findings).toHaveLength(10);
    const oneClient = documents.filter((d) => !/^client-[23]\//.test(d.id));
    expect(statuses("501", oneClient, "earlier")["501:2.1"]).toBe("not met");
    expect(statuses("501", oneClient)["501:2.1"]).toBe("not met");
  });

  it("accepts a fourth client only with the centre's exceptional-circumstances record", () => {
    const { documents } = generateDemoPortfolio(11, "fourth-client-with-record");
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:2.1")!;
    expect(finding.reasons[1]).toMatch(/exceptional-circumstances record covers Client 4/);
    expect(statuses("502", documents)["502:2.1"]).toBe("not met");
    // The rule counts the record only once the centre approved it (x-ilm.approvedBy).
    const unapproved = documents.map((d) => (d.template === "ilm-8588/exceptional-circumstances" ? { ...d, approved: false } : d));
    const waiting = checkPortfolio("501", unapproved, { today: TODAY }).findings.find((f) => f.criterion === "501:2.1")!;
    expect(waiting.status).toBe("not met");
    expect(waiting.reasons.join(" ")).toMatch(/record for Client 4 is not yet approved by the centre/);
  });

  it("judges tools conservatively: named without a reason goes to the assessor", () => {
    const documents = reflectiveLogsAlone(generateDemoPortfolio(5, "certificate-complete").documents);
    for (const log of documents.filter((d) => d.template === "ilm-8588/reflective-log")) log.data.modelsAndTools = "GROW. A scaling question.";
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:3.2")!;
    expect(finding.status).toBe("for the assessor");
    expect(finding.reasons[0]).toContain("GROW and scaling questions are named without a reason");
    for (const log of documents.filter((d) => d.template === "ilm-8588/reflective-log")) delete log.data.modelsAndTools;
    expect(statuses("501", documents)["501:3.2"]).toBe("not met");
  });

  it("names the empty quadrants of the SWOT", () => {
    const { documents } = generateDemoPortfolio(5, "certificate-complete");
    (documents.find((d) => d.id === "coach-swot")!.data.swot as Record<string, string>).threats = " ";
    const finding = checkPortfolio("503", documents, { today: TODAY }).findings.find((f) => f.criterion === "503:2.1")!;
    expect(finding.status).toBe("not met");
    expect(finding.pointers).toContainEqual({ document: "coach-swot", path: "/swot/threats" });
    expect(finding.reasons[0]).toContain("“Threats or barriers to you as a coach or mentor”");
  });

  it("finds nothing to check in an empty portfolio and says why", () => {
    const result = checkPortfolio("501", [], { today: TODAY });
    expect(result.findings.find((f) => f.criterion === "501:2.1")!.reasons[0]).toBe("No coaching sessions are recorded in the portfolio's session logs or records.");
    expect(result.summary).toMatchObject({ coachingHours: 0, clients: [], sessions: 0 });
  });

  it("throws for a unit that does not exist", () => {
    expect(() => checkPortfolio("599", [])).toThrow("There is no unit 599");
  });

  it("counts a plan's span inclusively: dated 1 January, last action due 31 December, is 12 months and met", () => {
    const { documents } = generateDemoPortfolio(5, "certificate-complete");
    const plan = documents.find((d) => d.id === "pdp")!;
    const rows = plan.data.rows as Array<{ when: string }>;
    plan.data.date = "2026-01-01";
    rows.forEach((row, i) => (row.when = i === rows.length - 1 ? "2026-12-31" : "2026-06-30"));
    const finding = checkPortfolio("503", documents, { today: TODAY }).findings.find((f) => f.reasons.some((r) => r.startsWith("The personal development plan")))!;
    expect(finding.status).toBe("met");
    expect(finding.reasons[0]).toBe(
      "The personal development plan runs from 2026-01-01 to 2026-12-31, 12 whole months counting both days (the earliest date to the end of the latest); Unit 503 needs at least 12.",
    );
    rows[rows.length - 1]!.when = "2026-12-30";
    const short = checkPortfolio("503", documents, { today: TODAY }).findings.find((f) => f.criterion === finding.criterion)!;
    expect(short.status).toBe("not met");
    expect(short.reasons[0]).toContain("11 whole months counting both days");
  });

  it("finds a name in a supervision record and in a client reference, beside the session records", () => {
    const { documents } = generateDemoPortfolio(5, "certificate-complete");
    const clean = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:2.2")!;
    expect(clean.status).toBe("met");
    expect(clean.reasons).toContainEqual(expect.stringMatching(/^No free text or client reference in the \d+ documents of Unit 501 looks like it names a person\.$/));
    const supervision = documents.find((d) => d.template === "ilm-8588/supervision-record")!;
    supervision.data.outcomes = "We talked about how to challenge Sarah when she avoids the question.";
    supervision.data.clientsDiscussed = ["Client 1", "Tom Baker"];
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:2.2")!;
    expect(finding.status).toBe("for the assessor");
    expect(finding.pointers).toEqual(expect.arrayContaining([
      { document: supervision.id, path: "/outcomes" },
      { document: supervision.id, path: "/clientsDiscussed/1" },
    ]));
    expect(finding.reasons.join(" ")).toContain(`“Sarah” in “Outcomes of the supervision session” of Outcomes of a supervision session supervision-record-1`);
    expect(finding.reasons.join(" ")).toContain(`“Tom” in “Client Ref/ID” of Outcomes of a supervision session supervision-record-1`);
  });

  it("counts the months a span covers, both days included", () => {
    expect(monthsCovered("2026-01-01", "2026-12-31")).toBe(12);
    expect(monthsCovered("2026-01-15", "2027-01-14")).toBe(12);
    expect(monthsCovered("2026-01-15", "2027-01-13")).toBe(11);
    expect(monthsCovered("2026-01-31", "2026-02-28")).toBe(1);
    expect(monthsCovered("2026-03-01", "2026-03-01")).toBe(0);
  });

  it("counts whole calendar months", () => {
    expect(monthsBetween("2025-01-31", "2026-01-31")).toBe(12);
    expect(monthsBetween("2025-01-31", "2026-01-30")).toBe(11);
    expect(monthsBetween("2025-05-31", "2026-04-30")).toBe(11);
    expect(monthsBetween("2025-03-15", "2026-03-14")).toBe(11);
  });
});

describe("the tools check's combined scan", () => {
  it("reads tools in capitals and tools in any case in the order written, each sentence judged on its own", () => {
    const documents = reflectiveLogsAlone(generateDemoPortfolio(5, "certificate-complete").documents);
    const logs = documents.filter((d) => d.template === "ilm-8588/reflective-log");
    for (const log of logs) delete log.data.modelsAndTools;
    // A verb "grow" is no tool; the wheel of life (any case) comes before OSCAR (capitals) and both
    // before the Johari window; only the first two sentences give a reason.
    logs[0]!.data.modelsAndTools = "I used the Wheel of Life and then OSCAR because she needed to grow in confidence. We tried the Johari window; it was quick.";
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:3.2")!;
    expect(finding.status).toBe("met");
    expect(finding.reasons[0]).toMatch(/^The reflective logs name and give reasons for wheel of life and OSCAR; .* Johari window is named without a reason\.$/);
    expect(finding.pointers).toEqual([{ document: logs[0]!.id, path: "/modelsAndTools" }]);
  });


  it("may put a word boundary in front of every tool pattern, because every alternative of each already starts with one", () => {
    for (const { name, pattern } of TOOLS) {
      const alternatives: string[] = [];
      let depth = 0;
      let current = "";
      for (let i = 0; i < pattern.source.length; i++) {
        const char = pattern.source[i]!;
        if (char === "\\") {
          current += char + pattern.source[++i]!;
          continue;
        }
        if (char === "(") depth++;
        if (char === ")") depth--;
        if (char === "|" && depth === 0) {
          alternatives.push(current);
          current = "";
        } else current += char;
      }
      alternatives.push(current);
      for (const alternative of alternatives) expect(alternative.startsWith("\\b"), `${name}: ${alternative}`).toBe(true);
    }
  });
});
