// vitest global setup of the `postgres` project: a throwaway PostgreSQL cluster for the run (or the
// server `ILM_TEST_DATABASE_URL` names), with a template database migrated once that every test
// database is copied from (`CREATE DATABASE … TEMPLATE`, a file copy: far quicker than migrating).
import pg from "pg";
import type { TestProject } from "vitest/node";
// @ts-expect-error: a plain ES module without types, shared with the dashboard's setup
import { startCluster } from "../../../../scripts/pg-cluster.mjs";
import { connectDatabase } from "../client.ts";
import { TEMPLATE_DATABASE } from "./template.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.ILM_TEST_DATABASE_URL;
  const cluster = given ? undefined : ((await startCluster()) as { url: string; stop: () => void });
  const admin = given ?? cluster!.url;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await client.query(`create database ${TEMPLATE_DATABASE}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const template = await connectDatabase(url.toString());
  await template.close();
  project.provide("pgUrl" as never, admin as never);
  return async () => cluster?.stop();
}
