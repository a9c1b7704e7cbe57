import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { examplePortfolio } from "../testing/examplePortfolio.ts";
import { orderPortfolio, portfolioPart } from "./orderPortfolio.ts";

describe("orderPortfolio()", () => {
  const { documents } = examplePortfolio({ route: "diploma" });
  const shuffled = [...documents].reverse();
  const ordered = orderPortfolio(registry, shuffled);

  it("puts authentication sheets first, then evidence matrices, then the evidence, then result sheets", () => {
    const parts = ordered.map((document) => portfolioPart(registry.get(document.template)!));
    const firstOf = (part: string) => parts.indexOf(part as never);
    const lastOf = (part: string) => parts.lastIndexOf(part as never);
    expect(lastOf("authenticity")).toBeLessThan(firstOf("evidence-matrix"));
    expect(lastOf("evidence-matrix")).toBeLessThan(firstOf("evidence"));
    expect(lastOf("evidence")).toBeLessThan(firstOf("result-sheet"));
    expect(ordered).toHaveLength(documents.length);
  });

  it("keeps a client's session records in session order", () => {
    const sessions = ordered
      .filter((document) => document.template === "ilm-8588/session-record" && document.data.clientRef === "Client 2")
      .map((document) => document.data.sessionNo);
    expect(sessions).toEqual([1, 2, 3]);
  });

  it("orders the same whatever order the documents arrive in", () => {
    expect(orderPortfolio(registry, documents).map((d) => d.id)).toEqual(ordered.map((d) => d.id));
  });
});

describe("orderPortfolio() and the introduction", () => {
  const { documents } = examplePortfolio({ route: "certificate" });
  const ordered = orderPortfolio(registry, [...documents].reverse());

  it("prints each unit's introduction first among that unit's evidence, after the authentication sheets and the matrices", () => {
    const evidence = ordered.filter((d) => ["introduction", "evidence"].includes(portfolioPart(registry.get(d.template)!)));
    for (const unit of ["501", "503"]) {
      const ofUnit = evidence.filter((d) => (d.data.unit ?? registry.get(d.template)!.annotations.criteria?.[0]?.split(":")[0]) === unit);
      expect(portfolioPart(registry.get(ofUnit[0]!.template)!)).toBe("introduction");
      expect(ofUnit.filter((d) => portfolioPart(registry.get(d.template)!) === "introduction")).toHaveLength(1);
    }
    const parts = ordered.map((d) => portfolioPart(registry.get(d.template)!));
    expect(parts.lastIndexOf("evidence-matrix")).toBeLessThan(parts.indexOf("introduction"));
  });

  it("reads the part from the template's annotations, not its id", () => {
    const declaration = registry.get("ilm-8588/authenticity-declaration")!;
    expect(portfolioPart(declaration)).toBe("authenticity");
    expect(portfolioPart({ ...declaration, annotations: { ...declaration.annotations, portfolioPart: undefined } })).toBe("evidence");
  });
});

describe("the example evidence matrix", () => {
  const { documents } = examplePortfolio({ route: "certificate" });
  const matrix = documents.find((d) => d.template === "ilm-8588/evidence-matrix-501")!;
  const sections = matrix.data.sections as Record<string, Record<string, Array<{ reference: string }>>>;
  const under = (criterion: string) => Object.values(sections).flatMap((s) => s[criterion] ?? []).map((row) => row.reference);

  it("lists a unit's introduction under that unit's criteria only", () => {
    expect(under("1.1")).toContain("portfolio-introduction-1");
    expect(under("1.1")).not.toContain("portfolio-introduction-2");
  });

  it("lists an observation and a testimony only under the criteria their own lists name", () => {
    // The examples' lists: the observation names 1.3, 2.2, 3.2 and 3.4; the testimony 1.3 and 2.3.
    const observed = ["1.3", "2.2", "3.2", "3.4"];
    const witnessed = ["1.3", "2.3"];
    for (const criterion of ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]) {
      expect(under(criterion).includes("assessor-observation-1"), criterion).toBe(observed.includes(criterion));
      expect(under(criterion).includes("witness-testimony-1"), criterion).toBe(witnessed.includes(criterion));
    }
  });
});
