// vitest global setup of the dashboard's `postgres` project: a throwaway cluster and the migrated
// template every test database is copied from (scripts/pg-test-databases.mjs, shared with
// @ilm-forms/db's setup).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connectDatabase } from "@ilm-forms/db";
// A plain ES module, shared with @ilm-forms/db's setup.
import { startTemplateCluster } from "../../../../scripts/pg-test-databases.mjs";
import { TEMPLATE_DATABASE } from "./template.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { admin, stop } = (await startTemplateCluster({
    pg,
    template: TEMPLATE_DATABASE,
    migrate: async (url: string) => (await connectDatabase(url)).close(),
  })) as { admin: string; stop: () => Promise<void> };
  project.provide("pgUrl" as never, admin as never);
  return stop;
}
