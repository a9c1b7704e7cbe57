import { describe, expect, it } from "vitest";
import { errorSchemaFrom, pointerSegments, propertyOf } from "./errorSchemaFrom.ts";

describe("propertyOf()", () => {
  it("writes RJSF's dotted property and brackets keys that hold a dot", () => {
    expect(propertyOf("/sessions/2/duration")).toBe(".sessions.2.duration");
    expect(propertyOf("/sections/1/1.1/0/title")).toBe(".sections.1['1.1'].0.title");
  });
});

describe("pointerSegments()", () => {
  it("unescapes ~1 and ~0", () => {
    expect(pointerSegments("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(pointerSegments("")).toEqual([]);
  });
});

describe("errorSchemaFrom()", () => {
  it("nests messages by the error's JSON pointer", () => {
    const tree = errorSchemaFrom([
      { property: ".x", message: "A", stack: "A", fieldError: { path: "/sections/1/1.1/0/title" } } as never,
      { property: ".goal", message: "B", stack: "B" },
    ]);
    expect(tree).toEqual({ sections: { 1: { "1.1": { 0: { title: { __errors: ["A"] } } } } }, goal: { __errors: ["B"] } });
  });
});
