import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Qualification } from "../qualification/types.ts";
import { schemasDir } from "../test/schemasDir.ts";
import { checkQualification } from "./checkQualification.ts";
import { loadTemplates } from "./loadTemplates.ts";
import { CHECK_KINDS } from "../rules/checkKindNames.ts";

// loadTemplates checks every qualification.json as it loads (the build runs it); here each kind of
// fault is shown to fail with the file and the JSON pointer of the fault.
const { templates } = loadTemplates(schemasDir);
const FILE = "ilm-8588/qualification.json";
const original = JSON.parse(readFileSync(join(schemasDir, FILE), "utf8")) as Qualification;
const unit501 = original.units.findIndex((u) => u.id === "501" && u.current);

/** The 8588 data with one change made to a copy. */
function changed(change: (q: Qualification & Record<string, unknown>) => void): Qualification {
  const copy = structuredClone(original) as Qualification & Record<string, unknown>;
  change(copy);
  return copy;
}
const check = (q: Qualification): void => checkQualification(q, FILE, schemasDir, templates);
const firstCheckOf = (q: Qualification, criterion: number) => q.units[unit501]!.learningOutcomes[1]!.criteria[criterion]!.checks![0]! as Record<string, unknown>;

describe("checkQualification()", () => {
  it("accepts every qualification.json under schemas/", () => {
    for (const file of [FILE, "ilm-l7-extended-diary/qualification.json"]) {
      expect(() => checkQualification(JSON.parse(readFileSync(join(schemasDir, file), "utf8")) as Qualification, file, schemasDir, templates)).not.toThrow();
    }
  });

  it("refuses a misspelt threshold, naming the file, the path and the key", () => {
    const q = changed((c) => {
      const thresholds = c.units[unit501]!.thresholds as Record<string, unknown>;
      thresholds.coachingHour = thresholds.coachingHours;
      delete thresholds.coachingHours;
    });
    expect(() => check(q)).toThrow(`${FILE}: /units/${unit501}/thresholds has an unknown key "coachingHour"`);
  });

  it("refuses an unknown key at the top, in a unit and in a criterion", () => {
    expect(() => check(changed((c) => (c.sesions = { logs: ["hours-log"] })))).toThrow(`${FILE}: / has an unknown key "sesions"`);
    expect(() => check(changed((c) => ((c.units[unit501] as unknown as Record<string, unknown>).threshold = {}))))
      .toThrow(`/units/${unit501} has an unknown key "threshold"`);
    expect(() => check(changed((c) => ((c.units[unit501]!.learningOutcomes[0]!.criteria[0] as unknown as Record<string, unknown>).check = [])))).toThrow(
      `/units/${unit501}/learningOutcomes/0/criteria/0 has an unknown key "check"`,
    );
  });

  it("refuses an unknown kind of check and a parameter the kind does not take", () => {
    expect(() => check(changed((c) => (firstCheckOf(c, 0).kind = "sessionHour")))).toThrow(/\/criteria\/0\/checks\/0\/kind must be one of "sessionHours", "roleHours"/);
    expect(() => check(changed((c) => (firstCheckOf(c, 0).atleast = 3)))).toThrow(`/units/${unit501}/learningOutcomes/1/criteria/0/checks/0 has an unknown key "atleast"`);
    expect(() => check(changed((c) => delete firstCheckOf(c, 3).what))).toThrow(/criteria\/3\/checks\/0 must have required property 'what'/);
  });

  it("refuses a threshold the unit does not have, a template not in the folder and a role no template named carries", () => {
    expect(() => check(changed((c) => delete c.units[unit501]!.thresholds!.coachingHours))).toThrow(
      `${FILE}: /units/${unit501}/learningOutcomes/1/criteria/0/checks/0/atLeast/threshold: unit 501 version 2.0 has no threshold "coachingHours"`,
    );
    expect(() => check(changed((c) => (firstCheckOf(c, 3).documents = ["reflective-logs"])))).toThrow(
      `/units/${unit501}/learningOutcomes/1/criteria/3/checks/0/documents/0: there is no template "reflective-logs" in ilm-8588`,
    );
    expect(() => check(changed((c) => (c.units[unit501]!.learningOutcomes[0]!.criteria[1]!.checks![0]! as Record<string, unknown>).role = "development-needs"))).toThrow(
      `/units/${unit501}/learningOutcomes/0/criteria/1/checks/0/role: no field of development-needs has the role "development-needs"`,
    );
  });
});

describe("a pass mark (marks scheme only, and only where the source gives one)", () => {
  const DIARY = "ilm-l7-extended-diary/qualification.json";
  const diary = JSON.parse(readFileSync(join(schemasDir, DIARY), "utf8")) as Qualification;
  it("is absent from the extended diary: its source (seed 002) gives maxima and no pass mark", () => {
    expect(diary.units.every((u) => u.passMark === undefined)).toBe(true);
  });
  it("may be declared on a marks unit, up to its total, and not on a pass-referral unit", () => {
    const withPassMark = structuredClone(diary);
    withPassMark.units[0]!.passMark = 50;
    expect(() => checkQualification(withPassMark, DIARY, schemasDir, templates)).not.toThrow();
    withPassMark.units[0]!.passMark = 101;
    expect(() => checkQualification(withPassMark, DIARY, schemasDir, templates)).toThrow(`${DIARY}: /units/0/passMark: 101 is more than the unit's totalMarks of 100`);
    expect(() => check(changed((q) => { q.units[unit501]!.passMark = 50; }))).toThrow(FILE);
  });
});

describe("the check vocabulary", () => {
  const metaSchema = JSON.parse(readFileSync(join(schemasDir, "qualification.schema.json"), "utf8")) as { $defs: { check: { properties: { kind: { enum: string[] } }; allOf: Array<{ if: { properties: { kind: { const: string } } } }> } } };
  const guide = readFileSync(join(schemasDir, "../docs/schema-authoring.md"), "utf8");

  it("is the same in the code, the meta-schema (one branch of parameters a kind) and the schema-authoring guide (a row and an example a kind)", () => {
    const check = metaSchema.$defs.check;
    expect(check.properties.kind.enum).toEqual(CHECK_KINDS);
    expect(check.allOf.map((branch) => branch.if.properties.kind.const)).toEqual(CHECK_KINDS);
    for (const kind of CHECK_KINDS) {
      expect(guide, kind).toContain(`| \`${kind}\` |`);
      expect(guide, kind).toContain(`{ "kind": "${kind}"`);
    }
  });
});
