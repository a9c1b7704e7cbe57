import { sharedConfig } from "../../vitest.shared.ts";

// Every test on SQLite; on PostgreSQL too (a throwaway cluster, tests/support/pgGlobalSetup.ts) the
// ones that exercise the data layer through the app: the loaders and actions, the models, the
// access-policy matrix over HTTP, the security log, and two dashboard processes on one database. The browser (e2e) and
// the SQLite file-level reliability tests run once. The reliability run (`test:reliability`, which
// sets ILM_RELIABILITY) adds on PostgreSQL the long ones with an engine switch: crash durability,
// concurrent edits over two processes, the audit chain under 8 writers in 2 processes, load against
// SQLite and two processes against one, and scale.
const reliability = process.env.ILM_RELIABILITY ? ["crash", "concurrent", "chain", "load", "scale"].map((name) => `tests/reliability/${name}.test.ts`) : [];

// The rate limits, the API token's lifetime, the common-password check and the admin's re-authentication over HTTP (decisions 070 to 073) count and store in the database.
const securityControls = ["saveLimits", "apiTokenAdmin", "commonPasswords", "adminReauth"].map((name) => `tests/server/${name}.test.ts`);

const config = sharedConfig(import.meta.dirname, ["app/**/*.test.ts", "tests/**/*.test.ts"], {
  include: ["tests/routes/**/*.test.ts", "tests/models/**/*.test.ts", "tests/reliability/access.test.ts", "tests/reliability/injection.test.ts", "tests/reliability/logging.test.ts", "tests/reliability/securityLog.test.ts", "tests/server/multiProcess.test.ts", "tests/server/roundTrips.test.ts", ...securityControls, ...reliability],
  globalSetup: "tests/support/pgGlobalSetup.ts",
});
config.test = { ...config.test, setupFiles: ["tests/support/quietSecurityLog.ts"] };

export default config;
