import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations: generated from src/schema/pg.ts, which builds the PostgreSQL tables from
// the SQLite declarations (decision 038). `pnpm run db:generate:pg -- --name <name>`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/pg.ts",
  out: "./drizzle-pg",
});
