import { basename } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The vitest settings every package shares: besides the usual console report, each run writes a
 * JSON report to `<repo>/.test-results/<package>.json`, which `scripts/test-all.mjs` sums into the
 * one `N passed, N failed` line that CI reads.
 *
 * @param packageDir - the package's folder (pass `import.meta.dirname`)
 * @param include - the test files, relative to the package
 */
export function sharedConfig(packageDir: string, include: string[] = ["src/**/*.test.ts", "src/**/*.test.tsx"]) {
  return defineConfig({
    test: {
      include,
      testTimeout: 30_000,
      reporters: ["default", "json"],
      outputFile: { json: `${packageDir}/../../.test-results/${basename(packageDir)}.json` },
    },
  });
}
