// Benchmarks of @ilm-forms/react in Chromium, each against plain RJSF with its default ajv validator
// measured in the same run: keystroke-to-commit on the largest forms, mount time, and the gzipped
// size of what a portal ships to render one form. ILM_FORMS_BENCH_FAST=1 shortens the runs.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright-core";
import { build } from "vite";
import { serveStatic } from "./server.mjs";

const here = import.meta.dirname;
const fixtures = join(here, "fixtures");
const fast = process.env.ILM_FORMS_BENCH_FAST === "1";
const KEYSTROKES = fast ? 40 : 200;
const MOUNTS = fast ? 3 : 8;

const sessionRecord = await import("@ilm-forms/core/templates/ilm-8588/session-record@2.0.0");
writeFileSync(join(fixtures, ".session-record.json"), JSON.stringify({ template: sessionRecord.template }));

const out = mkdtempSync(join(tmpdir(), "ilm-react-bench-"));
// The fixtures import this package by its public names, resolved as a portal's bundler would: through
// the export map (so `@ilm-forms/react/form` is the prebuilt bundle that ships in dist/bundle).
const self = ["@ilm-forms/react/form", "@ilm-forms/react/styles.css"].map((name) => ({ find: name, replacement: fileURLToPath(import.meta.resolve(name)) }));
const quiet = { logLevel: "error", configFile: false, plugins: [react()], resolve: { alias: self }, define: { "process.env.NODE_ENV": '"production"' } };

// 1. Size: a library build of a one-form entry, React left to the portal.
async function bundleSize(entry, alias = []) {
  const dir = join(out, `size-${entry}`);
  await build({
    ...quiet,
    resolve: { alias: [...self, ...alias] },
    root: fixtures,
    build: { outDir: dir, emptyOutDir: true, lib: { entry: join(fixtures, `${entry}.tsx`), formats: ["es"], fileName: "form" }, rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] } },
  });
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

// 2. Pages for timing, built for production.
await build({ ...quiet, root: fixtures, base: "./", build: { outDir: join(out, "pages"), emptyOutDir: true, rollupOptions: { input: { ours: join(fixtures, "ours.html"), baseline: join(fixtures, "baseline.html") } } } });

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n) => `${n.toFixed(2)} ms`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const server = await serveStatic(join(out, "pages"));
const page = await browser.newPage();

async function open(kind, form) {
  await page.goto(`${server.url}/${kind}.html#${form}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await page.goto(`${server.url}/${kind}.html#${form}`);
  await page.waitForFunction(() => window.__mounted !== undefined);
  return page.evaluate(() => window.__mounted);
}

// Types into a text box the way a keyboard does (native value setter + input event) and times, per
// keystroke, (a) commit: until React has committed the typed character, and (b) settled: until the
// form's onChange has reported the new data.
async function keystrokes(selector, count) {
  return page.evaluate(
    async ({ selector, count }) => {
      const box = document.querySelector(selector);
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value").set;
      const tick = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
      const commit = [];
      const settled = [];
      for (let i = 0; i < count; i += 1) {
        box.focus();
        const before = window.__changes;
        const next = box.value + String.fromCharCode(97 + (i % 26));
        const start = performance.now();
        setter.call(box, next);
        box.dispatchEvent(new Event("input", { bubbles: true }));
        await Promise.resolve();
        commit.push(performance.now() - start);
        if (box.value !== next) throw new Error("the typed character was not committed");
        while (window.__changes === before) await tick();
        settled.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 8));
      }
      return { commit, settled };
    },
    { selector, count },
  );
}

const cases = [
  { form: "hours-log", label: "log of 60 sessions", ours: "#root_clientRef", baseline: "#root_clientRef" },
  { form: "pdp", label: "PDP of 24 rows", ours: "#root_rows_23_areaForDevelopment", baseline: "#root_rows_23_areaForDevelopment" },
];
const report = [];
for (const { form, label, ours, baseline } of cases) {
  const mounts = { ours: [], baseline: [] };
  for (let i = 0; i < MOUNTS; i += 1) {
    mounts.baseline.push(await open("baseline", form));
    mounts.ours.push(await open("ours", form));
  }
  await open("baseline", form);
  await keystrokes(baseline, 10);
  const base = await keystrokes(baseline, KEYSTROKES);
  await open("ours", form);
  await keystrokes(ours, 10);
  const mine = await keystrokes(ours, KEYSTROKES);
  const row = (name, values) => `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}`;
  console.log(`\n${label} (${KEYSTROKES} keystrokes)`);
  console.log(`  keystroke-to-commit  @ilm-forms/react: ${row("ours", mine.commit)} | plain RJSF + ajv8: ${row("rjsf", base.commit)}`);
  const commitRatio = percentile(mine.commit, 95) / percentile(base.commit, 95);
  console.log(`  keystroke-to-commit p95 vs plain RJSF: ${commitRatio.toFixed(2)}x (goal ≤ 0.5x) ${commitRatio <= 0.5 ? "MET" : "NOT MET"}`);
  console.log(`  keystroke-to-onChange (form data updated)  @ilm-forms/react: ${row("ours", mine.settled)} | plain RJSF + ajv8: ${row("rjsf", base.settled)}`);
  console.log(`  keystroke-to-onChange p95 vs plain RJSF: ${(percentile(mine.settled, 95) / percentile(base.settled, 95)).toFixed(2)}x (no goal: shown for honesty)`);
  const mountRatio = percentile(mounts.ours, 50) / percentile(mounts.baseline, 50);
  console.log(`  mount (median of ${MOUNTS})  @ilm-forms/react: ${ms(percentile(mounts.ours, 50))} | plain RJSF + ajv8: ${ms(percentile(mounts.baseline, 50))} → ${mountRatio.toFixed(2)}x`);
  report.push({ form, commitRatio, mountRatio });
}

const oursSize = await bundleSize("size-ours");
const baseSize = await bundleSize("size-baseline");
const floorSize = await bundleSize("size-floor");
// The same floor with markdown-to-jsx swapped for the plain-text stand-in our prebuilt bundle uses
// (decision 018), to show how much of the gap that one substitution is.
const plainFloorSize = await bundleSize("size-floor", [{ find: /^markdown-to-jsx\/react$/, replacement: join(here, "../src/lean/PlainMarkdown.tsx") }]);
const sizeRatio = oursSize.gzip / baseSize.gzip;
console.log(`\nOne-form bundle (session record, React external), gzipped: @ilm-forms/react ${(oursSize.gzip / 1024).toFixed(1)} kB | RJSF + @rjsf/validator-ajv8 ${(baseSize.gzip / 1024).toFixed(1)} kB`);
console.log(`  size vs plain RJSF: ${sizeRatio.toFixed(2)}x (goal ≤ 0.7x) ${sizeRatio <= 0.7 ? "MET" : "NOT MET"}`);
console.log(`  for scale: RJSF's Form alone with a do-nothing validator is ${(floorSize.gzip / 1024).toFixed(1)} kB (${(floorSize.gzip / baseSize.gzip).toFixed(2)}x of plain RJSF + ajv8);`);
console.log(`  the same with markdown-to-jsx left out, as our prebuilt ./form bundle does: ${(plainFloorSize.gzip / 1024).toFixed(1)} kB (${(plainFloorSize.gzip / baseSize.gzip).toFixed(2)}x)`);

await browser.close();
await server.close();
rmSync(out, { recursive: true, force: true });
rmSync(join(fixtures, ".session-record.json"), { force: true });
