import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { demoPortfolio } from "../testing/demoPortfolio.ts";
import { orderPortfolio, portfolioPart } from "./orderPortfolio.ts";

describe("orderPortfolio()", () => {
  const { documents } = demoPortfolio({ profile: "diploma-complete" });
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
    const ofClient2 = (list: typeof documents) => list.filter((document) => document.template === "ilm-8588/session-record" && document.data.clientRef === "Client 2");
    const count = ofClient2(documents).length;
    expect(count).toBeGreaterThan(2);
    expect(ofClient2(ordered).map((document) => document.data.sessionNo)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it("orders the same whatever order the documents arrive in", () => {
    expect(orderPortfolio(registry, documents).map((d) => d.id)).toEqual(ordered.map((d) => d.id));
  });
});

describe("orderPortfolio() and the introduction", () => {
  const { documents } = demoPortfolio({ profile: "certificate-complete" });
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

describe("the demo evidence matrix", () => {
  const { documents } = demoPortfolio({ profile: "certificate-complete" });
  const matrix = documents.find((d) => d.template === "ilm-8588/evidence-matrix-501")!;
  const sections = matrix.data.sections as Record<string, Record<string, Array<{ reference: string }>>>;
  const under = (criterion: string) => Object.values(sections).flatMap((s) => s[criterion] ?? []).map((row) => row.reference);
  const criteria = Object.values(sections).flatMap((s) => Object.keys(s));
  const of501 = (d: (typeof documents)[number]) => d.data.unit === "501";
  const named = (list: unknown) => (list as string[]).filter((c) => c.startsWith("501:")).map((c) => c.slice("501:".length));

  it("lists a unit's introduction under that unit's criteria only", () => {
    const introductions = documents.filter((d) => portfolioPart(registry.get(d.template)!) === "introduction");
    const own = introductions.find(of501)!;
    const others = introductions.filter((d) => !of501(d));
    expect(others.length).toBeGreaterThan(0);
    expect(under("1.1")).toContain(own.id);
    for (const criterion of criteria) for (const other of others) expect(under(criterion), criterion).not.toContain(other.id);
  });

  it("lists an observation and a testimony only under the criteria their own lists name", () => {
    const observation = documents.find((d) => d.template === "ilm-8588/assessor-observation" && of501(d))!;
    const testimony = documents.find((d) => d.template === "ilm-8588/witness-testimony" && of501(d))!;
    const observed = (observation.data.observations as Array<{ criteria: string[] }>).flatMap((row) => named(row.criteria));
    const witnessed = named(testimony.data.criteria);
    expect(criteria).toHaveLength(11);
    for (const list of [observed, witnessed]) expect(list.length > 0 && list.length < criteria.length, list.join()).toBe(true);
    for (const criterion of criteria) {
      expect(under(criterion).includes(observation.id), criterion).toBe(observed.includes(criterion));
      expect(under(criterion).includes(testimony.id), criterion).toBe(witnessed.includes(criterion));
    }
  });
});
