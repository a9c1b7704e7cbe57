import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { schemasDir } from "../test/schemasDir.ts";
import { lintSchemas } from "./lintSchemas.ts";

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

// The files are changed as JSON, whatever their shape: a loose type keeps each change to one line.
type Json = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of schemas/ with one change made to one JSON file. */
function changedCopy(file: string, change: (json: Json) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "ilm-lint-"));
  copies.push(dir);
  cpSync(schemasDir, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), "utf8")) as Json;
  change(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

describe("lintSchemas()", () => {
  it("finds no problem in schemas/", () => {
    const report = lintSchemas(schemasDir);
    expect(report.problems).toEqual([]);
    expect(report.qualifications).toBe(2);
    expect(report.examples).toBeGreaterThan(100);
  });

  it("says what the build says of a qualification.json that does not match the meta-schema", () => {
    const dir = changedCopy("ilm-8588/qualification.json", (q) => {
      const unit = q.units.find((u: { id: string; current: boolean }) => u.id === "501" && u.current);
      unit.thresholds.coachingHour = unit.thresholds.coachingHours;
      delete unit.thresholds.coachingHours;
    });
    expect(lintSchemas(dir).problems).toEqual([expect.stringMatching(/^ilm-8588\/qualification\.json: \/units\/\d+\/thresholds has an unknown key "coachingHour"/)]);
  });

  it("finds a criterion no template evidences that is not declared for the assessor", () => {
    const dir = changedCopy("ilm-8588/qualification.json", (q) => {
      const unit = q.units.find((u: { id: string }) => u.id === "500");
      unit.learningOutcomes[0].criteria.push({ id: "1.9", text: "A criterion nothing evidences" });
    });
    expect(lintSchemas(dir).problems).toEqual([
      expect.stringMatching(/^ilm-8588\/qualification\.json: \/units\/0\/learningOutcomes\/0\/criteria\/5: no template's x-ilm\.criteria names 500:1\.9 and it does not declare forTheAssessor$/),
    ]);
  });

  it("finds an invalid example that is accepted, one refused for another reason, and a valid one refused", () => {
    const dir = changedCopy("ilm-8588/examples/session-record.json", (examples) => {
      examples.invalid[0].document = structuredClone(examples.valid[0]);
      examples.invalid[1].keyword = "maxLength";
      examples.valid[0].sessionNo = 0;
    });
    const problems = lintSchemas(dir).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^ilm-8588\/examples\/session-record\.json: \/valid\/0 is refused at \/sessionNo \(minimum\)/);
    expect(problems[1]).toMatch(/^ilm-8588\/examples\/session-record\.json: \/invalid\/0 \(.+\) is accepted; it should be refused at /);
    expect(problems[2]).toMatch(/^ilm-8588\/examples\/session-record\.json: \/invalid\/1 \(.+\) is refused, but not at .+ \(maxLength\)/);
  });
});
