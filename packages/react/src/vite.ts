// A Vite plugin for pages that show a form by id (decisions 054 and 060). Without it, the template's
// chunk is requested only after the page's script has run (a second round trip), and the form's first
// render finds no template: it commits a loading line and renders again when the chunk arrives. The
// plugin turns the loader of each named template (in @ilm-forms/react's own code) from a dynamic
// import into a static one, so the template comes with the page's script, is there when the script
// starts, and the form renders once, at once. For a template that still ends in a chunk of its own
// (when another page or module imports it dynamically too) it writes a <link rel="modulepreload"> for
// that chunk (and the chunks it imports) into the built HTML. Nothing of this runs in the browser; it
// imports only types from Vite.
import type { Plugin } from "vite";
import { templateLoaders } from "./generated/templateLoaders.ts";

/** The options of `ilmFormsPreload`. */
export interface IlmFormsPreloadOptions {
  /**
   * The templates the pages show by id, as `IlmForm`'s `template` (and `version`) props name them:
   * `"ilm-8588/session-record"` (its current version) or `"ilm-8588/session-record@2.0.0"`.
   */
  templates: readonly string[];
}

/** A chunk of the bundle, as much of Rollup's and Rolldown's output as the plugin reads. */
interface OutputChunkLike {
  type: "chunk" | "asset";
  fileName: string;
  facadeModuleId?: string | null;
  moduleIds?: readonly string[];
  imports?: readonly string[];
  isEntry?: boolean;
}

/**
 * The module file a template id (with an optional `@version`) is built from.
 *
 * @param named - `id` or `id@version`
 * @returns the path's tail inside @ilm-forms/core, e.g. `templates/ilm-8588/session-record@3.0.0.js`
 */
function moduleTail(named: string): string {
  return `/templates/${templateOf(named)}.js`;
}

/**
 * A template id (with an optional `@version`) as `id@version`, the version the current one when none is named.
 *
 * @param named - `id` or `id@version`
 * @returns e.g. `ilm-8588/session-record@3.0.0`
 */
function templateOf(named: string): string {
  const at = named.lastIndexOf("@");
  const id = at > 0 ? named.slice(0, at) : named;
  const known = templateLoaders[id];
  const version = at > 0 ? named.slice(at + 1) : known?.current;
  if (!known || version === undefined || !known.versions[version]) throw new Error(`ilmFormsPreload: there is no template ${named}.`);
  return `${id}@${version}`;
}

/** A string as a regular expression that matches it literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * Turns the named templates' loaders in @ilm-forms/react's template list (`"3.0.0": () => import("@ilm-forms/core/templates/…@3.0.0")`,
 * in its prebuilt and its unbundled entries alike) into static imports: the loader then gives the module itself.
 * Code that is not that list (the portal's own dynamic imports among it) is left as it is.
 *
 * @param code - a module's code
 * @param templates - `id@version` of each named template
 * @returns the code with the loaders replaced, or undefined when it holds none of them
 */
function bundleTemplatesIn(code: string, templates: readonly string[]): string | undefined {
  const imports: string[] = [];
  let result = code;
  for (const template of templates) {
    const version = template.slice(template.lastIndexOf("@") + 1);
    const specifier = `@ilm-forms/core/templates/${template}`;
    const loader = new RegExp(`(["']${literally(version)}["']\\s*:\\s*)\\(\\)\\s*=>\\s*import\\(\\s*["']${literally(specifier)}(?:\\.js)?["']\\s*\\)`, "g");
    const name = `__ilmFormsTemplate${imports.length}`;
    const replaced = result.replace(loader, (_match, key: string) => `${key}() => ${name}`);
    if (replaced === result) continue;
    result = replaced;
    imports.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
  }
  // On the first line, so every other line keeps its place (the transform returns no source map of its own).
  return imports.length > 0 ? `${imports.join("")}${result}` : undefined;
}

/**
 * Vite plugin: modulepreload links in the built pages for the templates they show by id, so a form
 * by id is fetched in parallel with the page's script instead of after it.
 *
 * @param options - the templates to preload
 * @returns the plugin (build only)
 */
export function ilmFormsPreload(options: IlmFormsPreloadOptions): Plugin {
  const tails = options.templates.map(moduleTail);
  const templates = options.templates.map(templateOf);
  let base = "/";
  return {
    name: "ilm-forms-preload",
    apply: "build",
    // Before Vite's own handling of dynamic imports, which would wrap them in its preload helper.
    enforce: "pre",
    configResolved(config) {
      base = config.base;
    },
    transform(code) {
      if (!code.includes("@ilm-forms/core/templates/")) return undefined;
      const bundled = bundleTemplatesIn(code, templates);
      return bundled === undefined ? undefined : { code: bundled, map: null };
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const bundle = context.bundle as Record<string, OutputChunkLike> | undefined;
        if (!bundle) return undefined;
        const chunks = Object.values(bundle).filter((item) => item.type === "chunk");
        const wanted = new Set<string>();
        const add = (fileName: string) => {
          if (wanted.has(fileName)) return;
          wanted.add(fileName);
          for (const imported of bundle[fileName]?.imports ?? []) add(imported);
        };
        for (const tail of tails) {
          const built = (id: string | null | undefined) => typeof id === "string" && id.replaceAll("\\", "/").endsWith(tail);
          const chunk = chunks.find((candidate) => built(candidate.facadeModuleId) || (candidate.moduleIds ?? []).some(built));
          if (!chunk) throw new Error(`ilmFormsPreload: no chunk of this build holds ${tail.slice(1)}; does a page show it by id?`);
          // In the page's own script (the usual case, its import made static): nothing to preload.
          if (!chunk.isEntry) add(chunk.fileName);
        }
        return [...wanted].map((fileName) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${fileName}` }, injectTo: "head" as const }));
      },
    },
  };
}
