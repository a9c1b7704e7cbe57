// Opens the dashboard's SQLite file: created and migrated on first start, filled with the demo
// centre when it is new and SEED_DEMO is "true" (the README's start command sets it). A second start keeps the data.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openDatabase, seedDemoCentre } from "@ilm-forms/db";

/**
 * @param {{ databasePath: string, seedDemo: boolean, demoSeed: number }} config
 */
export async function openAppDatabase(config) {
  const path = resolve(config.databasePath);
  mkdirSync(dirname(path), { recursive: true });
  const database = openDatabase(path);
  const demo = config.seedDemo ? await seedDemoCentre(database.db, { seed: config.demoSeed }) : undefined;
  const close = () => {
    database.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  return { database, demo };
}
