// A Vite plugin for pages that show a form by id (decision 054): the template's chunk is requested
// only after the page's script has run, a second round trip before the first form. The plugin writes
// a <link rel="modulepreload"> for that chunk (and the chunks it imports) into the built HTML, so the
// browser fetches it alongside the page's script. Vite alone cannot: a modulepreload link to the
// template module in index.html is copied as an asset under another name. Nothing of this runs in
// the browser; it imports only types from Vite.
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
}

/**
 * The module file a template id (with an optional `@version`) is built from.
 *
 * @param named - `id` or `id@version`
 * @returns the path's tail inside @ilm-forms/core, e.g. `templates/ilm-8588/session-record@3.0.0.js`
 */
function moduleTail(named: string): string {
  const at = named.lastIndexOf("@");
  const id = at > 0 ? named.slice(0, at) : named;
  const known = templateLoaders[id];
  const version = at > 0 ? named.slice(at + 1) : known?.current;
  if (!known || version === undefined || !known.versions[version]) throw new Error(`ilmFormsPreload: there is no template ${named}.`);
  return `/templates/${id}@${version}.js`;
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
  let base = "/";
  return {
    name: "ilm-forms-preload",
    apply: "build",
    configResolved(config) {
      base = config.base;
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
          add(chunk.fileName);
        }
        return [...wanted].map((fileName) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${fileName}` }, injectTo: "head" as const }));
      },
    },
  };
}
