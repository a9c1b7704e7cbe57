import { describe, expect, it } from "vitest";
import { isIsoDate } from "./isoDate.ts";

describe("isIsoDate", () => {
  it("says what /^\\d{4}-\\d{2}-\\d{2}$/ says", () => {
    const pattern = /^\d{4}-\d{2}-\d{2}$/;
    const samples = ["2025-04-30", "2025-4-30", "2025/04/30", "20250430xx", "2025-04-3a", "x025-04-30", "2025-04-30 ", " 2025-04-30", "2025-13-45", "0000-00-00", "", "2025-04-30\n", "２０２５-04-30", "2025--04-30"];
    for (const sample of samples) expect(isIsoDate(sample), sample).toBe(pattern.test(sample));
  });

  it("is false for anything that is not a string", () => {
    for (const value of [undefined, null, 20250430, { date: "2025-04-30" }, ["2025-04-30"]]) expect(isIsoDate(value)).toBe(false);
  });
});
