// The PostgreSQL side of the test databases, written once for every package whose suite runs on
// PostgreSQL (packages/db's and apps/dashboard's vitest `postgres` projects): a throwaway cluster
// (pg-cluster.mjs) with a template database migrated once, and a fresh copy of that template per
// test (`CREATE DATABASE … TEMPLATE`, a file copy: far quicker than migrating). A plain ES module:
// the caller passes its `pg` (node-postgres) module, so this file needs no dependency of its own.
import { startCluster } from "./pg-cluster.mjs";

/**
 * The body of a vitest global setup: starts a cluster (or uses the server `ILM_TEST_DATABASE_URL`
 * names), creates the template database and migrates it.
 *
 * @param {{ pg: typeof import("pg").default, template: string, migrate: (url: string) => Promise<void> }} options
 *   the pg module, the template database's name, and how to migrate a database at a URL
 * @returns {Promise<{ admin: string, stop: () => Promise<void> }>} the admin URL (to provide as `pgUrl`) and the teardown
 */
export async function startTemplateCluster({ pg, template, migrate }) {
  const given = process.env.ILM_TEST_DATABASE_URL;
  const cluster = given ? undefined : await startCluster();
  const admin = given ?? cluster.url;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`drop database if exists ${template} with (force)`);
    await client.query(`create database ${template}`);
  } finally {
    await client.end();
  }
  await migrate(databaseUrl(admin, template));
  return { admin, stop: async () => cluster?.stop() };
}

/**
 * A new database copied from the template, with a cleanup that drops it.
 *
 * @param {{ pg: typeof import("pg").default, admin: string, template: string, prefix?: string }} options
 * @returns {Promise<{ target: string, cleanup: () => Promise<void> }>} its URL and the cleanup
 */
export async function copyOfTemplate({ pg, admin, template, prefix = "ilm_t_" }) {
  const { randomBytes } = await import("node:crypto");
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        // Two test files copying the template at the same moment: PostgreSQL lets one at a time.
        if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await client.end();
  }
  return {
    target: databaseUrl(admin, name),
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * The URL of another database on the same server.
 *
 * @param {string} admin - a URL of the server
 * @param {string} name - the database
 * @returns {string} the URL
 */
export function databaseUrl(admin, name) {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
