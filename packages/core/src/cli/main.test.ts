import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const cli = join(import.meta.dirname, "../../dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "ilm-forms-cli-"));
const ilmForms = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

describe("ilm-forms (built CLI)", () => {
  it("writes a demo portfolio and prints its findings per criterion", () => {
    const file = join(dir, "short-hours.json");
    expect(ilmForms("demo", "short-hours", "--seed", "4", "--out", file).status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).profile).toBe("short-hours");
    const result = ilmForms("check", file, "--unit", "501", "--today", "2027-01-01");
    expect(result.status).toBe(1); // a criterion is not met
    expect(result.stdout).toContain("Unit 501 (ilm-8588, version 2.0)");
    expect(result.stdout).toMatch(/501:2\.1 {2}✗ not met\n {9}17\.5 hours of coaching are recorded/);
    expect(result.stdout).toContain("1 not met");
  });

  it("checks every registered unit and prints JSON on request", () => {
    const file = join(dir, "certificate.json");
    execFileSync(process.execPath, [cli, "demo", "certificate-complete", "--seed", "2", "--out", file]);
    const result = ilmForms("check", file, "--json", "--today", "2027-01-01");
    expect(result.status).toBe(0);
    const checks = JSON.parse(result.stdout) as Array<{ unit: string; findings: Array<{ status: string }> }>;
    expect(checks.map((c) => c.unit)).toEqual(["500", "501", "503"]);
    expect(checks.flatMap((c) => c.findings).filter((f) => f.status === "not met")).toEqual([]);
  });

  it("checks the earlier Unit 501 with --version", () => {
    const file = join(dir, "short-hours-earlier.json");
    execFileSync(process.execPath, [cli, "demo", "short-hours", "--out", file]);
    const check = JSON.parse(ilmForms("check", file, "--unit", "501", "--version", "earlier", "--json").stdout) as { version: string; findings: Array<{ criterion: string; status: string }> };
    expect(check.version).toBe("earlier");
    expect(check.findings.find((f) => f.criterion === "501:2.1")!.status).toBe("met");
  });

  it("validates one document against a template: 0 when valid, 1 with each problem, 2 for an unknown template", () => {
    const schemas = join(import.meta.dirname, "../../../../schemas");
    const examples = JSON.parse(readFileSync(join(schemas, "ilm-8588/examples/session-record.json"), "utf8")) as { valid: unknown[]; invalid: Array<{ document: unknown }> };
    const good = join(dir, "session-record.json");
    const bad = join(dir, "session-record-bad.json");
    writeFileSync(good, JSON.stringify(examples.valid[0]));
    writeFileSync(bad, JSON.stringify(examples.invalid[0]!.document));
    const valid = ilmForms("validate", "ilm-8588/session-record", good);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/session-record\.json: valid against ilm-8588\/session-record \d+\.\d+\.\d+\n$/);
    const invalid = ilmForms("validate", "ilm-8588/session-record", bad);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(/1 problem against ilm-8588\/session-record .*\n {2}\/duration {2}Duration must be/);
    expect(ilmForms("validate", "ilm-8588/session-recrod", good).status).toBe(2);
    expect(ilmForms("validate", "ilm-8588/session-record", good, "--schemas", schemas).status).toBe(0);
  });

  it("lints a schemas folder: 0 with no problem, 1 with the build's message naming the file and path", () => {
    const schemas = join(import.meta.dirname, "../../../../schemas");
    const clean = ilmForms("lint", schemas);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/no problems \(\d+ templates, 2 qualifications, \d+ examples\)/);
    const copy = join(dir, "schemas");
    cpSync(schemas, copy, { recursive: true });
    const file = join(copy, "ilm-8588/qualification.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"sessions": {', '"sesions": {'));
    const faulty = ilmForms("lint", copy);
    expect(faulty.status).toBe(1);
    expect(faulty.stderr).toBe('ilm-8588/qualification.json: / has an unknown key "sesions" (qualification.schema.json)\n');
    expect(faulty.stdout).toBe(`${copy}: 1 problem (the folder stops loading at it: fix it and lint again)\n`);
    expect(ilmForms("lint", join(dir, "nowhere")).status).toBe(2);
  });

  it("answers input that is not a portfolio, or a --today that is not a date, with one line naming the file and exit code 2", () => {
    const cases: Array<[string, string]> = [
      ["null", 'expected an array of documents, or an object with "documents"'],
      ['"a string"', 'expected an array of documents, or an object with "documents"'],
      ['{ "documents": {} }', 'expected an array of documents, or an object with "documents"'],
      ['[{ "id": "a", "template": "ilm-8588/pdp", "data": {} }, 42]', "document 2 is not a document"],
      ['{ "registration": "501", "documents": [] }', '"registration" must be a list'],
    ];
    for (const [text, message] of cases) {
      const file = join(dir, "odd.json");
      writeFileSync(file, text);
      const result = ilmForms("check", file);
      expect(result.status, text).toBe(2);
      expect(result.stderr, text).toContain(`${file}: ${message}`);
      expect(result.stderr.trim().split("\n"), text).toHaveLength(1);
      expect(result.stderr, text).not.toMatch(/TypeError|at .*\.js:\d+/);
    }
    const file = join(dir, "empty.json");
    writeFileSync(file, "[]");
    const today = ilmForms("check", file, "--unit", "501", "--today", "tomorrow");
    expect(today.status).toBe(2);
    expect(today.stderr).toBe('--today must be a date written as YYYY-MM-DD, not "tomorrow"\n');
    for (const day of ["2026-02-30", "2026-13-01", "2026-00-10"]) {
      const impossible = ilmForms("check", file, "--unit", "501", "--today", day);
      expect(impossible.status, day).toBe(2);
      expect(impossible.stderr, day).toBe(`--today must be a date written as YYYY-MM-DD, not "${day}"\n`);
    }
    expect(ilmForms("check", file, "--unit", "501", "--today", "2028-02-29").status).toBe(1);
  });

  it("scaffolds a template and a unit that lint passes at once", () => {
    const copy = join(dir, "scaffolded");
    cpSync(join(import.meta.dirname, "../../../../schemas"), copy, { recursive: true });
    const template = ilmForms("new", "template", "ilm-8588/team-log", "--schemas", copy);
    expect(template.status).toBe(0);
    expect(template.stdout).toContain("wrote ilm-8588/templates/team-log.schema.json");
    expect(ilmForms("new", "unit", "ilm-8588", "701", "--schemas", copy).status).toBe(0);
    expect(ilmForms("lint", copy).status).toBe(0);
    const again = ilmForms("new", "unit", "ilm-8588", "701", "--schemas", copy);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("has a unit 701 already");
  });

  it("explains bad input with exit code 2", () => {
    const bad = ilmForms("check", join(dir, "missing.json"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`${join(dir, "missing.json")}: there is no such file\n`);
    expect(ilmForms("check", dir).stderr).toBe(`${dir}: it is a folder, not a file\n`);
    expect(ilmForms("validate", "ilm-8588/pdp", join(dir, "missing.json")).stderr).toBe(`${join(dir, "missing.json")}: there is no such file\n`);
    expect(ilmForms("demo", "nobody").stderr).toContain("Unknown profile nobody");
    expect(ilmForms().stderr).toContain("Usage:");
  });

  it("answers a 50 MB array that holds no documents with the same one line and exit code 2 (issue 16)", () => {
    const file = join(dir, "big.json");
    writeFileSync(file, `[${"1,".repeat(25 * 1024 * 1024)}1]`);
    const result = ilmForms("check", file, "--unit", "501");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${file}: document 1 is not a document (expected { "id": "...", "template": "...", "data": { ... } })\n`);
    expect(result.stdout).toBe("");
  });

  it("finds the qualification of --unit in the data, assuming none, and prints the figures in the findings' words", () => {
    const file = join(dir, "one-hour.json");
    writeFileSync(file, JSON.stringify([{ id: "log", template: "ilm-8588/hours-log", data: { clientRef: "Client 1", sessions: [{ sessionNo: 1, sessionDate: "2026-03-01", duration: 20 }, { sessionNo: 2, sessionDate: "2026-03-02", duration: 40 }] } }]));
    const result = ilmForms("check", file, "--unit", "501", "--today", "2027-01-01");
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["Unit 501 (ilm-8588, version 2.0)", "  1 hour of coaching, 1 client, 0 hours of supervision, 2 sessions"]);
    const almost = join(dir, "almost.json");
    writeFileSync(almost, JSON.stringify([{ id: "log", template: "ilm-8588/hours-log", data: { clientRef: "Client 1", sessions: [{ sessionNo: 1, sessionDate: "2026-03-01", duration: 1079 }] } }]));
    expect(ilmForms("check", almost, "--unit", "501", "--today", "2027-01-01").stdout).toContain("  17 hours 59 minutes of coaching, 1 client,");
    const diary = ilmForms("check", file, "--unit", "extended-diary", "--json");
    expect((JSON.parse(diary.stdout) as { qualification: string }).qualification).toBe("ilm-l7-extended-diary");
    const nowhere = ilmForms("check", file, "--unit", "999");
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toMatch(/^No qualification has a unit 999 \(the qualifications are .*ilm-8588.*\)\n$/);
  });
});
