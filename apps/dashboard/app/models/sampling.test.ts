import { describe, expect, it } from "vitest";
import { samplingPlan, type PastReview, type SampleCandidate } from "./sampling.ts";

const settings = { percent: 25, clearance: 3, seed: "centre-1" };
const unitBy = (id: string, assessor: string, outcome: "Pass" | "Referral" = "Pass", unit = "501", decidedAt = "2026-11-10"): SampleCandidate => ({ id, assessorUserId: assessor, unit, outcome, decidedAt });
const reviews = (assessor: string, decisions: ("ratify" | "return")[], unit = "501", at = "2026-11-0"): PastReview[] =>
  decisions.map((decision, i) => ({ assessorUserId: assessor, unit, decision, decidedAt: `${at}${i + 1}` }));

describe("samplingPlan()", () => {
  it("samples every unit of a new assessor until three in a row are ratified unchanged, and again after a return", () => {
    const plan = samplingPlan([unitBy("a", "new"), unitBy("b", "returned")], reviews("returned", ["ratify", "ratify", "ratify", "return", "ratify"]), settings);
    expect(plan.get("a")).toEqual({ inSample: true, reason: expect.stringContaining("A new assessor") });
    expect(plan.get("b")).toEqual({ inSample: true, reason: expect.stringContaining("since a return") });
  });

  it("samples every Referral and the first unit of each unit type per assessor per quarter, and draws the rest at the rate, reproducibly", () => {
    const history = reviews("steady", ["ratify", "ratify", "ratify"]);
    const candidates = [unitBy("ref", "steady", "Referral"), unitBy("503-first", "steady", "Pass", "503"), ...Array.from({ length: 400 }, (_, i) => unitBy(`p${i}`, "steady"))];
    const plan = samplingPlan(candidates, history, settings);
    expect(plan.get("ref")).toEqual({ inSample: true, reason: "Every Referral is sampled." });
    expect(plan.get("503-first")?.reason).toContain("The first Unit 503 by this assessor this quarter");
    const drawn = [...plan.entries()].filter(([id, c]) => id.startsWith("p") && c.inSample).length;
    expect(drawn).toBeGreaterThan(70);
    expect(drawn).toBeLessThan(130);
    expect(samplingPlan(candidates, history, settings)).toEqual(plan);
    expect(samplingPlan(candidates, history, { ...settings, percent: 0 }).get("p5")).toEqual({ inSample: false, reason: expect.stringContaining("Not drawn") });
    expect([...samplingPlan(candidates, history, { ...settings, percent: 100 }).values()].every((c) => c.inSample)).toBe(true);
  });
});
