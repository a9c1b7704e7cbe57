import { describe, expect, it } from "vitest";
import { formatValue } from "./formatValue.ts";

const DATE = { type: "string", date: true } as const;

describe("formatValue()", () => {
  it("writes exactly the ISO dates yyyy-mm-dd as dd/mm/yyyy, as /^(\\d{4})-(\\d{2})-(\\d{2})$/ would", () => {
    const reference = (value: string) => value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1");
    const inputs = ["2026-03-03", "0000-00-00", "2026-3-03", "2026-03-3", "2026/03/03", "2026-03-03 ", " 2026-03-03", "2026-03-03\n", "20260-3-03", "2026-0a-03", "２０２６-03-03", "2026-03-0:", "2026-03-0/", "", "next Tuesday"];
    for (const input of inputs) expect(formatValue(input, DATE), JSON.stringify(input)).toBe(reference(input));
  });

  it("writes numbers with their unit, booleans as Yes/No and leaves text alone", () => {
    expect(formatValue(1, { type: "number", unit: "hours" })).toBe("1 hour");
    expect(formatValue(1.5, { type: "number", unit: "hours" })).toBe("1.5 hours");
    expect(formatValue(50, { type: "integer", unit: "minutes" })).toBe("50 minutes");
    expect(formatValue(1, { type: "integer", unit: "minutes" })).toBe("1 minute");
    expect(formatValue(90, { type: "integer", unit: "minutes" })).toBe("1 hour 30 minutes");
    expect(formatValue(120, { type: "integer", unit: "minutes" })).toBe("2 hours");
    expect(formatValue(61, { type: "integer", unit: "minutes" })).toBe("1 hour 1 minute");
    expect(formatValue(true, { type: "boolean" })).toBe("Yes");
    expect(formatValue("2026-03-03", { type: "string" })).toBe("2026-03-03");
    expect(formatValue(undefined, DATE)).toBe("");
  });
});
