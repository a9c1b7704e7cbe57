import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { templateLoaders } from "../generated/templateLoaders.ts";

const script = join(import.meta.dirname, "../../scripts/generate-template-loaders.mjs");
const docs = join(import.meta.dirname, "../../../../docs/embedding.md");

describe("the template list", () => {
  it("loads every template and version of core's registry by id", () => {
    const expected = registry.listAllVersions().map((template) => `${template.id}@${template.version}`).sort();
    const loadable = Object.entries(templateLoaders).flatMap(([id, { versions }]) => Object.keys(versions).map((version) => `${id}@${version}`)).sort();
    expect(loadable).toEqual(expected);
    for (const template of registry.list()) expect(templateLoaders[template.id]?.current).toBe(template.version);
  });

  it("is in docs/embedding.md as the registry has it (run the script with --write-docs when it is not)", () => {
    const listed = /<!-- templates:start -->\n([\s\S]*?)<!-- templates:end -->/.exec(readFileSync(docs, "utf8"))?.[1];
    expect(listed).toBe(execFileSync("node", [script, "--markdown"], { encoding: "utf8" }));
  });
});
