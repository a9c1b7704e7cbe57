import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoPortfolio } from "../testing/demoPortfolio.ts";

// The CLI as installed: the built dist (turbo builds before testing).
const cli = join(import.meta.dirname, "../../dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "ilm-docgen-cli-"));

describe("ilm-docgen", () => {
  it("renders a unit's result sheet to the file named by the convention", () => {
    writeFileSync(join(dir, "sheet.json"), JSON.stringify({ learnerRegistrationNo: "ILM42", learnerName: "Priya Shah" }));
    const out = execFileSync("node", [cli, "render", "501", join(dir, "sheet.json")], { cwd: dir, encoding: "utf8" }).trim();
    expect(out).toBe("ILM42_501_result-sheet-501.html");
    expect(readFileSync(join(dir, out), "utf8")).toContain("Unit 501 Result Sheet");
  });

  it("writes a whole portfolio and each document into a directory", () => {
    const portfolio = demoPortfolio({ profile: "certificate-complete", clients: 1 });
    writeFileSync(join(dir, "portfolio.json"), JSON.stringify(portfolio));
    const registrationNo = portfolio.learner.registrationNo;
    execFileSync("node", [cli, "portfolio", join(dir, "portfolio.json"), "--format", "html", "--out", join(dir, "out/")], { encoding: "utf8" });
    const files = readdirSync(join(dir, "out"));
    expect(files).toContain(`${registrationNo}_portfolio.html`);
    expect(files).toContain(`${registrationNo}_501_session-record_client-1_s01.html`);
    expect(files.every((file) => /^[A-Za-z0-9_-]+\.html$/.test(file))).toBe(true);
  });

  it("fails with a clear message and a non-zero exit", () => {
    const result = spawnSync("node", [cli, "render", "no-such-template", join(dir, "sheet.json")], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No template or unit "no-such-template"/);
    const pdf = spawnSync("node", [cli, "render", "501", join(dir, "sheet.json"), "--format", "pdf"], { encoding: "utf8", env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" } });
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toMatch(/PDF output needs Chromium/);
  });
});
