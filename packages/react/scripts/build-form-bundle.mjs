// Builds the lean entry `@ilm-forms/react/form` and the main entry `@ilm-forms/react` (forms by id,
// decision 023) as prebuilt ES modules (decision 018): our code
// and @rjsf/core in one file, with markdown-to-jsx (which only RJSF's markdown options and its own
// configuration-error messages reach) replaced by a plain-text stand-in. React, @rjsf/utils and
// @ilm-forms/core stay imports, resolved and shared by the host's bundler. The file is not minified:
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

/** Imports the bundle leaves to the host: React, @rjsf/utils and @ilm-forms/core (with their subpaths). */
export const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@rjsf\/utils($|\/)/, /^@ilm-forms\/core($|\/)/];

const entries = [
  { name: "form", source: "form.ts", label: "@ilm-forms/react/form" },
  { name: "index", source: "index.ts", label: "@ilm-forms/react" },
];
for (const [index, entry] of entries.entries()) {
  await build({
    root,
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
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
        output: {
          banner: `/*! ${entry.label}: includes @rjsf/core ${rjsfCore.version} (Apache-2.0, https://github.com/rjsf-team/react-jsonschema-form; licence in ./LICENSE-rjsf-core.md), its markdown-to-jsx replaced by plain text */`,
        },
      },
    },
  });
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(rjsfCoreDir, "LICENSE.md"), join(outDir, "LICENSE-rjsf-core.md"));
