import { describe, expect, it } from "vitest";
import { builtinRegistry as registry } from "../registry/builtinRegistry.ts";
import { allowedActions, provisionalDecision, transitionDecision } from "./decisionState.ts";
import { qualificationOutcome } from "./qualificationOutcome.ts";
import { markedOutcome } from "./markedOutcome.ts";
import { totalMarks } from "./totalMarks.ts";
import { unitOutcome } from "./unitOutcome.ts";

const unit501 = registry.unit("ilm-8588", "501")!;
const qualification = registry.qualification("ilm-8588")!;
const diary = registry.unit("ilm-l7-extended-diary", "extended-diary")!;
const allPass = Object.fromEntries(unit501.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => [c.id, "Pass" as const])));

describe("unitOutcome()", () => {
  it("is Pass only when every criterion is Pass", () => {
    expect(unitOutcome(unit501, allPass)).toEqual({ outcome: "Pass", referred: [], undecided: [] });
  });
  it("is Referral when any criterion is referred, naming it", () => {
    expect(unitOutcome(unit501, { ...allPass, "2.1": "Referral" })).toEqual({ outcome: "Referral", referred: ["501:2.1"], undecided: [] });
  });
  it("is not yet decided while a criterion has no decision; accepts unit:criterion keys", () => {
    const { "3.4": _omitted, ...rest } = allPass;
    expect(unitOutcome(unit501, rest)).toEqual({ outcome: "Not yet decided", referred: [], undecided: ["501:3.4"] });
    expect(unitOutcome(unit501, { ...rest, "501:3.4": "Pass" }).outcome).toBe("Pass");
  });
  it("refuses a decision for a criterion the unit does not have, naming it", () => {
    expect(() => unitOutcome(unit501, { ...allPass, "4.1": "Pass" })).toThrow("Unit 501 version 2.0 has no criterion 4.1");
    expect(() => unitOutcome(unit501, { ...allPass, "502:2.1": "Referral" })).toThrow("has no criterion 502:2.1");
    const earlier = registry.unit("ilm-8588", "501", "earlier")!;
    expect(() => unitOutcome(earlier, { ...allPass })).toThrow("Unit 501 version earlier has no criterion 3.4");
    expect(unitOutcome(unit501, { ...allPass, "4.1": undefined }).outcome).toBe("Pass");
  });
});

describe("qualificationOutcome()", () => {
  it("achieves the Certificate with 500, 501 and 503, read from the routes", () => {
    expect(qualificationOutcome(qualification, "certificate", { "500": "Pass", "501": "Pass", "503": "Pass" })).toEqual({ route: "certificate", achieved: true, outstanding: [] });
    expect(qualificationOutcome(qualification, "diploma", { "500": "Pass", "501": "Pass", "503": "Pass" })).toEqual({ route: "diploma", achieved: false, outstanding: ["502"] });
  });
  it("takes unit outcomes as computed", () => {
    const referred = unitOutcome(unit501, { ...allPass, "1.3": "Referral" });
    expect(qualificationOutcome(qualification, "certificate", { "500": "Pass", "501": referred, "503": "Pass" }).outstanding).toEqual(["501"]);
  });
  it("throws for an unknown route", () => {
    expect(() => qualificationOutcome(qualification, "masters", {})).toThrow("ilm-8588 has no route masters");
  });
});

describe("totalMarks()", () => {
  const full = Object.fromEntries(diary.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => [c.id, c.maxMarks!])));
  it("adds marks out of the unit's total", () => {
    expect(totalMarks(diary, full)).toEqual({ total: 100, outOf: 100, errors: [] });
    expect(totalMarks(diary, { ...full, "2.1": 20 }).total).toBe(88);
  });
  it("refuses a mark above its maximum, a fraction, a missing mark and an unknown criterion", () => {
    const { "5.1": _missing, ...rest } = full;
    const result = totalMarks(diary, { ...rest, "1.1": 5, "2.2": 2.5, "9.9": 1 });
    expect(result.errors).toEqual([
      "Criterion 1.1: 5 is more than its maximum of 4.",
      "Criterion 2.2: 2.5 is not a whole number of marks from 0 to 8.",
      "Criterion 5.1 has no mark yet (out of 12).",
      "Unit extended-diary has no criterion 9.9.",
    ]);
    expect(result.total).toBe(100 - 4 - 8 - 12);
  });
});

describe("markedOutcome()", () => {
  const marks = Object.fromEntries(diary.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => [`${diary.id}:${c.id}`, c.maxMarks!])));
  const seventyTwo = { ...marks, [`${diary.id}:2.1`]: 4 }; // 100 - 32 + 4
  it("is the total out of the unit's marks, never Pass or Referral, where the data declares no pass mark", () => {
    expect(diary.passMark).toBeUndefined();
    const outcome = markedOutcome(diary, seventyTwo);
    expect(outcome).toEqual({ total: 72, outOf: 100, words: "72 out of 100", errors: [] });
    expect(outcome.outcome).toBeUndefined();
    expect(markedOutcome(diary, { ...seventyTwo, [`${diary.id}:1.1`]: 0 }).words).toBe("68 out of 100");
  });
  it("is Pass at or above a declared pass mark and Referral below it", () => {
    const declared = { ...diary, passMark: 72 };
    expect(markedOutcome(declared, seventyTwo)).toMatchObject({ total: 72, passMark: 72, outcome: "Pass", words: "72 out of 100 (pass mark 72): Pass" });
    expect(markedOutcome(declared, { ...seventyTwo, [`${diary.id}:1.1`]: 3 })).toMatchObject({ total: 71, outcome: "Referral", words: "71 out of 100 (pass mark 72): Referral" });
  });
  it("withholds Pass/Referral while a mark is missing or above its maximum", () => {
    const { [`${diary.id}:5.1`]: _missing, ...rest } = marks;
    const outcome = markedOutcome({ ...diary, passMark: 10 }, rest);
    expect(outcome.outcome).toBeUndefined();
    expect(outcome.errors).toEqual(["Criterion 5.1 has no mark yet (out of 12)."]);
    expect(outcome.words).toBe("88 out of 100 (pass mark 10)");
  });
});

describe("decision state", () => {
  const at = "2027-01-01T10:00:00Z";
  it("goes provisional → returned (with comments) → provisional → ratified", () => {
    let decision = provisionalDecision();
    decision = transitionDecision(decision, "return", { role: "iqa", at, comments: "Hours for Client 2 do not add up." });
    expect(decision.state).toBe("returned");
    expect(allowedActions(decision, "assessor")).toEqual(["revise"]);
    decision = transitionDecision(decision, "revise", { role: "assessor", at });
    decision = transitionDecision(decision, "ratify", { role: "iqa", at });
    expect(decision.state).toBe("ratified");
    expect(decision.history.map((e) => `${e.from}>${e.to}`)).toEqual(["provisional>returned", "returned>provisional", "provisional>ratified"]);
    expect(allowedActions(decision, "iqa")).toEqual([]);
  });
  it("refuses moves that are not allowed", () => {
    const decision = provisionalDecision();
    expect(() => transitionDecision(decision, "ratify", { role: "assessor", at })).toThrow("Only iqa may ratify a decision, not assessor.");
    expect(() => transitionDecision(decision, "return", { role: "iqa", at, comments: "  " })).toThrow("Comments are required to return a decision.");
    expect(() => transitionDecision(decision, "revise", { role: "assessor", at })).toThrow("A provisional decision cannot be revised; only a returned one can.");
    const ratified = transitionDecision(decision, "ratify", { role: "iqa", at });
    expect(() => transitionDecision(ratified, "return", { role: "iqa", at, comments: "late" })).toThrow("A ratified decision cannot be returned");
    expect(transitionDecision(ratified, "reopen", { role: "centre-admin", at, comments: "Appeal upheld" }).state).toBe("provisional");
  });
});
