import { describe, expect, it } from "vitest";
import { parseDocument } from "./parseDocument.ts";

describe("parseDocument()", () => {
  it("parses JSON text", () => {
    expect(parseDocument('{"clientRef":"Client 1"}')).toEqual({ ok: true, document: { clientRef: "Client 1" } });
  });

  it("refuses text that is not JSON with a clear message", () => {
    const result = parseDocument("{clientRef:");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The document is not valid JSON/);
  });

  it("refuses a document that is too large before parsing it", () => {
    const result = parseDocument(JSON.stringify({ text: "x".repeat(2000) }), { maxBytes: 1000 });
    expect(result).toMatchObject({ ok: false, error: { rule: "maxBytes", message: "The document is larger than 1 KiB" } });
  });

  it("counts bytes, not characters", () => {
    expect(parseDocument(JSON.stringify("é".repeat(400)), { maxBytes: 500 }).ok).toBe(false);
    expect(parseDocument(JSON.stringify("e".repeat(400)), { maxBytes: 500 }).ok).toBe(true);
  });

  it("refuses nesting deeper than the limit, even a million levels, without an exception", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(() => parseDocument(deep, { maxBytes: 10_000_000 })).not.toThrow();
    expect(parseDocument(deep, { maxBytes: 10_000_000 })).toMatchObject({ ok: false, error: { rule: "maxDepth" } });
  });

  it("does not count brackets inside strings as nesting", () => {
    const text = JSON.stringify({ note: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\\" {{{{" });
    expect(parseDocument(text, { maxDepth: 2 }).ok).toBe(true);
  });

  it("accepts nesting at the limit", () => {
    expect(parseDocument("[[[]]]", { maxDepth: 3 }).ok).toBe(true);
    expect(parseDocument("[[[[]]]]", { maxDepth: 3 }).ok).toBe(false);
  });
});
