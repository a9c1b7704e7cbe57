import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
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
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Unit 501 (ilm-8588, version 2.0)");
    expect(result.stdout).toMatch(/501:2\.1 {2}✗ not met\n {9}17\.5 hours of coaching are recorded/);
    expect(result.stdout).toContain("1 not met");
  });

  it("checks every registered unit and prints JSON on request", () => {
    const file = join(dir, "certificate.json");
    execFileSync(process.execPath, [cli, "demo", "certificate-complete", "--seed", "2", "--out", file]);
    const checks = JSON.parse(ilmForms("check", file, "--json", "--today", "2027-01-01").stdout) as Array<{ unit: string; findings: Array<{ status: string }> }>;
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

  it("explains bad input with exit code 2", () => {
    const bad = ilmForms("check", join(dir, "missing.json"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("ENOENT");
    expect(ilmForms("demo", "nobody").stderr).toContain("Unknown profile nobody");
    expect(ilmForms().stderr).toContain("Usage:");
  });
});
