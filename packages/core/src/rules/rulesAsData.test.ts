import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileTemplate } from "../compile/compileTemplate.ts";
import { loadTemplates } from "../node/loadTemplates.ts";
import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Qualification } from "../qualification/types.ts";
import { createRegistry } from "../registry/createRegistry.ts";
import { schemasDir } from "../test/schemasDir.ts";
import { checkPortfolio } from "../builtin.ts";
import { compileUnitRules } from "./compileRules.ts";

const TODAY = "2027-06-01";
const DIARY = "ilm-l7-extended-diary/extended-diary";
const { templates, qualifications } = loadTemplates(schemasDir);
const registry = createRegistry(templates.map(compileTemplate), qualifications);
const example = (JSON.parse(readFileSync(join(schemasDir, "ilm-l7-extended-diary/examples/extended-diary.json"), "utf8")) as { valid: Array<Record<string, unknown>> }).valid[0]!;

/** The example diary with its log made of `rows` sessions of two hours, over four clients. */
function diaryOf(rows: number, change?: (row: Record<string, unknown>, i: number) => void): PortfolioDocument {
  const data = structuredClone(example) as { sessions: { sessionLog: Array<Record<string, unknown>> } };
  const template = data.sessions.sessionLog[0]!;
  data.sessions.sessionLog = Array.from({ length: rows }, (_, i) => {
    const row = { ...template, clientRef: `Client ${(i % 4) + 1}`, date: `2026-${String(1 + Math.floor(i / 5)).padStart(2, "0")}-${String(1 + (i % 5) * 5).padStart(2, "0")}`, duration: 120 };
    change?.(row, i);
    return row;
  });
  return { id: "diary", template: DIARY, data };
}
const diaryFindings = (document: PortfolioDocument) =>
  Object.fromEntries(checkPortfolio({ qualification: "ilm-l7-extended-diary", unit: "extended-diary" }, [document], { registry, today: TODAY }).findings.map((f) => [f.criterion, f]));

describe("rules declared as data", () => {
  it("the extended diary counts the hours of its own session log, one client a row, against its 100 hours", () => {
    const short = diaryFindings({ id: "diary", template: DIARY, data: example });
    expect(short["extended-diary:2.1"]!.status).toBe("not met");
    expect(short["extended-diary:2.1"]!.reasons).toEqual([
      "6.25 hours of coaching are recorded over 4 sessions (Client 1: 1.5; Client 3: 2; Client 2: 1.5; Client 4: 1.25); the Extended Coaching or Mentoring Diary needs at least 100.",
    ]);
    const enough = diaryFindings(diaryOf(50));
    expect(enough["extended-diary:2.1"]!.status).toBe("for the assessor");
    expect(enough["extended-diary:2.1"]!.reasons[0]).toBe("100 hours of coaching are recorded over 50 sessions (Client 1: 26; Client 2: 26; Client 3: 24; Client 4: 24); the Extended Coaching or Mentoring Diary needs at least 100.");
  });

  it("the extended diary's supervision and the feedback in every session row", () => {
    const findings = diaryFindings(diaryOf(50, (row, i) => i === 7 && delete row.feedback));
    expect(findings["extended-diary:3.2"]!.reasons[0]).toBe("5 hours of supervision are recorded; the Extended Coaching or Mentoring Diary sets no minimum.");
    expect(findings["extended-diary:3.3"]).toEqual({
      criterion: "extended-diary:3.3",
      status: "not met",
      reasons: ["1 session has no feedback from the client: Client 4's session of 2026-02-11."],
      pointers: [{ document: "diary", path: "/sessions/sessionLog/7" }],
    });
    expect(Object.values(findings).filter((f) => f.status === "met")).toEqual([]);
  });

  it("a criterion with no declared check says so", () => {
    const qualification = structuredClone(registry.qualification("ilm-l7-extended-diary")!) as Qualification;
    delete qualification.units[0]!.learningOutcomes[0]!.criteria[0]!.checks;
    const check = checkPortfolio("extended-diary", [], { registry, qualification, today: TODAY });
    expect(check.findings[0]).toEqual({ criterion: "extended-diary:1.1", status: "for the assessor", reasons: ["No automatic check is declared for this criterion; the assessor judges it from the evidence."], pointers: [] });
  });

  it("runs against a registry that holds only some of the templates the rules name (they have no documents there)", () => {
    const some = createRegistry(["ilm-8588/hours-log", "ilm-8588/session-record"].map((id) => registry.entry(id)!), registry.qualifications());
    const documents: PortfolioDocument[] = [{ id: "log", template: "ilm-8588/hours-log", data: { clientRef: "Client 1", sessions: [{ sessionNo: 1, sessionDate: "2027-01-05", duration: 120 }] } }];
    const findings = checkPortfolio("501", documents, { registry: some, today: TODAY }).findings;
    expect(findings.find((f) => f.criterion === "501:2.1")!.reasons[0]).toBe("2 hours of coaching are recorded over 1 session (Client 1: 2); Unit 501 needs at least 18.");
    expect(findings.find((f) => f.criterion === "501:1.1")!.reasons).toEqual(["There is no programme plan for Client 1."]);
  });

  it("compiles a check declared the same way on two criteria once, so it runs once per portfolio", () => {
    const qualification = registry.qualification("ilm-8588")!;
    const unit = qualification.units.find((u) => u.id === "501" && u.current)!;
    const rules = compileUnitRules(qualification, unit, registry.listAllVersions());
    // 3.1 also reads the written statement of conclusions, so it is a check of its own.
    expect(rules.criteria.get("2.4")!.checks[0]).not.toBe(rules.criteria.get("3.1")!.checks[0]);
    expect(rules.criteria.get("3.1")!.judgement).toBe(true);
    expect(rules.criteria.get("3.3")!.reads).toEqual(new Set(["ilm-8588/supervision-record"]));
    const earlier = qualification.units.find((u) => u.id === "501" && !u.current)!;
    const earlierRules = compileUnitRules(qualification, earlier, registry.listAllVersions());
    expect(earlierRules.criteria.get("3.2")!.checks[0]).toBe(earlierRules.criteria.get("3.3")!.checks[0]);
  });
});

describe("a new unit with rules, JSON only (as docs/schema-authoring.md describes)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ilm-rules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(schemasDir, "common"), join(dir, "common"), { recursive: true });
  cpSync(join(schemasDir, "qualification.schema.json"), join(dir, "qualification.schema.json"));
  cpSync(join(import.meta.dirname, "fixtures/acme-team-coaching"), join(dir, "acme-team-coaching"), { recursive: true });
  const acmeRegistry = () => {
    const loaded = loadTemplates(dir);
    return createRegistry(loaded.templates.map(compileTemplate), loaded.qualifications);
  };

  it("loads, checks and gives findings with the reasons and pointers of the declared checks", () => {
    const acme = acmeRegistry();
    const documents: PortfolioDocument[] = [
      { id: "team-a/log", template: "acme-team-coaching/team-session-log", data: { teamRef: "Team A", sessions: [{ date: "2027-01-10", hours: 3 }, { date: "2027-02-10", hours: 3 }] } },
      { id: "team-b/log", template: "acme-team-coaching/team-session-log", data: { teamRef: "Team B", sessions: [{ date: "2027-01-12", hours: 2.5 }] } },
      { id: "team-a/agreement", template: "acme-team-coaching/team-agreement", data: { teamRef: "Team A", coach: { name: "Sam Coach", date: "2027-01-02" }, sponsor: { name: "Ann Sponsor", date: "2027-01-03" } } },
      { id: "team-b/agreement", template: "acme-team-coaching/team-agreement", data: { teamRef: "Team B", coach: { name: "Sam Coach", date: "2027-01-05" } } },
    ];
    const check = checkPortfolio({ qualification: "acme-team-coaching", unit: "701" }, documents, { registry: acme, today: TODAY });
    expect(check.findings).toEqual([
      {
        criterion: "701:1.1",
        status: "not met",
        reasons: ["8.5 hours of coaching are recorded over 3 sessions (Team A: 6; Team B: 2.5); Unit 701 needs at least 10."],
        pointers: [{ document: "team-a/log" }, { document: "team-b/log" }],
      },
      { criterion: "701:1.2", status: "met", reasons: ["2 clients had coaching sessions (Team A, Team B); Unit 701 needs 2 or more."], pointers: [] },
      {
        criterion: "701:1.3",
        status: "not met",
        reasons: ["Team B's team agreement: “Sponsor” is not signed."],
        pointers: [{ document: "team-a/agreement" }, { document: "team-b/agreement", path: "/sponsor" }],
      },
      { criterion: "701:1.4", status: "for the assessor", reasons: ["No automatic check is declared for this criterion; the assessor judges it from the evidence."], pointers: [] },
      {
        criterion: "701:1.5",
        status: "met",
        reasons: [
          "8.5 hours of team coaching are recorded (Team A: 6 hours; Team B: 2.5 hours); Unit 701 needs at least 6 hours.",
          "2 teams appear in the team coaching logs (Team A, Team B); Unit 701 needs 2 or more.",
        ],
        pointers: [
          { document: "team-a/log", path: "/sessions/0/hours" },
          { document: "team-a/log", path: "/sessions/1/hours" },
          { document: "team-b/log", path: "/sessions/0/hours" },
        ],
      },
    ]);
    expect(check.summary.coachingHours).toBe(8.5);
  });

  it("counts hours of a role and distinct clients in the documents of one template only: team coaching beside one-to-one", () => {
    const acme = acmeRegistry();
    const documents: PortfolioDocument[] = [
      { id: "team-a/log", template: "acme-team-coaching/team-session-log", data: { teamRef: "Team A", sessions: [{ date: "2027-01-10", hours: 3 }, { date: "2027-02-10", hours: 2.75 }] } },
      { id: "client-1/log", template: "acme-team-coaching/coaching-log", data: { clientRef: "Client 1", sessions: [{ date: "2027-01-11", hours: 4 }] } },
      { id: "client-2/log", template: "acme-team-coaching/coaching-log", data: { clientRef: "Client 2", sessions: [{ date: "2027-01-12", hours: 1.5 }] } },
    ];
    const findings = Object.fromEntries(checkPortfolio({ qualification: "acme-team-coaching", unit: "701" }, documents, { registry: acme, today: TODAY }).findings.map((f) => [f.criterion, f]));
    // Every session counts towards the coaching hours and the clients ...
    expect(findings["701:1.1"]!.status).toBe("met");
    expect(findings["701:1.1"]!.reasons[0]).toMatch(/^11\.25 hours of coaching are recorded over 4 sessions/);
    expect(findings["701:1.2"]!.reasons[0]).toBe("3 clients had coaching sessions (Team A, Client 1, Client 2); Unit 701 needs 2 or more.");
    // ... the team coaching only the team logs': 5.75 hours with one team.
    expect(findings["701:1.5"]).toEqual({
      criterion: "701:1.5",
      status: "not met",
      reasons: [
        "5.75 hours of team coaching are recorded (Team A: 5.75 hours); Unit 701 needs at least 6 hours.",
        "1 team appears in the team coaching logs (Team A); Unit 701 needs at least 2.",
      ],
      pointers: [
        { document: "team-a/log", path: "/sessions/0/hours" },
        { document: "team-a/log", path: "/sessions/1/hours" },
      ],
    });
  });

  it("says what the scheme's sessions are of where it declares it (sessions.activity)", () => {
    const acme = acmeRegistry();
    const qualification = structuredClone(acme.qualification("acme-team-coaching")!) as Qualification;
    qualification.sessions = { ...qualification.sessions!, activity: "mentoring" };
    const documents: PortfolioDocument[] = [{ id: "client-1/log", template: "acme-team-coaching/coaching-log", data: { clientRef: "Client 1", sessions: [{ date: "2027-01-11", hours: 4 }] } }];
    const findings = checkPortfolio({ qualification: "acme-team-coaching", unit: "701" }, documents, { registry: acme, qualification, today: TODAY }).findings;
    expect(findings[0]!.reasons).toEqual(["4 hours of mentoring are recorded over 1 session (Client 1: 4); Unit 701 needs at least 10."]);
    expect(findings[1]!.reasons).toEqual(["1 client had mentoring sessions (Client 1); Unit 701 needs at least 2."]);
    expect(checkPortfolio({ qualification: "acme-team-coaching", unit: "701" }, [], { registry: acme, qualification, today: TODAY }).findings[0]!.reasons).toEqual(["No mentoring sessions are recorded in the portfolio's session logs or records."]);
  });

  it("refuses, naming the file and the path, documents without the role for roleHours, an unknown template, and documents without what", () => {
    const file = join(dir, "acme-team-coaching/qualification.json");
    const original = readFileSync(file, "utf8");
    try {
      const data = JSON.parse(original) as Qualification;
      const checks = data.units[0]!.learningOutcomes[0]!.criteria[4]!.checks! as unknown as Array<{ documents: string[]; what?: string }>;
      checks[0]!.documents = ["team-agreement"];
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadTemplates(dir)).toThrow('acme-team-coaching/qualification.json: /units/0/learningOutcomes/0/criteria/4/checks/0/role: no field of team-agreement has the role "duration"');
      checks[0]!.documents = ["team-session-log"];
      checks[1]!.documents = ["team-agreement-typo"];
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadTemplates(dir)).toThrow(/criteria\/4\/checks\/1\/documents\/0/);
      checks[1]!.documents = ["team-session-log"];
      delete checks[1]!.what;
      writeFileSync(file, JSON.stringify(data));
      expect(() => loadTemplates(dir)).toThrow(/checks\/1 must have property what when property documents is present/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it("fails to load when the unit's data names a check the vocabulary lacks, naming the file and the path", () => {
    const file = join(dir, "acme-team-coaching/qualification.json");
    const data = JSON.parse(readFileSync(file, "utf8")) as Qualification;
    data.units[0]!.learningOutcomes[0]!.criteria[0]!.checks = [{ kind: "teamHours", atLeast: 10 }];
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadTemplates(dir)).toThrow(/^acme-team-coaching\/qualification\.json: \/units\/0\/learningOutcomes\/0\/criteria\/0\/checks\/0\/kind must be one of "sessionHours"/);
  });
});
