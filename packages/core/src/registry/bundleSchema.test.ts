import { describe, expect, it } from "vitest";
import { bundleSchema } from "./bundleSchema.ts";
import type { JsonSchema } from "./types.ts";

const files: Record<string, JsonSchema> = {
  "common/date.schema.json": { $schema: "https://json-schema.org/draft/2020-12/schema", type: "string", format: "date" },
  "common/signature.schema.json": { type: "object", properties: { date: { $ref: "date.schema.json", title: "Date" } } },
  "x/templates/a.schema.json": {
    type: "object",
    properties: {
      when: { $ref: "../../common/date.schema.json", title: "When" },
      signed: { $ref: "../../common/signature.schema.json", title: "Signed" },
      enum: { type: "string", title: "A property named like a keyword" },
    },
  },
  "x/templates/loop.schema.json": { $ref: "loop.schema.json" },
  "x/templates/escape.schema.json": { $ref: "../../../outside.schema.json" },
};
const read = (path: string) => {
  const file = files[path];
  if (!file) throw new Error(`no file ${path}`);
  return file;
};

describe("bundleSchema()", () => {
  it("inlines shared definitions under $defs, keeping the use-site title", () => {
    const bundled = bundleSchema("x/templates/a.schema.json", read);
    expect(bundled.properties).toMatchObject({ when: { $ref: "#/$defs/common.date", title: "When" } });
    expect(Object.keys(bundled.$defs as object).sort()).toEqual(["common.date", "common.signature"]);
  });

  it("resolves references inside shared files relative to those files, and drops their $schema", () => {
    const defs = bundleSchema("x/templates/a.schema.json", read).$defs as Record<string, JsonSchema>;
    expect(defs["common.signature"]).toEqual({ type: "object", properties: { date: { $ref: "#/$defs/common.date", title: "Date" } } });
    expect(defs["common.date"]).not.toHaveProperty("$schema");
  });

  it("treats property names as names even when they look like keywords", () => {
    const bundled = bundleSchema("x/templates/a.schema.json", read);
    expect((bundled.properties as Record<string, JsonSchema>).enum).toEqual({ type: "string", title: "A property named like a keyword" });
  });

  it("refuses a circular reference", () => {
    expect(() => bundleSchema("x/templates/loop.schema.json", read)).toThrow(/Circular \$ref/);
  });

  it("refuses a reference outside the schemas folder", () => {
    expect(() => bundleSchema("x/templates/escape.schema.json", read)).toThrow(/leaves the schemas folder/);
  });
});
