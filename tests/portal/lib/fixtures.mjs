// Making the fixture portals in a temporary folder: the sources from tests/portal/fixtures, a
// package.json that names only the tarballs and the public registry, and the docs' code blocks.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The versions a new portal gets today (`npm create vite`: Vite 8, React 19, TypeScript 7), and React 18. */
export const REACT_VERSIONS = {
  18: { react: "^18.3.1", types: "^18.3.0" },
  19: { react: "^19.0.0", types: "^19.0.0" },
};
const TOOLS = { vite: "^8.0.0", "@vitejs/plugin-react": "^6.0.0", ts59: "npm:typescript@~5.9.3", ts7: "npm:typescript@^7.0.0" };

/**
 * A Vite + React portal: the shared sources, the tarballs of core and react, React of one major,
 * TypeScript 5.9 and 7, and every ```tsx block of docs/embedding.md (and its Vite configuration) as src/docs/block-N.tsx.
 *
 * @param options - `fixtures` (tests/portal/fixtures), `dir` (to make), `major` (18 or 19), `tarballs`, `docs` (docs/embedding.md)
 * @returns the number of code blocks taken from the docs
 */
export function makeReactPortal({ fixtures, dir, major, tarballs, docs }) {
  cpSync(join(fixtures, "react"), dir, { recursive: true });
  const { react, types } = REACT_VERSIONS[major];
  const ours = { "@ilm-forms/core": `file:${tarballs["@ilm-forms/core"]}`, "@ilm-forms/react": `file:${tarballs["@ilm-forms/react"]}` };
  writeManifest(dir, `portal-react-${major}`, { ...ours, react, "react-dom": react }, { ...TOOLS, "@types/react": types, "@types/react-dom": types });
  // ```tsx blocks, and the Vite configuration (```ts vite.config.ts), which needs Vite and the React package.
  const blocks = [...readFileSync(docs, "utf8").matchAll(/```(?:tsx|ts vite\.config\.ts)\n([\s\S]*?)```/g)].map((match) => match[1]);
  mkdirSync(join(dir, "src", "docs"), { recursive: true });
  blocks.forEach((block, index) => writeFileSync(join(dir, "src", "docs", `block-${index + 1}.tsx`), block));
  return blocks.length;
}

/**
 * The portal that is not React: a plain HTML page with two `<ilm-form>` elements in a native form,
 * posting to a tiny server that checks the documents with core and prints them with docgen.
 *
 * @param options - `fixtures`, `dir`, `tarballs`, `docs` (its ```ts blocks become src/docs/block-N.ts)
 * @returns the number of code blocks taken from the docs
 */
export function makeHtmlPortal({ fixtures, dir, tarballs, docs }) {
  cpSync(join(fixtures, "html"), dir, { recursive: true });
  const blocks = [...readFileSync(docs, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  mkdirSync(join(dir, "src", "docs"), { recursive: true });
  blocks.forEach((block, index) => writeFileSync(join(dir, "src", "docs", `block-${index + 1}.ts`), block));
  const ours = Object.fromEntries(["@ilm-forms/core", "@ilm-forms/docgen", "@ilm-forms/element"].map((name) => [name, `file:${tarballs[name]}`]));
  writeManifest(dir, "portal-html", ours, { ts59: TOOLS.ts59, ts7: TOOLS.ts7 });
  return blocks.length;
}

/**
 * Writes the schema and ui hints of one template beside the baseline page (plain RJSF needs them as JSON).
 *
 * @param dir - the React portal
 * @param template - core's template (schema and ui)
 */
export function writeBaselineSchema(dir, template) {
  writeFileSync(join(dir, "baseline", "session-record.schema.json"), JSON.stringify(template.schema));
  writeFileSync(join(dir, "baseline", "session-record.ui.json"), JSON.stringify(withoutOurWidgets(template.ui ?? {})));
}

/** The ui hints without the widgets and fields only our theme has (plain RJSF refuses unknown ones). */
function withoutOurWidgets(ui) {
  if (Array.isArray(ui)) return ui.map(withoutOurWidgets);
  if (!ui || typeof ui !== "object") return ui;
  return Object.fromEntries(Object.entries(ui).filter(([key]) => key !== "ui:widget" && key !== "ui:field").map(([key, value]) => [key, withoutOurWidgets(value)]));
}

function writeManifest(dir, name, dependencies, devDependencies) {
  // `overrides` makes every `@ilm-forms/*` range inside the tarballs resolve to the tarballs too.
  const overrides = Object.fromEntries(Object.keys(dependencies).filter((dep) => dep.startsWith("@ilm-forms/")).map((dep) => [dep, `$${dep}`]));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name, private: true, type: "module", dependencies, devDependencies, overrides }, null, 2)}\n`);
}
