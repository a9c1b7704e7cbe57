import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UnitProgressSummary } from "./UnitProgressSummary.tsx";

const text = (summary: { coachingHours: number; clients: string[]; supervisionHours: number }) =>
  renderToStaticMarkup(createElement(UnitProgressSummary, { summary, thresholds: { coachingHours: 18, clients: { min: 2, max: 3 }, supervisionHours: 1 } }))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("UnitProgressSummary()", () => {
  it("never rounds a total up to the target it falls short of (issue 16)", () => {
    const shown = text({ coachingHours: 17.996, clients: ["Client 1"], supervisionHours: 0.995 });
    expect(shown).toContain("Coaching hours 17 hours 59 minutes of at least 18 hours");
    expect(shown).toContain("Supervision 59 minutes of at least 1 hour");
    expect(shown).not.toMatch(/\b18 hours of|\b1 hours/);
  });

  it("says hour and client in the singular for one", () => {
    const shown = text({ coachingHours: 1, clients: ["Client 1"], supervisionHours: 1 });
    expect(shown).toContain("Coaching hours 1 hour of at least 18 hours");
    expect(shown).toContain("Clients 1 client (the unit asks for 2 to 3)");
    expect(shown).toContain("Supervision 1 hour of at least 1 hour");
  });

  it("marks a met target as done and a short one as not", () => {
    const met = renderToStaticMarkup(createElement(UnitProgressSummary, { summary: { coachingHours: 18, clients: [], supervisionHours: 0.995 }, thresholds: { coachingHours: 18, supervisionHours: 1 } }));
    expect(met.match(/meter__fill--done/g)).toHaveLength(1);
    expect(met).toContain("18 hours of at least 18 hours");
  });
});
