import { templateLoaders } from "../generated/templateLoaders.ts";
import { countsWords, loadedWordCounting, loadWordCounting } from "../wordCount/lazyWordCount.tsx";
import type { TemplateModule } from "./types.ts";

const loaded = new Map<string, TemplateModule>();
const loading = new Map<string, Promise<TemplateModule>>();
const failed = new Map<string, unknown>();

/**
 * Where a template id and version lead: its key, and its module when already loaded.
 *
 * @param id - a template id, e.g. `ilm-8588/session-record`
 * @param version - a version; the current one when omitted
 * @returns `undefined` when there is no such template or version
 */
export function findTemplate(id: string, version?: string): { key: string; module?: TemplateModule; error?: unknown } | undefined {
  const known = templateLoaders[id];
  const chosen = version ?? known?.current;
  if (!known || chosen === undefined || !known.versions[chosen]) return undefined;
  const key = `${id}@${chosen}`;
  return { key, module: loaded.get(key), error: failed.get(key) };
}

/**
 * Loads one template's module (its schema, ui hints and precompiled validator) on demand: a page
 * that shows one form by id fetches that one template. A form whose template is loaded already
 * renders at once, so preloading before rendering (for example in a route loader) avoids the
 * loading line, and a server render that preloads renders the whole form.
 *
 * @param id - a template id, e.g. `ilm-8588/session-record`
 * @param version - a version; the current one when omitted
 * @returns the template module
 */
export function preloadTemplate(id: string, version?: string): Promise<TemplateModule> {
  const found = findTemplate(id, version);
  if (!found) return Promise.reject(new Error(`There is no template ${id}${version ? ` version ${version}` : ""}.`));
  if (found.module) return Promise.resolve(found.module);
  let pending = loading.get(found.key);
  if (!pending) {
    const [, chosen] = found.key.split(/@(?=[^@]*$)/) as [string, string];
    // A loader gives a promise (a dynamic import, its own chunk), or the module itself when the
    // page's build names the template (`ilmFormsPreload`, decision 060, turns its import static):
    // then the template is there as the script starts and its form renders at once, with no
    // loading line and no second render. (A module namespace has no `then`.)
    const given: Promise<TemplateModule> | TemplateModule = templateLoaders[id]!.versions[chosen]!();
    if (isModule(given)) {
      const entry: TemplateModule = { template: given.template, validate: given.validate };
      if (!countsWords(entry.template) || loadedWordCounting()) {
        loaded.set(found.key, entry);
        return Promise.resolve(entry);
      }
    }
    pending = Promise.resolve(given).then(async (module) => {
      const entry: TemplateModule = { template: module.template, validate: module.validate };
      // A template that counts words brings the counting code too, so its form renders at once.
      if (countsWords(entry.template)) await loadWordCounting();
      loaded.set(found.key, entry);
      return entry;
    });
    // A failed load (the network, a stale chunk after a deploy) is shown, not retried for ever;
    // calling preloadTemplate again tries once more.
    pending.catch((error: unknown) => {
      loading.delete(found.key);
      failed.set(found.key, error);
    });
    failed.delete(found.key);
    loading.set(found.key, pending);
  }
  return pending;
}

function isModule(value: Promise<TemplateModule> | TemplateModule): value is TemplateModule {
  return typeof (value as { then?: unknown }).then !== "function";
}
