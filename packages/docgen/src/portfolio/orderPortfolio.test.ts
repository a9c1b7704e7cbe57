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
