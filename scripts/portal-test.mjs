#!/usr/bin/env node
// The portal test (issue 17): what a centre's developer gets from npm, proven outside the workspace.
// It packs every publishable package, makes fixture portals in a temporary folder from the tarballs
// alone (npm and the public registry, no workspace links): Vite 8 + React 18, Vite 8 + React 19, and
// a plain HTML page with <ilm-form>; typechecks each with strict TypeScript 5.9 and 7 (the docs' code
// blocks included); builds them; and in Chromium, under `script-src 'self'` without 'unsafe-eval',
// fills, errs and submits a session record and a client feedback form on one page. It prints the
// sizes and timings the issue asks for, measured in the same run, and ends with `N passed, N failed`
// (also written to .test-results/portal.json, which scripts/test-all.mjs adds to its total).
//
// ILM_PORTAL_KEEP=1 keeps the temporary folder; ILM_PORTAL_RUNS sets the timing rounds (each loads every page once; default 15).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fillClientFeedback, fillSessionRecord, CLIENT_FEEDBACK, CHROMIUM_ARGS, javascriptOfPage, SESSION_RECORD, timeToInteractive, watchConsole } from "../tests/portal/lib/browser.mjs";
import { makeHtmlPortal, makeReactPortal, writeBaselineSchema } from "../tests/portal/lib/fixtures.mjs";
import { packAll, tarballProblems } from "../tests/portal/lib/pack.mjs";
import { assert, createTally, run } from "../tests/portal/lib/run.mjs";
import { serveStatic } from "../tests/portal/lib/serve.mjs";

const LIMIT_MS = 15 * 60_000;
const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "tests", "portal", "fixtures");
const fromReact = createRequire(join(root, "packages", "react", "package.json"));
const { chromium } = fromReact("playwright-core");
const { registry } = await import(fromReact.resolve("@ilm-forms/core"));
const runs = Number(process.env.ILM_PORTAL_RUNS ?? 15);
const NPM_ENV = { npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", npm_config_loglevel: "error" };
const OUR_PACKAGES = ["@ilm-forms/core", "@ilm-forms/react", "@ilm-forms/docgen", "@ilm-forms/element"];
// Built and packed too, so every publishable tarball is checked (db is not installed by a portal).
const PUBLISHED = [...OUR_PACKAGES, "@ilm-forms/db"];

const started = performance.now();
const limit = setTimeout(() => {
  console.log(`portal test: over its limit of ${LIMIT_MS / 60_000} minutes, stopped`);
  process.exit(1);
}, LIMIT_MS);
const work = mkdtempSync(join(tmpdir(), "ilm-portal-"));
const tally = createTally();
const figures = {};
const closers = [];
let browser;

try {
  console.log(`portal test in ${work}`);
  await run("pnpm", ["exec", "turbo", "run", "build", ...PUBLISHED.map((name) => `--filter=${name}`), "--output-logs=errors-only"], { cwd: root, timeoutMs: 600_000, env: { TURBO_TELEMETRY_DISABLED: "1" } });
  mkdirSync(join(work, "tarballs"));
  const tarballs = await tally.check("pnpm pack of every publishable package", () => packAll(root, join(work, "tarballs")));
  if (!tarballs) throw new Error("nothing to test without the tarballs");
  for (const [name, tarball] of Object.entries(tarballs)) {
    const { problems, files } = await tarballProblems(tarball);
    await tally.check(`${name} tarball holds only what runs, states engines and caret ranges (${files} files)`, () => assert(problems.length === 0, problems.join("\n")));
  }

  await tally.check("the workspace takes every version the pnpm catalog names from the catalog (one version of vite, @types/react, …)", () => {
    const catalog = /^catalog:\n((?:[ \t]+.*\n?)+)/m.exec(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8"))?.[1] ?? "";
    const names = [...catalog.matchAll(/^\s+"?([@\w/.-]+)"?:/gm)].map((match) => match[1]);
    assert(names.length >= 5, `read only ${names.length} names from the catalog`);
    const manifests = ["package.json", ...["packages", "apps"].flatMap((folder) => readdirSync(join(root, folder)).map((name) => join(folder, name, "package.json")))].filter((path) => existsSync(join(root, path)));
    const astray = manifests.flatMap((path) => {
      const manifest = JSON.parse(readFileSync(join(root, path), "utf8"));
      return ["dependencies", "devDependencies"].flatMap((field) => Object.entries(manifest[field] ?? {}).filter(([name, range]) => names.includes(name) && range !== "catalog:").map(([name, range]) => `${path} ${field} ${name} ${range}`));
    });
    assert(astray.length === 0, `not from the catalog:\n${astray.join("\n")}`);
  });

  await tally.check("docs/embedding.md: every template id its HTML and TSX blocks name is in core's registry", () => {
    const docs = readFileSync(join(root, "docs", "embedding.md"), "utf8");
    const blocks = [...docs.matchAll(/```(?:html|tsx|ts)\n([\s\S]*?)```/g)].map((match) => match[1]).join("\n");
    const named = [...blocks.matchAll(/template=(?:"|\{?")([\w-]+\/[\w-]+)"/g), ...blocks.matchAll(/(?:preloadTemplate\(|templates\/)"?([\w-]+\/[\w-]+)/g)].map((match) => match[1]);
    assert(named.length >= 4, `found only ${named.length} template ids in the code blocks`);
    const unknown = named.filter((id) => !registry.entry(id));
    assert(unknown.length === 0, `unknown template ids: ${unknown.join(", ")}`);
  });

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  for (const major of [18, 19]) await reactPortal(major, tarballs);
  await htmlPortal(tarballs);
  printFigures();
} catch (error) {
  await tally.check("the portal test ran to the end", () => {
    throw error;
  });
} finally {
  await browser?.close();
  for (const close of closers) await close();
  clearTimeout(limit);
  if (process.env.ILM_PORTAL_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const passed = tally.checks.filter((check) => check.ok).length;
const failed = tally.checks.length - passed;
const results = join(root, ".test-results");
mkdirSync(results, { recursive: true });
writeFileSync(join(results, "portal.json"), JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numFailedTestSuites: 0, numPendingTests: 0, seconds: Math.round((performance.now() - started) / 1000) }));
console.log(`portal test took ${Math.round((performance.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Vite 8 + React of one major, from the tarballs. */
async function reactPortal(major, tarballs) {
  const dir = join(work, `react-${major}`);
  console.log(`\nVite 8 + React ${major}`);
  const blocks = makeReactPortal({ fixtures, dir, major, tarballs, docs: join(root, "docs", "embedding.md") });
  writeBaselineSchema(dir, registry.entry("ilm-8588/session-record").template);
  const bin = (path) => join(dir, "node_modules", path);
  const installed = await tally.check(`React ${major}: npm install from the tarballs and the registry`, () => run("npm", ["install"], { cwd: dir, env: NPM_ENV, timeoutMs: 420_000 }));
  if (installed === undefined) return;
  const version = JSON.parse(readFileSync(bin("react/package.json"), "utf8")).version;
  const viteVersion = JSON.parse(readFileSync(bin("vite/package.json"), "utf8")).version;
  await tally.check(`React ${major}: react ${version}, vite ${viteVersion}, no @rjsf/validator-ajv8 installed, no peer warnings`, () => {
    assert(version.startsWith(`${major}.`), `react ${version}`);
    assert(!existsSync(bin("@rjsf/validator-ajv8")), "@rjsf/validator-ajv8 was installed");
    assert(!/ERESOLVE|peer dep/i.test(installed), installed);
  });
  for (const ts of ["ts59", "ts7"]) {
    await tally.check(`React ${major}: strict TypeScript ${tsVersion(bin(ts))} passes the pages and the ${blocks} code blocks of docs/embedding.md`, () =>
      run("node", [bin(`${ts}/bin/tsc`), "-p", "tsconfig.json"], { cwd: dir, timeoutMs: 180_000 }),
    );
  }
  const built = await tally.check(`React ${major}: vite build of the pages: main entry, ./form, ./unbundled and ./form-unbundled`, () => run("node", [bin("vite/bin/vite.js"), "build"], { cwd: dir, timeoutMs: 240_000 }));
  if (built === undefined) return;
  const dist = join(dir, "dist");
  const server = await serveStatic(dist);
  closers.push(server.close);

  const page = await browser.newPage();
  const problems = watchConsole(page);
  await tally.check(`React ${major}: two forms on one page render with no id twice`, async () => {
    await page.goto(`${server.url}/`);
    await page.locator("form.ilm-form").nth(1).waitFor();
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((element) => element.id));
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
    assert(twice.length === 0, `ids used twice: ${twice.slice(0, 5).join(", ")}`);
  });
  await tally.check(`React ${major}: a session record errs, then submits the JSON the person typed`, async () => {
    const form = page.getByRole("region", { name: "Session record" });
    await form.getByRole("button", { name: "Save and continue" }).click();
    await form.getByRole("alert").getByRole("link", { name: "Client Ref/ID is required" }).waitFor();
    await fillSessionRecord(form);
    await form.getByRole("button", { name: "Save and continue" }).click();
    const data = JSON.parse(await page.getByTestId("submitted-session-record").innerText());
    assertMatches(data, SESSION_RECORD);
  });
  await tally.check(`React ${major}: a client feedback form on the same page errs, then submits its JSON`, async () => {
    const form = page.getByRole("region", { name: "Client feedback" });
    await form.getByRole("button", { name: "Save and continue" }).click();
    await form.getByRole("alert").getByRole("link", { name: "Name of Coach/Mentor is required" }).waitFor();
    await form.getByRole("alert").getByRole("link", { name: "Name of Coach/Mentor is required" }).click();
    const focused = await page.evaluate(() => document.activeElement?.closest("section")?.getAttribute("aria-label"));
    assert(focused === "Client feedback", `the summary's link focused a field in ${focused}`);
    await fillClientFeedback(form);
    await form.getByRole("button", { name: "Save and continue" }).click();
    const data = JSON.parse(await page.getByTestId("submitted-client-feedback").innerText());
    assertMatches(data, CLIENT_FEEDBACK);
    assert(Object.values(data.ratings ?? {}).length === 17, `ratings: ${JSON.stringify(data.ratings)}`);
  });
  await tally.check(`React ${major}: the unbundled entries (by id and by module) render their forms`, async () => {
    await page.goto(`${server.url}/unbundled.html`);
    await page.locator("form.ilm-form").nth(1).waitFor();
    await page.getByLabel("Session No.").waitFor();
    await page.getByLabel("Name of Coach/Mentor").waitFor();
  });
  await tally.check(`React ${major}: no console error, warning or CSP violation (script-src 'self', no 'unsafe-eval')`, () => assert(problems.length === 0, problems.join("\n")));

  const single = await tally.check(`React ${major}: the one-form and lean pages build on their own too (for the figures)`, async () => {
    const served = {};
    for (const name of ["one-form", "lean"]) {
      await run("node", [bin("vite/bin/vite.js"), "build", "--config", "vite.page.config.ts"], { cwd: dir, timeoutMs: 240_000, env: { PORTAL_PAGE: name } });
      served[name] = await serveStatic(join(dir, `dist-${name}`));
      closers.push(served[name].close);
    }
    return served;
  });
  if (single) {
    await tally.check(`React ${major}: ilmFormsPreload (@ilm-forms/react/vite) bundles the by-id template into the page's script: no chunk of it is fetched, and the form renders with no loading line first`, async () => {
      const html = readFileSync(join(dir, "dist-one-form", "one-form.html"), "utf8");
      assert(!/rel="modulepreload"[^>]*session-record@/.test(html), `the HTML still preloads a session record chunk: ${html}`);
      // A page of its own: the init script stays with a page, and the timing page must not carry it.
      const probe = await browser.newPage();
      const fetched = [];
      probe.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await probe.addInitScript(() => {
        window.__ilmLoadingLineSeen = false;
        new MutationObserver(() => {
          if (document.querySelector(".ilm-form-loading")) window.__ilmLoadingLineSeen = true;
        }).observe(document, { childList: true, subtree: true });
      });
      try {
        await probe.goto(`${single["one-form"].url}/one-form.html`);
        await probe.locator("input#root_clientRef").waitFor();
        const records = fetched.filter((path) => path.includes("/session-record@"));
        assert(records.length === 0, `the page fetched ${records.join(", ")}`);
        assert((await probe.evaluate(() => window.__ilmLoadingLineSeen)) === false, "the loading line showed before the form");
      } finally {
        await probe.close();
      }
    });
  }
  figures[`react${major}`] = { twoForms: await javascriptOfPage(page, `${server.url}/`, dist, "form.ilm-form") };
  if (single) {
    figures[`react${major}`].oneForm = await javascriptOfPage(page, `${single["one-form"].url}/one-form.html`, join(dir, "dist-one-form"), "form.ilm-form");
    figures[`react${major}`].lean = await javascriptOfPage(page, `${single.lean.url}/lean.html`, join(dir, "dist-lean"), "form.ilm-form");
    if (major === 19) await baseline(dir, page, single);
  }
  await page.close();
}

/** Plain RJSF with @rjsf/validator-ajv8 in the React 19 portal: the size and time baseline. */
async function baseline(dir, page, single) {
  const bin = (path) => join(dir, "node_modules", path);
  const built = await tally.check("React 19: the baseline page (plain RJSF + @rjsf/validator-ajv8) builds", async () => {
    await run("npm", ["install", "--no-save", "@rjsf/validator-ajv8@~6.11.1", "@rjsf/core@~6.11.1", "@rjsf/utils@~6.11.1"], { cwd: dir, env: NPM_ENV, timeoutMs: 300_000 });
    for (const page of ["baseline", "rjsf-alone", "floor"]) await run("node", [bin("vite/bin/vite.js"), "build", "--config", "vite.page.config.ts"], { cwd: dir, timeoutMs: 240_000, env: { PORTAL_PAGE: page } });
  });
  if (built === undefined) return;
  const dist = join(dir, "dist-baseline");
  const plain = await serveStatic(dist, null); // ajv compiles with new Function: no strict CSP for the baseline
  closers.push(plain.close);
  figures.baseline = { oneForm: await javascriptOfPage(page, `${plain.url}/baseline.html`, dist, "form") };
  const floor = await serveStatic(join(dir, "dist-floor"));
  closers.push(floor.close);
  const rjsfAlone = await serveStatic(join(dir, "dist-rjsf-alone"), null);
  closers.push(rjsfAlone.close);
  figures.floor = { oneForm: await javascriptOfPage(page, `${floor.url}/floor.html`, join(dir, "dist-floor"), "form") };
  figures.interactive = await timeToInteractive(page, { ours: `${single["one-form"].url}/one-form.html`, lean: `${single.lean.url}/lean.html`, baseline: `${plain.url}/baseline.html`, rjsfAlone: `${rjsfAlone.url}/rjsf-alone.html`, floor: `${floor.url}/floor.html` }, "input#root_clientRef", runs);
}

/** The plain HTML portal with <ilm-form>, a native form and a tiny server that checks with core. */
async function htmlPortal(tarballs) {
  const dir = join(work, "html");
  console.log("\nPlain HTML + <ilm-form>");
  const blocks = makeHtmlPortal({ fixtures, dir, tarballs, docs: join(root, "docs", "embedding.md") });
  const bin = (path) => join(dir, "node_modules", path);
  const installed = await tally.check("HTML: npm install of element, core and docgen from the tarballs", () => run("npm", ["install"], { cwd: dir, env: NPM_ENV, timeoutMs: 300_000 }));
  if (installed === undefined) return;
  await tally.check("HTML: nothing of React or playwright-core installed (the element carries React; docgen prints HTML without Chromium)", () => {
    for (const name of ["react", "react-dom", "playwright-core", "@rjsf/core"]) assert(!existsSync(bin(name)), `${name} was installed`);
  });
  await tally.check(`HTML: strict TypeScript ${tsVersion(bin("ts59"))} compiles the portal's script and the ${blocks} TypeScript block(s) of docs/embedding.md against the element's types`, () => run("node", [bin("ts59/bin/tsc"), "-p", "tsconfig.json"], { cwd: dir, timeoutMs: 120_000 }));
  await tally.check(`HTML: strict TypeScript ${tsVersion(bin("ts7"))} passes it too`, () => run("node", [bin("ts7/bin/tsc"), "-p", "tsconfig.json", "--noEmit"], { cwd: dir, timeoutMs: 120_000 }));
  const server = await startPortalServer(dir);
  const page = await browser.newPage();
  const problems = watchConsole(page);
  const record = page.locator('ilm-form[name="sessionRecord"]');
  const feedback = page.locator('ilm-form[name="clientFeedback"]');
  await tally.check("HTML: the native form does not submit while the documents are invalid, and the errors show", async () => {
    await page.goto(`${server.url}/`);
    await record.locator("form.ilm-form").waitFor();
    await feedback.locator("form.ilm-form").waitFor();
    await page.getByRole("button", { name: "Send both to the centre" }).click();
    await record.getByRole("alert").getByRole("link", { name: "Client Ref/ID is required" }).waitFor();
    assert(new URL(page.url()).pathname === "/", `the form was submitted to ${page.url()}`);
    const validity = await page.evaluate(() => [...document.querySelectorAll("ilm-form")].map((element) => element.validity.valid));
    assert(validity.every((valid) => !valid), `validity ${validity}`);
    const message = await record.evaluate((element) => element.validationMessage);
    assert(/required/.test(message), `validationMessage: ${message}`);
  });
  await tally.check("HTML: the portal's colours reach inside the element (custom properties)", async () => {
    const colour = await record.locator("button.ilm-button, button[type=submit]").first().evaluate((button) => getComputedStyle(button).backgroundColor);
    assert(colour === "rgb(76, 44, 146)", `the button is ${colour}`);
  });
  await tally.check("HTML: a draft survives a reload, and the element's value and validity follow it", async () => {
    await record.getByLabel("Client Ref/ID").fill("Client 7");
    await page.waitForTimeout(700); // drafts are written 0.4 s after typing stops
    await page.reload();
    await record.getByRole("region", { name: "Unsaved changes restored" }).waitFor();
    const restored = await record.evaluate((element) => element.value.clientRef);
    assert(restored === "Client 7", `value.clientRef after the reload: ${restored}`);
    const posted = await record.evaluate((element) => element.validationMessage);
    assert(!/Client Ref\/ID is required/.test(posted), `validationMessage still says ${posted}`);
  });
  await tally.check("HTML: filled in, the native form posts both documents and the server finds them valid with core", async () => {
    await fillSessionRecord(record);
    await fillClientFeedback(feedback);
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("complete"));
    await page.getByRole("button", { name: "Send both to the centre" }).click();
    await page.waitForURL(/\/submit$/);
    const result = JSON.parse(await page.locator("#result").innerText());
    assert(result.sessionRecord.valid && result.clientFeedback.valid, JSON.stringify(result).slice(0, 800));
    assertMatches(result.sessionRecord.data, SESSION_RECORD);
    assertMatches(result.clientFeedback.data, CLIENT_FEEDBACK);
    assert(result.sessionRecord.printedHtmlChars > 1000, "docgen printed no HTML");
  });
  await tally.check("HTML: no console error, warning or CSP violation", () => assert(problems.length === 0, problems.join("\n")));
  const fileOf = (path) => (path.startsWith("/ilm-form/") ? join(dir, "node_modules", "@ilm-forms", "element", "dist", path.slice("/ilm-form/".length)) : join(dir, "public", path));
  figures.element = { twoForms: await javascriptOfPage(page, `${server.url}/`, fileOf, "ilm-form") };
  await page.close();
}

function startPortalServer(dir) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("node", ["server.mjs"], { cwd: dir, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
    closers.push(async () => void child.kill());
    child.stdout.on("data", (chunk) => {
      const port = /listening on (\d+)/.exec(String(chunk))?.[1];
      if (port) resolvePromise({ url: `http://127.0.0.1:${port}` });
    });
    child.on("exit", (code) => reject(new Error(`the portal's server exited with ${code}`)));
  });
}

function assertMatches(actual, expected) {
  for (const [key, value] of Object.entries(expected)) assert(actual?.[key] === value, `${key}: ${JSON.stringify(actual?.[key])}, expected ${JSON.stringify(value)}`);
}

function tsVersion(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}

function printFigures() {
  const kB = (figure) => (figure ? `${figure.kB.toFixed(1)} kB` : "not measured");
  const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : "n/a");
  const { react18, react19, baseline: plain, element, interactive } = figures;
  console.log("\nFigures (JavaScript a page loads, gzipped level 9, React included; one-form, lean and baseline pages each built on their own; same run, same machine)");
  console.log(`  React 18, one form by id:          ${kB(react18?.oneForm)}   lean (./form + module): ${kB(react18?.lean)}   two forms: ${kB(react18?.twoForms)}`);
  console.log(`  React 19, one form by id:          ${kB(react19?.oneForm)}   lean (./form + module): ${kB(react19?.lean)}   two forms: ${kB(react19?.twoForms)}`);
  console.log(`  plain RJSF + validator-ajv8 (19):  ${kB(plain?.oneForm)}`);
  console.log(`  React 19 alone, one text box:      ${kB(figures.floor?.oneForm)} (no form library: the floor)`);
  console.log(`  <ilm-form>, two forms:             ${kB(element?.twoForms)}`);
  console.log(`  one form by id / baseline: ${ratio(react19?.oneForm.kB, plain?.oneForm.kB)}, lean / baseline: ${ratio(react19?.lean.kB, plain?.oneForm.kB)} (goal <= 0.6x)`);
  console.log(`  <ilm-form> / React 19 page, two forms: ${ratio(element?.twoForms.kB, react19?.twoForms.kB)} (goal <= 1.2x)`);
  if (interactive) {
    const { ms, ratio: paired } = interactive;
    const x = (name) => `${paired(name, "baseline").toFixed(2)}x`;
    console.log(`  first form interactive after navigation (React 19; timed in the page from navigation start to the first control usable), median of ${runs}: by id ${ms.ours.toFixed(0)} ms, lean ${ms.lean.toFixed(0)} ms, baseline ${ms.baseline.toFixed(0)} ms`);
    console.log(`  by id / baseline: ${x("ours")}, lean / baseline: ${x("lean")} (goal <= 0.8x; each the median of ${runs} rounds' ratios, a round loading every page once)`);
    console.log(`  plain RJSF with a validator that checks nothing (no ajv) / baseline: ${x("rjsfAlone")} (${ms.rjsfAlone.toFixed(0)} ms): the form library alone`);
    console.log(`  React alone with one text box (no form library) / baseline: ${x("floor")} (${ms.floor.toFixed(0)} ms): what any React form page pays before its form library`);
  }
}
