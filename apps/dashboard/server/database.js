// Opens the dashboard's database: PostgreSQL when DATABASE_URL names one (postgres://…), else the SQLite
// file (DATABASE_PATH): created and migrated on first start, filled with the demo centre when it is new
// and SEED_DEMO is "true" (the README's start command sets it). A second start keeps the data.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { connectDatabase, seedDemoCentre } from "@ilm-forms/db";

/**
 * @param {{ databasePath: string, databaseUrl?: string, databasePoolSize?: number, seedDemo: boolean, demoSeed: number }} config
 */
export async function openAppDatabase(config) {
  let target = config.databaseUrl;
  if (!target) {
    target = resolve(config.databasePath);
    mkdirSync(dirname(target), { recursive: true });
  }
  const database = await connectDatabase(target, config.databasePoolSize ? { poolSize: config.databasePoolSize } : {});
  const demo = config.seedDemo ? await seedDemoCentre(database.db, { seed: config.demoSeed }) : undefined;
  const close = async () => {
    try {
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  return { database, demo };
}
