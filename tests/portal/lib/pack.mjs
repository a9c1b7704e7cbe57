// Packing the publishable packages as a release would, and checking what the tarballs hold.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assert, run } from "./run.mjs";

/**
 * Packs every package of `packages/` that is not private with `pnpm pack` (which turns `workspace:^`
 * into a caret range of the version, as a publish does).
 *
 * @param root - the repository
 * @param destination - where the tarballs go
 * @returns the tarball's path by package name
 */
export async function packAll(root, destination) {
  const tarballs = {};
  for (const dir of readdirSync(join(root, "packages"))) {
    const manifestPath = join(root, "packages", dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (manifest.private) continue;
    const before = new Set(readdirSync(destination));
    await run("pnpm", ["pack", "--pack-destination", destination], { cwd: join(root, "packages", dir), timeoutMs: 120_000 });
    const made = readdirSync(destination).find((file) => file.endsWith(".tgz") && !before.has(file));
    assert(made, `pnpm pack of ${manifest.name} made no tarball`);
    tarballs[manifest.name] = join(destination, made);
  }
  return tarballs;
}

/**
 * What a tarball must not hold: build or test folders, source maps (their sources are not
 * shipped), workspace or exact ranges between our own packages; and what it must state: `engines`.
 *
 * @param tarball - the path of a .tgz
 * @returns the problems, none when the tarball is clean
 */
export async function tarballProblems(tarball) {
  const listing = (await run("tar", ["-tzf", tarball], { timeoutMs: 60_000 })).split("\n").filter(Boolean);
  const problems = [];
  for (const entry of listing) {
    if (/\/(build|test|testing|tests|bench|__tests__)\//.test(entry.replace(/^package\//, "/"))) problems.push(`holds ${entry}`);
    if (entry.endsWith(".map")) problems.push(`holds the source map ${entry}`);
    if (/\.test\.(js|d\.ts)$/.test(entry)) problems.push(`holds the test ${entry}`);
  }
  const manifest = JSON.parse(await run("tar", ["-xzOf", tarball, "package/package.json"], { timeoutMs: 60_000 }));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith("workspace:")) problems.push(`${field}.${name} is ${range}`);
      if (name.startsWith("@ilm-forms/") && !range.startsWith("^")) problems.push(`${field}.${name} is ${range}, not a caret range`);
    }
  }
  if (!manifest.engines?.node) problems.push("states no engines.node");
  if (manifest.type !== "module") problems.push('is not "type": "module"');
  return { problems: problems.slice(0, 20), files: listing.length, manifest };
}
