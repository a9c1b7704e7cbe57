import { describe, expect, it } from "vitest";
import { joinHours, joinMinutes, splitHours, splitMinutes } from "./DurationWidget.tsx";

describe("splitHours() and joinHours()", () => {
  it("turn decimal hours into hours and minutes and back", () => {
    expect(splitHours(1.5)).toEqual({ hours: "1", minutes: "30" });
    expect(splitHours(0.83)).toEqual({ hours: "0", minutes: "50" });
    expect(splitHours(1.999)).toEqual({ hours: "2", minutes: "0" });
    expect(splitHours(undefined)).toEqual({ hours: "", minutes: "" });
    expect(joinHours("0", "50")).toBe(0.83);
    expect(joinHours("1", "")).toBe(1);
    expect(joinHours("", "")).toBeUndefined();
    expect(Number.isNaN(joinHours("x", "1"))).toBe(true);
  });
});

describe("splitMinutes() and joinMinutes()", () => {
  it("turn whole minutes into hours and minutes and back, so three 20-minute sessions are an hour", () => {
    expect(splitMinutes(90)).toEqual({ hours: "1", minutes: "30" });
    expect(splitMinutes(50)).toEqual({ hours: "0", minutes: "50" });
    expect(splitMinutes(undefined)).toEqual({ hours: "", minutes: "" });
    expect(joinMinutes("0", "50")).toBe(50);
    expect(joinMinutes("1", "")).toBe(60);
    expect(joinMinutes("", "20")! * 3).toBe(joinMinutes("1", "0"));
    expect(joinMinutes("", "")).toBeUndefined();
    expect(Number.isNaN(joinMinutes("x", "1"))).toBe(true);
  });
});
