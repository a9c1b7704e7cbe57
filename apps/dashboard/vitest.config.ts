import { sharedConfig } from "../../vitest.shared.ts";

// Every test on SQLite; on PostgreSQL too (a throwaway cluster, tests/support/pgGlobalSetup.ts) the
// ones that exercise the data layer through the app: the loaders and actions, the models, the
// access-policy matrix over HTTP, and two dashboard processes on one database. The browser (e2e) and
// the SQLite file-level reliability tests run once.
export default sharedConfig(import.meta.dirname, ["app/**/*.test.ts", "tests/**/*.test.ts"], {
  include: ["tests/routes/**/*.test.ts", "tests/models/**/*.test.ts", "tests/reliability/access.test.ts", "tests/server/multiProcess.test.ts"],
  globalSetup: "tests/support/pgGlobalSetup.ts",
});
