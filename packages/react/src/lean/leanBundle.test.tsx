import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { registry } from "@ilm-forms/core";
import type { FieldTemplateProps } from "@rjsf/utils";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as unbundled from "../form.ts";

// The prebuilt lean entry, found the way a host finds it: through the package's export map.
const bundlePath = createRequire(import.meta.url).resolve("@ilm-forms/react/form");
let lean: typeof unbundled;
beforeAll(async () => {
  lean = (await import(bundlePath)) as typeof unbundled;
  // A synchronous server render of a template that counts words needs the counting code loaded first.
  await Promise.all([lean.preloadWordCounting(), unbundled.preloadWordCounting()]);
});

const schemasDir = join(import.meta.dirname, "../../../../schemas");
/**
 * The word-count chunk next to a prebuilt entry (loaded with import() by templates that count words),
 * and the names it takes from the entry (the entry exports them besides its own, decision 048).
 */
function wordCountChunk(entryPath: string): { path: string; code: string; fromEntry: string[] } {
  const entry = readFileSync(entryPath, "utf8");
  const file = /import\("\.\/(wordCountFeature-[\w-]+\.js)"\)/.exec(entry)?.[1];
  if (!file) throw new Error(`${entryPath} has no dynamic import of its word-count chunk`);
  const path = join(dirname(entryPath), file);
  const code = readFileSync(path, "utf8");
  const entryName = basename(entryPath);
  const clause = new RegExp(`^import \\{([^}]*)\\} from "\\./${entryName.replace(".", "\\.")}";$`, "m").exec(code)?.[1] ?? "";
  const fromEntry = clause.split(",").map((part) => part.trim().split(/\s+as\s+/)[0]!).filter(Boolean);
  return { path, code, fromEntry };
}

function validExample(templateId: string): Record<string, unknown> | undefined {
  const [qualification, name] = templateId.split("/");
  const file = join(schemasDir, qualification ?? "", "examples", `${name}.json`);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { valid?: Record<string, unknown>[] }).valid?.[0];
}

describe("the prebuilt @ilm-forms/react/form bundle", () => {
  it("is dist/bundle/form.js, and exports what the lean sources export", () => {
    expect(bundlePath.endsWith(join("dist", "bundle", "form.js"))).toBe(true);
    const { fromEntry } = wordCountChunk(bundlePath);
    expect(Object.keys(lean).filter((name) => !fromEntry.includes(name)).sort()).toEqual(Object.keys(unbundled).sort());
  });

  it("imports only React, React DOM and @ilm-forms/core, and holds @rjsf/core and @rjsf/utils without markdown-to-jsx, fast-uri, fast-equals or json-schema-merge", () => {
    const code = readFileSync(bundlePath, "utf8");
    const imported = new Set([...code.matchAll(/^import [^"]*"([^"]+)";$/gm)].map((match) => match[1]));
    expect([...imported].sort()).toEqual(["@ilm-forms/core/engine", "react", "react-dom", "react/jsx-runtime"]);
    const { sources } = JSON.parse(readFileSync(`${bundlePath}.map`, "utf8")) as { sources: string[] };
    expect(sources.some((source) => source.includes("@rjsf/core/lib/components/Form.js"))).toBe(true);
    expect(sources.filter((source) => source.includes("markdown-to-jsx"))).toEqual([]);
    expect(sources.some((source) => source.endsWith("src/lean/PlainMarkdown.tsx"))).toBe(true);
    expect(sources.some((source) => source.includes("@rjsf/utils/lib/schema/retrieveSchema.js"))).toBe(true);
    expect(sources.filter((source) => /fast-uri|fast-equals|json-schema-merge|LayoutGridField|AltDateWidget|FileWidget/.test(source))).toEqual([]);
    // core's name scan is a chunk of its own, loaded once there is text to scan (decision 043)
    expect(code).toContain('import("@ilm-forms/core/confidentiality")');
  });

  // The stand-ins of decision 043 hold only while no ILM template uses what they leave out.
  it("no template in core's registry has allOf, anyOf, oneOf, $id or additional properties (what the stand-ins leave out)", () => {
    const found: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${where}/${index}`));
      if (!node || typeof node !== "object") return;
      for (const key of ["allOf", "anyOf", "oneOf", "$id", "patternProperties"]) if (key in node) found.push(`${where}: ${key}`);
      const extra = (node as { additionalProperties?: unknown }).additionalProperties;
      if (extra !== undefined && extra !== false) found.push(`${where}: additionalProperties`);
      for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`);
    };
    for (const template of registry.listAllVersions()) walk(template.schema, `${template.id}@${template.version}`);
    expect(found).toEqual([]);
  });

  // The same markup from the bundle as from the sources, for every template, empty, filled with its
  // valid example, and read-only: the substitution changes nothing the ILM forms show.
  for (const template of registry.list()) {
    it(`renders ${template.id} exactly as the unbundled entry does`, () => {
      const entry = registry.entry(template.id);
      if (!entry) throw new Error(`no entry for ${template.id}`);
      const value = validExample(template.id);
      for (const props of [{}, { value }, { value, readOnly: true }]) {
        const fromBundle = renderToStaticMarkup(<lean.IlmForm template={entry} draftKey={false} {...props} />);
        const fromSources = renderToStaticMarkup(<unbundled.IlmForm template={entry} draftKey={false} {...props} />);
        expect(fromBundle).toContain("<form");
        expect(fromBundle).toBe(fromSources);
      }
    });
  }

  it("takes another theme's parts, over ours or instead of them", () => {
    const entry = registry.entry("ilm-8588/session-record");
    if (!entry) throw new Error("no session record");
    function OtherFieldTemplate({ id, children }: FieldTemplateProps) {
      return <div className="other-theme-field" data-field={id}>{children}</div>;
    }
    const over = renderToStaticMarkup(<lean.IlmForm template={entry} draftKey={false} theme={{ templates: { FieldTemplate: OtherFieldTemplate } }} />);
    expect(over).toContain('data-field="root_clientRef"');
    expect(over).toContain('class="ilm-button"'); // our submit button stays
    const instead = renderToStaticMarkup(<lean.IlmForm template={entry} draftKey={false} theme={{ templates: { FieldTemplate: OtherFieldTemplate } }} replaceTheme />);
    expect(instead).toContain('data-field="root_clientRef"');
    expect(instead).toContain('class="btn btn-info'); // RJSF's own core submit button
  });

  it("shows markdown as the text written (the trade-off of decision 018)", () => {
    const entry = registry.entry("ilm-8588/session-record");
    if (!entry) throw new Error("no session record");
    const description = "Read **the contract** first";
    const schema = { type: "object", properties: { note: { type: "string", title: "Note", description } } };
    const ui = { note: { "ui:enableMarkdownInDescription": true } };
    const module = { template: { ...entry.template, schema, ui }, validate: entry.validate };
    const html = renderToStaticMarkup(<lean.IlmForm template={module} draftKey={false} theme={{ templates: {} }} replaceTheme />);
    expect(html).toContain("<span>Read **the contract** first</span>");
    const full = renderToStaticMarkup(<unbundled.IlmForm template={module} draftKey={false} theme={{ templates: {} }} replaceTheme />);
    expect(full).toContain("<strong>the contract</strong>");
  });
});

describe("the prebuilt @ilm-forms/react main entry", () => {
  const mainPath = createRequire(import.meta.url).resolve("@ilm-forms/react");

  it("is dist/bundle/index.js, exports what src/index.ts exports, and leaves each template to a dynamic import", async () => {
    expect(mainPath.endsWith(join("dist", "bundle", "index.js"))).toBe(true);
    const [main, sources] = await Promise.all([import(mainPath), import("../index.ts")]);
    const { fromEntry } = wordCountChunk(mainPath);
    expect(Object.keys(main).filter((name) => !fromEntry.includes(name)).sort()).toEqual(Object.keys(sources).sort());
    const code = readFileSync(mainPath, "utf8");
    const imported = new Set([...code.matchAll(/^import [^"]*"([^"]+)";$/gm)].map((match) => match[1]));
    expect([...imported].sort()).toEqual(["@ilm-forms/core/engine", "react", "react-dom", "react/jsx-runtime"]);
    const templates = [...code.matchAll(/import\("(@ilm-forms\/core\/templates\/[^"]+)"\)/g)].map((match) => match[1]);
    expect(templates.sort()).toEqual(registry.listAllVersions().map((template) => `@ilm-forms/core/templates/${template.id}@${template.version}`).sort());
    const { sources: bundled } = JSON.parse(readFileSync(`${mainPath}.map`, "utf8")) as { sources: string[] };
    expect(bundled.filter((source) => source.includes("markdown-to-jsx"))).toEqual([]);
  });

  it("carries no word counting: the widget, its store and core's counting are a chunk of their own, taking from the entry only what it shares", () => {
    for (const entryPath of [mainPath, bundlePath]) {
      const { sources } = JSON.parse(readFileSync(`${entryPath}.map`, "utf8")) as { sources: string[] };
      expect(sources.filter((source) => /WordCountWidget|wordCountStore|wordCountFeature/.test(source))).toEqual([]);
      expect(readFileSync(entryPath, "utf8")).not.toMatch(/^import \{[^}]*\bwordCounts\b|guidance, not a requirement/m);
      const chunk = wordCountChunk(entryPath);
      expect(chunk.code).toMatch(/^import \{ wordCounts \} from "@ilm-forms\/core\/engine";$/m);
      expect(chunk.code).toContain("This is guidance, not a requirement.");
      expect(chunk.fromEntry.length).toBeGreaterThan(0);
      expect(chunk.fromEntry.length).toBeLessThanOrEqual(3);
    }
  });
});
