import { describe, expect, it } from "vitest";
import { joinHours, splitHours } from "./DurationWidget.tsx";

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
