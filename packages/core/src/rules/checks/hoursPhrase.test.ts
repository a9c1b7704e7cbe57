import { describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "../../demo/generateDemoPortfolio.ts";
import { checkPortfolio } from "../../builtin.ts";
import { hoursPhrase, hoursShortOf } from "./context.ts";

describe("hoursPhrase() and hoursShortOf()", () => {
  it("says hour for what shows as 1, and minutes under an hour", () => {
    expect(hoursPhrase(1)).toBe("1 hour");
    expect(hoursPhrase(1.001)).toBe("1 hour");
    expect(hoursPhrase(17.5)).toBe("17.5 hours");
    expect(hoursPhrase(0.83)).toBe("0.83 hours (50 minutes)");
  });

  it("never rounds a total up to the target it falls short of", () => {
    expect(hoursShortOf(17.5, 18)).toBe("17.5 hours");
    expect(hoursShortOf(17.996, 18)).toBe("17 hours 59 minutes");
    expect(hoursShortOf(0.995, 1)).toBe("59 minutes");
    expect(hoursShortOf(2.999, 3)).toBe("2 hours 59 minutes");
  });
});

describe("rounding never contradicts the status (issue 16)", () => {
  const TODAY = "2027-06-01";

  it("does not say 18 hours beside not met when 17 hours 59 minutes are recorded", () => {
    const { documents } = generateDemoPortfolio(1, "short-hours");
    const log = documents.find((d) => d.template === "ilm-8588/hours-log")!;
    const row = (log.data.sessions as Array<{ duration: number }>)[0]!;
    row.duration += 29;
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:2.1")!;
    expect(finding.status).toBe("not met");
    expect(finding.reasons[0]).toMatch(/^17 hours 59 minutes of coaching are recorded over \d+ sessions \(.*\); Unit 501 needs at least 18\.$/);
  });

  it("does not say 1 hour of supervision beside not met when 59 minutes are recorded", () => {
    const { documents } = generateDemoPortfolio(1, "short-supervision");
    const record = documents.find((d) => d.template === "ilm-8588/supervision-record")!;
    record.data.duration = 59;
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:3.3")!;
    expect(finding.status).toBe("not met");
    expect(finding.reasons[0]).toBe("59 minutes of supervision are recorded; Unit 501 needs at least 1 hour.");
  });

  it("reads a supervision record stored under the old version in decimal hours (0.995 hours) the same way", () => {
    const { documents } = generateDemoPortfolio(1, "short-supervision");
    const record = documents.find((d) => d.template === "ilm-8588/supervision-record")!;
    record.version = "2.0.0";
    record.data.duration = 0.995;
    const finding = checkPortfolio("501", documents, { today: TODAY }).findings.find((f) => f.criterion === "501:3.3")!;
    expect(finding.status).toBe("not met");
    expect(finding.reasons[0]).toBe("59 minutes of supervision are recorded; Unit 501 needs at least 1 hour.");
  });

  it("says 1 hour of coaching is recorded, never are, in the total and for a session with no log row", () => {
    const session = (no: number, minutes: number) => ({ sessionNo: no, sessionDate: `2026-03-${String(no).padStart(2, "0")}`, duration: minutes });
    const log = (rows: number[]) => ({ id: "log", template: "ilm-8588/hours-log", data: { clientRef: "Client 1", sessions: rows.map((minutes, i) => session(i + 1, minutes)) } });
    const twoSessions = checkPortfolio("501", [log([30, 30])], { today: TODAY }).findings.find((f) => f.criterion === "501:2.1")!;
    expect(twoSessions.reasons[0]).toBe("1 hour of coaching is recorded over 2 sessions (Client 1: 1); Unit 501 needs at least 18.");
    const record = { id: "record", template: "ilm-8588/session-record", data: { clientRef: "Client 1", ...session(13, 60) } };
    const earlier = checkPortfolio({ qualification: "ilm-8588", unit: "501", version: "earlier" }, [log(Array(12).fill(60)), record], { today: TODAY }).findings.find((f) => f.criterion === "501:2.1")!;
    expect(earlier.status).toBe("met");
    expect(earlier.reasons).toContain("Client 1 session 13 (2026-03-13) has a session record but no row in an hours log; its 1 hour is counted.");
  });
});
