import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { documentCaption } from "./documentCaption.ts";

describe("documentCaption()", () => {
  // Templates found by what their fields' roles and annotations give, none named.
  const session = { clientRef: "Client 2", sessionNo: 3, sessionDate: "2026-03-04" };
  const sessionTemplate = registry.list().find((t) => documentCaption(t, session, { unit: false }) === "Client 2 · Session 3 · 04/03/2026");
  const unitTemplate = registry.list().find((t) => documentCaption(t, {}).startsWith("Unit "));

  it("reads the client, the session and the date by their roles, the date as printed", () => {
    expect(sessionTemplate, "a template whose fields carry the client, session and session-date roles").toBeDefined();
    expect(documentCaption(sessionTemplate!, {}, { unit: false })).toBe("");
  });

  it("names the unit of a one-unit template unless asked not to", () => {
    expect(unitTemplate, "a template of one unit").toBeDefined();
    expect(documentCaption(unitTemplate!, {})).toMatch(/^Unit \S+$/);
    expect(documentCaption(unitTemplate!, {}, { unit: false })).toBe("");
  });
});
