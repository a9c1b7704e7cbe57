import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPortfolio, generateDemoPortfolio, registry, validate } from "../index.ts";
import type { PortfolioDocument } from "../portfolio/types.ts";
import { schemasDir } from "../test/schemasDir.ts";
import { upgradeDocument } from "./upgradeDocument.ts";

/** Every template version that declares how documents of an earlier version become its own. */
const declaring = registry.listAllVersions().filter((t) => (t.annotations.upgradesFrom ?? []).length > 0);

describe("upgradeDocument(): the declared migrations", () => {
  it("are declared by every template that stores a duration in minutes (a template of each kind the demo fills)", () => {
    expect(declaring.map((t) => t.id)).toEqual(
      expect.arrayContaining(["ilm-8588/hours-log", "ilm-8588/session-record", "ilm-8588/supervision-record", "ilm-l7-extended-diary/extended-diary"]),
    );
  });

  for (const template of declaring) {
    for (const { version } of template.annotations.upgradesFrom!) {
      const [scheme, name] = template.id.split("/") as [string, string];
      const file = join(schemasDir, scheme, "superseded-examples", `${name}@${version}.json`);
      it(`upgrade every valid example of ${template.id} ${version} to a valid ${template.version} document, equal to the current example`, () => {
        expect(existsSync(file), file).toBe(true);
        const old = JSON.parse(readFileSync(file, "utf8")) as { valid: Array<Record<string, unknown>> };
        const current = JSON.parse(readFileSync(join(schemasDir, scheme, "examples", `${name}.json`), "utf8")) as { valid: Array<Record<string, unknown>> };
        old.valid.forEach((data, i) => {
          expect(validate(template.id, data, { version }).valid, `example ${i} is valid under ${version}`).toBe(true);
          const result = upgradeDocument(registry, { id: `example-${i}`, template: template.id, version, data });
          if (!result.ok) throw new Error(result.message);
          expect(result.document.version).toBe(template.version);
          expect(validate(template.id, result.document.data).valid, `example ${i} upgraded`).toBe(true);
          expect(result.document.data).toEqual(current.valid[i]);
          expect(data, "the old document is not changed in place").toEqual(old.valid[i]);
        });
      });
    }
  }

  it("turns decimal hours into whole minutes and says which numbers it changed", () => {
    const result = upgradeDocument(registry, {
      id: "log",
      template: "ilm-8588/hours-log",
      version: "2.0.0",
      data: { clientRef: "Client 1", sessions: [{ sessionNo: 1, sessionDate: "2026-01-05", duration: 0.83 }, { sessionNo: 2, sessionDate: "2026-01-12", duration: 1.5 }] },
    });
    expect(result).toMatchObject({
      ok: true,
      from: "2.0.0",
      to: "3.0.0",
      changed: true,
      conversions: [
        { path: "/sessions/0/duration", from: 0.83, to: 50 },
        { path: "/sessions/1/duration", from: 1.5, to: 90 },
      ],
    });
  });

  it("leaves a current document as it is, and refuses a version the template never had", () => {
    const data = { clientRef: "Client 1", sessions: [{ sessionNo: 1, sessionDate: "2026-01-05", duration: 50 }] };
    expect(upgradeDocument(registry, { id: "log", template: "ilm-8588/hours-log", data })).toMatchObject({ ok: true, changed: false, conversions: [], document: { data } });
    expect(upgradeDocument(registry, { id: "log", template: "ilm-8588/hours-log", version: "9.9.9", data })).toEqual({ ok: false, message: "ilm-8588/hours-log has no version 9.9.9" });
  });

  it("gives the same answers for a demo portfolio stored under the old versions once upgraded", () => {
    const { documents } = generateDemoPortfolio(3, "certificate-complete");
    // The same portfolio as it was stored before minutes: every duration in decimal hours, version 2.0.0.
    const inHours: PortfolioDocument[] = documents.map((d) => {
      const template = declaring.find((t) => t.id === d.template);
      if (!template) return d;
      return { ...d, version: "2.0.0", data: JSON.parse(JSON.stringify(d.data, (key, value: unknown) => (["duration", "sessionLength", "plannedSessionDuration", "totalHours"].includes(key) && typeof value === "number" ? value / 60 : value))) };
    });
    for (const d of inHours) expect(validate(d.template, d.data, { version: d.version }).valid, d.id).toBe(true);
    const upgraded = inHours.map((d) => {
      const result = upgradeDocument(registry, d);
      if (!result.ok) throw new Error(result.message);
      return result.document;
    });
    expect(upgraded.map((d) => d.data)).toEqual(documents.map((d) => d.data));
    const before = checkPortfolio("501", inHours, { today: "2027-06-01" });
    const after = checkPortfolio("501", upgraded, { today: "2027-06-01" });
    expect(after.summary.coachingHours).toBe(19.5);
    expect(before.findings.map((f) => f.status)).toEqual(after.findings.map((f) => f.status));
  });
});

describe("durations add up exactly", () => {
  it("three 20-minute supervision sessions are exactly 1 hour, and 1 hour is singular", () => {
    const { documents } = generateDemoPortfolio(3, "certificate-complete");
    const supervision = documents.filter((d) => d.template === "ilm-8588/supervision-record");
    const others = documents.filter((d) => d.template !== "ilm-8588/supervision-record");
    const three = [0, 1, 2].map((i) => ({ ...supervision[0]!, id: `supervision-record-${i + 1}`, data: { ...supervision[0]!.data, duration: 20 } }));
    const result = checkPortfolio("501", [...others, ...three], { today: "2027-06-01" });
    expect(result.summary.supervisionHours).toBe(1);
    const finding = result.findings.find((f) => f.reasons.some((r) => r.includes("of supervision")))!;
    expect(finding.reasons.find((r) => r.includes("of supervision"))).toMatch(/^1 hour of supervision is recorded; Unit 501 needs at least /);
  });

  it("reads every superseded example folder file as a version the registry knows", () => {
    for (const scheme of readdirSync(schemasDir, { withFileTypes: true })) {
      const dir = join(schemasDir, scheme.name, "superseded-examples");
      if (!scheme.isDirectory() || !existsSync(dir)) continue;
      for (const file of readdirSync(dir)) {
        const [name, version] = file.replace(/\.json$/, "").split("@") as [string, string];
        expect(registry.get(`${scheme.name}/${name}`, version)?.annotations.current, file).toBe(false);
      }
    }
  });
});
