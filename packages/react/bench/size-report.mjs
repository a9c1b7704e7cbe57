// Per-module breakdown of a one-form bundle: builds a size fixture the way bench/run.mjs does and
// prints each module's rendered bytes and its gzipped size alone (modules gzip better together, so
// the column sums to more than the bundle; read it as an order of contributors).
// Usage: node bench/size-report.mjs [size-ours|size-baseline|size-floor] [top N] [--by-source]
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const here = import.meta.dirname;
const fixtures = join(here, "fixtures");
const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const entry = args[0] ?? "size-ours";
const top = Number(args[1] ?? 25);

const sessionRecord = await import("@ilm-forms/core/templates/ilm-8588/session-record@2.0.0");
writeFileSync(join(fixtures, ".session-record.json"), JSON.stringify({ template: sessionRecord.template }));
// As in bench/run.mjs: this package's public names resolve through its export map.
// With --by-source the lean entry is built from its sources with the same substitution as
// scripts/build-form-bundle.mjs, so the prebuilt bundle's own contents show module by module.
const bySource = process.argv.includes("--by-source");
const self = ["@ilm-forms/react/form", "@ilm-forms/react/styles.css"].map((name) => ({ find: name, replacement: fileURLToPath(import.meta.resolve(name)) }));
if (bySource) {
  self[0].replacement = join(here, "../src/form.ts");
  self.push({ find: /^markdown-to-jsx\/react$/, replacement: join(here, "../src/lean/PlainMarkdown.tsx") });
}
const out = mkdtempSync(join(tmpdir(), "ilm-react-size-"));
const modules = new Map();
await build({
  logLevel: "error",
  configFile: false,
  root: fixtures,
  resolve: { alias: self },
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [
    react(),
    {
      name: "per-module",
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk") continue;
          for (const [id, info] of Object.entries(chunk.modules)) modules.set(id, info.code ?? "");
        }
      },
    },
  ],
  build: { outDir: out, emptyOutDir: true, lib: { entry: join(fixtures, `${entry}.tsx`), formats: ["es"], fileName: "form" }, rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] } },
});
let total = 0;
for (const file of readdirSync(out)) if (/\.(js|css)$/.test(file)) total += gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
rmSync(out, { recursive: true, force: true });
rmSync(join(fixtures, ".session-record.json"), { force: true });

const name = (id) => {
  const at = id.lastIndexOf("node_modules/");
  return at >= 0 ? id.slice(at + "node_modules/".length) : relative(join(here, "../../.."), id);
};
const rows = [...modules].map(([id, code]) => ({ id: name(id), raw: Buffer.byteLength(code), gzip: code.length ? gzipSync(code, { level: 9 }).length : 0 }));
const byPackage = new Map();
for (const row of rows) {
  const m = row.id.match(/^((?:@[^/]+\/)?[^/]+)/);
  const pkg = row.id.includes("/") && !row.id.startsWith("packages/") ? m[1] : row.id.split("/").slice(0, 2).join("/");
  const sum = byPackage.get(pkg) ?? { raw: 0, gzip: 0, count: 0 };
  sum.raw += row.raw; sum.gzip += row.gzip; sum.count += 1;
  byPackage.set(pkg, sum);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(6);
console.log(`${entry}: ${(total / 1024).toFixed(1)} kB gzipped in all, ${rows.length} modules`);
console.log("\nby package (gzip of each module alone, summed | raw | modules)");
for (const [pkg, s] of [...byPackage].sort((a, b) => b[1].gzip - a[1].gzip)) console.log(`${kb(s.gzip)} kB ${kb(s.raw)} kB ${String(s.count).padStart(4)}  ${pkg}`);
console.log(`\ntop ${top} modules (gzip alone | raw)`);
for (const row of rows.sort((a, b) => b.gzip - a.gzip).slice(0, top)) console.log(`${kb(row.gzip)} kB ${kb(row.raw)} kB  ${row.id}`);
