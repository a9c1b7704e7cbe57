import { sharedConfig } from "../../vitest.shared.ts";

// Every test runs on SQLite and again on PostgreSQL (a throwaway cluster: src/test/pgGlobalSetup.ts).
// Each test file's world seeds two demo centres: the shared config gives hooks 60 s.
export default sharedConfig(import.meta.dirname, undefined, {
  include: ["src/**/*.test.ts"],
  globalSetup: "src/test/pgGlobalSetup.ts",
});
