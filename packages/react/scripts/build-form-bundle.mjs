// Builds the lean entry `@ilm-forms/react/form` and the main entry `@ilm-forms/react` (forms by id,
// decision 023) as prebuilt ES modules (decision 018): our code
// and @rjsf/core and @rjsf/utils in one file, with markdown-to-jsx (which only RJSF's markdown options
// and its own configuration-error messages reach) replaced by a plain-text stand-in, and the parts of
// RJSF no ILM template reaches replaced too (STAND_INS, decision 043). React and @ilm-forms/core stay
// imports, resolved and shared by the host's bundler. The file is not minified:
// the host's bundler minifies it with the rest of the page.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const root = join(import.meta.dirname, "..");
const outDir = join(root, "dist", "bundle");
const require = createRequire(join(root, "package.json"));
// @rjsf/core exports no ./package.json: find its folder from its main file (dist/index.cjs).
const rjsfCoreDir = dirname(dirname(require.resolve("@rjsf/core")));
const rjsfCore = JSON.parse(readFileSync(join(rjsfCoreDir, "package.json"), "utf8"));
const rjsfUtilsDir = dirname(dirname(require.resolve("@rjsf/utils")));
const rjsfUtils = JSON.parse(readFileSync(join(rjsfUtilsDir, "package.json"), "utf8"));

const fromRjsfUtils = createRequire(join(rjsfUtilsDir, "package.json"));

/** Imports the bundle leaves to the host: React and @ilm-forms/core (with their subpaths). */
export const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@ilm-forms\/core($|\/)/];

/**
 * Modules of RJSF replaced inside the bundles by what the ILM forms need of them (decision 043):
 * RJSF's default fields, widgets and templates less those no ILM template reaches, the platform's
 * URL for fast-uri, RJSF v5's allOf merge for @x0k/json-schema-merge, a plain deep equality for
 * fast-equals, two functions for react-is, and a NumberField that asks Intl for the decimal
 * separator only when it needs it. Keyed by the resolved file.
 */
const STAND_INS = new Map([
  [join(rjsfCoreDir, "lib", "components", "fields", "index.js"), join(root, "src", "lean", "rjsf", "fields.ts")],
  [join(rjsfCoreDir, "lib", "components", "widgets", "index.js"), join(root, "src", "lean", "rjsf", "widgets.ts")],
  [join(rjsfCoreDir, "lib", "components", "templates", "index.js"), join(root, "src", "lean", "rjsf", "templates.ts")],
  [join(rjsfCoreDir, "lib", "components", "fields", "NumberField.js"), join(root, "src", "lean", "rjsf", "NumberField.ts")],
  [join(rjsfUtilsDir, "lib", "schema", "shallowAllOfMerge.js"), join(root, "src", "lean", "rjsf", "shallowAllOfMerge.ts")],
  [join(rjsfUtilsDir, "lib", "deepEquals.js"), join(root, "src", "lean", "rjsf", "deepEquals.ts")],
  [fromRjsfUtils.resolve("fast-uri"), join(root, "src", "lean", "rjsf", "uriResolver.ts")],
  [fromRjsfUtils.resolve("react-is"), join(root, "src", "lean", "rjsf", "reactIs.ts")],
]);

/** A resolver plugin that swaps the modules of STAND_INS after they are resolved as usual. */
const standIns = {
  name: "ilm-forms-stand-ins",
  enforce: "pre",
  async resolveId(source, importer, options) {
    if (importer && STAND_INS.has(importer)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved) return null;
    const standIn = STAND_INS.get(resolved.id);
    return standIn ? { id: standIn } : resolved;
  },
};

const entries = [
  { name: "form", source: "form.ts", label: "@ilm-forms/react/form" },
  { name: "index", source: "index.ts", label: "@ilm-forms/react" },
];
for (const [index, entry] of entries.entries()) {
  await build({
    root,
    configFile: false,
    logLevel: "warn",
    plugins: [standIns, react()],
    resolve: { alias: [{ find: /^markdown-to-jsx\/react$/, replacement: join(root, "src", "lean", "PlainMarkdown.tsx") }] },
    build: {
      outDir,
      emptyOutDir: index === 0,
      minify: false,
      target: "es2022",
      sourcemap: true,
      lib: { entry: join(root, "src", entry.source), formats: ["es"], fileName: () => `${entry.name}.js` },
      rollupOptions: {
        // The main entry's template loaders stay dynamic imports of @ilm-forms/core/templates/…,
        // which the host's bundler splits into one chunk per template.
        external: EXTERNAL,
        // The word-count code is a chunk of its own (loaded only by templates that count words) and
        // takes what it shares with the entry from the entry itself, not from a third file.
        preserveEntrySignatures: "allow-extension",
        output: {
          banner: `/*! ${entry.label}: includes @rjsf/core ${rjsfCore.version} and @rjsf/utils ${rjsfUtils.version} (Apache-2.0, https://github.com/rjsf-team/react-jsonschema-form; licence in ./LICENSE-rjsf-core.md) with jsonpointer (MIT); markdown-to-jsx, react-is, fast-uri, fast-equals, @x0k/json-schema-merge and the RJSF fields no ILM template uses replaced (decision 043) */`,
        },
      },
    },
  });
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(rjsfCoreDir, "LICENSE.md"), join(outDir, "LICENSE-rjsf-core.md"));
