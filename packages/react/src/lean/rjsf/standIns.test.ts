import { createRequire } from "node:module";
import { registry } from "@ilm-forms/core";
import { deepEquals as rjsfDeepEquals } from "@rjsf/utils";
import { describe, expect, it } from "vitest";
import { createElement, forwardRef, Fragment, memo } from "react";
import deepEquals from "./deepEquals.ts";
import reactIs from "./reactIs.ts";
import shallowAllOfMerge from "./shallowAllOfMerge.ts";
import uri from "./uriResolver.ts";

// fast-uri as @rjsf/utils has it (it is not our dependency: found from @rjsf/utils's folder).
const fromUtils = createRequire(createRequire(import.meta.url).resolve("@rjsf/utils"));
const fastUri = fromUtils("fast-uri") as { resolve(base: string, reference: string): string; equal(a: string, b: string): boolean };

describe("the stand-ins of the prebuilt entries (decision 043) decide as the modules they replace", () => {
  it("resolves every $ref of every template against '#' (what RJSF does when a schema has no $id) as fast-uri does", () => {
    const refs = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === "string") refs.add(ref);
      Object.values(node).forEach(walk);
    };
    for (const template of registry.listAllVersions()) walk(template.schema);
    expect(refs.size).toBeGreaterThan(5);
    for (const ref of refs) expect(uri.resolve("#", ref)).toBe(fastUri.resolve("#", ref));
  });

  it("resolves RFC 3986's examples and relative bases as fast-uri does", () => {
    const base = "http://a/b/c/d;p?q";
    for (const reference of ["g", "./g", "g/", "/g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g", "https://example.org/x#/$defs/a"]) {
      expect(uri.resolve(base, reference)).toBe(fastUri.resolve(base, reference));
    }
    for (const [relativeBase, reference] of [["#", "#/$defs/a"], ["schema.json", "#/$defs/a"], ["schema.json", "other.json#/x"], ["/s/schema.json", "other.json"]] as const) {
      expect(uri.resolve(relativeBase, reference)).toBe(fastUri.resolve(relativeBase, reference));
    }
    expect(uri.equal("HTTP://Example.org/a", "http://example.org/a")).toBe(fastUri.equal("HTTP://Example.org/a", "http://example.org/a"));
    expect(uri.equal("http://example.org/a", "http://example.org/b")).toBe(false);
  });

  it("compares form data, schemas and ui hints as RJSF's deepEquals does", () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    const circularToo: Record<string, unknown> = { a: 1 };
    circularToo.self = circularToo;
    const cases: [unknown, unknown][] = [
      [1, 1], [1, "1"], [Number.NaN, Number.NaN], [null, undefined], [null, {}], [[], {}], [[1, 2], [1, 2]], [[1, 2], [2, 1]],
      [{ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] }], [{ a: 1 }, { a: 1, b: undefined }], [{ a: undefined }, { b: undefined }],
      [new Date(5), new Date(5)], [new Date(5), new Date(6)], [() => 1, () => 2], [{ f: () => 1 }, { f: () => 2 }], [{ f: () => 1 }, { f: 1 }],
      [circular, circularToo], [{ a: circular }, { a: { a: 1, self: circular } }],
    ];
    for (const template of registry.listAllVersions().slice(0, 8)) {
      cases.push([template.schema, structuredClone(template.schema)], [template.ui, structuredClone(template.ui)], [template.schema, template.ui]);
    }
    for (const [a, b] of cases) expect([a, b, deepEquals(a, b)]).toEqual([a, b, rjsfDeepEquals(a, b)]);
  });

  it("tells forwardRef and memo elements as react-is does", () => {
    const realReactIs = fromUtils("react-is") as { isForwardRef(value: unknown): boolean; isMemo(value: unknown): boolean };
    const Plain = () => null;
    const Forwarded = forwardRef(() => null);
    const Memoised = memo(Plain);
    // react-is 18 knows elements by React 18's symbol; RJSF passes it what createElement made.
    const asReact18 = (element: object) => ({ ...element, $$typeof: Symbol.for("react.element") });
    const values: unknown[] = [undefined, null, 1, "text", Plain, Forwarded, Memoised, createElement(Plain), createElement(Forwarded), createElement(Memoised), createElement(Fragment)];
    for (const element of [createElement(Plain), createElement(Forwarded), createElement(Memoised), createElement(Fragment)]) values.push(asReact18(element));
    for (const value of values) {
      expect(reactIs.isForwardRef(value)).toBe(realReactIs.isForwardRef(value));
      expect(reactIs.isMemo(value)).toBe(realReactIs.isMemo(value));
    }
    expect(reactIs.isForwardRef(asReact18(createElement(Forwarded)))).toBe(true);
  });

  it("merges allOf branches into the schema: properties deeply, required joined", () => {
    const merged = shallowAllOfMerge({ type: "object", title: "T", allOf: [{ properties: { a: { type: "string" } }, required: ["a"] }, { properties: { b: { type: "number" } }, required: ["b"] }] });
    expect(merged).toEqual({ type: "object", title: "T", properties: { a: { type: "string" }, b: { type: "number" } }, required: ["a", "b"] });
  });
});
