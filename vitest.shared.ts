import { basename } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The vitest settings every package shares: besides the usual console report, each run writes a
 * JSON report to `<repo>/.test-results/<package>.json`, which `scripts/test-all.mjs` sums into the
 * one `N passed, N failed` line that CI reads.
 *
 * A package whose data goes through @ilm-forms/db can run its database-facing tests on PostgreSQL too:
 * `postgres.include` names them, and `postgres.globalSetup` starts a throwaway cluster (scripts/pg-cluster.mjs)
 * and provides its URL as `pgUrl`. The two engines run as two vitest projects, `sqlite` and `postgres`,
 * in one run and one report. `ILM_TEST_ENGINES=sqlite` (or `postgres`) runs one of them.
 *
 * @param packageDir - the package's folder (pass `import.meta.dirname`)
 * @param include - the test files, relative to the package
 * @param postgres - the files to run on PostgreSQL too, and the global setup that starts the cluster
 */
export function sharedConfig(
  packageDir: string,
  include: string[] = ["src/**/*.test.ts", "src/**/*.test.tsx"],
  postgres?: { include: string[]; globalSetup: string },
) {
  const engines = (process.env.ILM_TEST_ENGINES ?? "sqlite,postgres").split(",");
  const projects = postgres
    ? [
        ...(engines.includes("sqlite") ? [{ extends: true as const, test: { name: "sqlite", include } }] : []),
        ...(engines.includes("postgres")
          ? [{ extends: true as const, test: { name: "postgres", include: postgres.include, globalSetup: [postgres.globalSetup], env: { ILM_TEST_ENGINE: "postgres" } } }]
          : []),
      ]
    : undefined;
  return defineConfig({
    test: {
      ...(projects ? { projects } : { include }),
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // expect.poll waits 1 s by default. A browser test's page under CI's load (two cores, several
      // Chromiums and servers at once) can take longer than that to reload and restore a draft,
      // which failed a run once (leanBundle.browser.test.ts › keeps a draft across a reload).
      expect: { poll: { timeout: 10_000 } },
      reporters: ["default", "json"],
      outputFile: { json: `${packageDir}/../../.test-results/${basename(packageDir)}.json` },
    },
  });
}
