import { describe, expect, it } from "vitest";
import { registry } from "../index.ts";
import { authenticityDeclarationTemplate, unitChoices } from "./unitChoices.ts";

describe("unitChoices()", () => {
  it("lists every unit version of every qualification the registry holds, with its routes", () => {
    const choices = unitChoices(registry.qualifications());
    expect(choices.map((c) => `${c.qualification}:${c.unit}@${c.version}`)).toEqual([
      "ilm-8588:500@2.0",
      "ilm-8588:501@2.0",
      "ilm-8588:502@2.0",
      "ilm-8588:503@2.0",
      "ilm-8588:501@earlier",
      "ilm-l7-extended-diary:extended-diary@1.0",
    ]);
    expect(choices.find((c) => c.unit === "501")!.routes.map((r) => r.id)).toEqual(["certificate"]);
    expect(choices.find((c) => c.unit === "extended-diary")!.routes).toEqual([]);
  });
});

describe("authenticityDeclarationTemplate()", () => {
  it("names the template the data declares, and one the registry holds", () => {
    const id = authenticityDeclarationTemplate(registry.qualification("ilm-8588")!);
    expect(id).toBe("ilm-8588/authenticity-declaration");
    expect(registry.get(id!)).toBeDefined();
    expect(authenticityDeclarationTemplate(registry.qualification("ilm-l7-extended-diary")!)).toBeUndefined();
  });
});
