import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registry } from "../index.ts";
import type { Template } from "../registry/types.ts";
import { schemasDir } from "../test/schemasDir.ts";
import { wordCounts } from "./wordCounts.ts";

const report: Template = {
  id: "test/report",
  version: "1.0.0",
  title: "Report",
  ui: {},
  annotations: { version: "1.0.0" },
  schema: {
    type: "object",
    properties: {
      wordCount: { title: "Word count", type: "integer", readOnly: true, "x-ilm": { role: "word-count", of: ["introduction", "body"], suggested: { minimum: 5, maximum: 8 } } },
      introduction: { title: "Introduction", type: "string" },
      body: { title: "Body", type: "string" },
      appendix: { title: "Appendix", type: "string" },
    },
  },
};

describe("wordCounts()", () => {
  it("adds up the words of the fields the count names and leaves out the rest", () => {
    const [count] = wordCounts(report, { introduction: "Two words", body: "and three more", appendix: "not counted at all" });
    expect(count).toEqual({ field: "wordCount", title: "Word count", count: 5, suggested: { minimum: 5, maximum: 8 }, withinSuggested: true });
  });

  it("says when the count is outside the suggestion, as guidance", () => {
    expect(wordCounts(report, { introduction: "Too short" })[0]!.withinSuggested).toBe(false);
    expect(wordCounts(report, { body: "one two three four five six seven eight nine" })[0]!.withinSuggested).toBe(false);
  });

  it("ignores the number typed into the count itself and fields that are not text", () => {
    expect(wordCounts(report, { wordCount: 5000, introduction: 12, body: null })[0]!.count).toBe(0);
  });

  it("finds nothing in a template that counts no words, or in a document that is not an object", () => {
    expect(wordCounts(registry.get("ilm-8588/session-record")!, { goal: "A goal" })).toEqual([]);
    expect(wordCounts(report, "text")[0]!.count).toBe(0);
  });

  it("counts the Unit 500 report against the handbook's 4,000 to 5,500 words", () => {
    const template = registry.get("ilm-8588/assignment-500")!;
    const [count] = wordCounts(template, { introduction: "I am a manager.", references: "Whitmore, J. (2017) Coaching for Performance." });
    expect(count).toMatchObject({ field: "wordCount", count: 4, suggested: { minimum: 4000, maximum: 5500 }, withinSuggested: false });
  });

  // Data-driven: a template's valid examples hold the count a learner's form would show.
  describe.each(registry.list().filter((t) => wordCounts(t, {}).length > 0).map((t) => [t.id, t] as const))("%s", (id, template) => {
    const [scheme, name] = id.split("/");
    const file = join(schemasDir, scheme!, "examples", `${name}.json`);
    const examples = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { valid: Record<string, unknown>[] }).valid : [];

    it("names only fields of the template, each of them text", () => {
      const properties = template.schema.properties as Record<string, { "x-ilm"?: { of?: string[] } }>;
      for (const { field } of wordCounts(template, {})) {
        for (const counted of properties[field]!["x-ilm"]!.of!) expect(Object.keys(properties), `${field} counts ${counted}`).toContain(counted);
      }
    });

    it.each(examples.map((example, index) => [index, example] as const))("valid example %i holds its counted words", (_index, example) => {
      for (const { field, count } of wordCounts(template, example)) if (field in example) expect(example[field]).toBe(count);
    });
  });
});
