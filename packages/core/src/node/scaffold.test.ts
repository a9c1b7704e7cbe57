import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { schemasDir } from "../test/schemasDir.ts";
import { lintSchemas } from "./lintSchemas.ts";
import { scaffoldTemplate, scaffoldUnit } from "./scaffold.ts";

const dir = mkdtempSync(join(tmpdir(), "ilm-scaffold-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(schemasDir, dir, { recursive: true });

describe("scaffoldTemplate() and scaffoldUnit()", () => {
  it("write a template, a unit of an existing scheme and a new scheme's first unit that lint passes at once", () => {
    expect(scaffoldTemplate(dir, "ilm-8588/team-log").written).toEqual(["ilm-8588/templates/team-log.schema.json", "ilm-8588/templates/team-log.ui.json", "ilm-8588/examples/team-log.json"]);
    expect(scaffoldUnit(dir, "ilm-8588", "701").written).toEqual(["ilm-8588/qualification.json"]);
    scaffoldTemplate(dir, "acme-awards/session-notes");
    scaffoldUnit(dir, "acme-awards", "101");
    const report = lintSchemas(dir);
    expect(report.problems).toEqual([]);
    expect(report.qualifications).toBe(3);
    const qualification = JSON.parse(readFileSync(join(dir, "acme-awards/qualification.json"), "utf8")) as { id: string; units: Array<{ id: string }> };
    expect(qualification.id).toBe("acme-awards");
    expect(qualification.units.map((u) => u.id)).toEqual(["101"]);
  });

  it("refuses a name of the wrong shape, a file that exists and a unit that exists", () => {
    expect(() => scaffoldTemplate(dir, "ilm-8588/Team Log")).toThrow(/is not <scheme>\/<name> in lower case with hyphens/);
    expect(() => scaffoldTemplate(dir, "ilm-8588/contract")).toThrow("ilm-8588/templates/contract.schema.json exists already");
    expect(() => scaffoldUnit(dir, "ilm-8588", "501")).toThrow("ilm-8588/qualification.json has a unit 501 already");
  });
});
