import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { checkPortfolio, findNamedPeople, namesUsedIn } from "./engine.ts";

describe("@ilm-forms/core/engine (the engine without data)", () => {
  it("reaches neither the built-in registry nor the generated templates", async () => {
    const result = await build({ entryPoints: [join(import.meta.dirname, "engine.ts")], bundle: true, write: false, format: "esm", platform: "node", packages: "external", metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /builtinRegistry|generated\//.test(input))).toEqual([]);
    expect(inputs.some((input) => input.endsWith("rules/checkPortfolio.ts"))).toBe(true);
  });

  it("asks for a registry instead of falling back on templates it does not hold", () => {
    expect(() => checkPortfolio("501", [])).toThrow("checkPortfolio needs options.registry: @ilm-forms/core/engine holds no templates");
    expect(() => findNamedPeople([])).toThrow("findNamedPeople needs a registry");
    expect(() => namesUsedIn([])).toThrow("namesUsedIn needs a registry");
  });
});
