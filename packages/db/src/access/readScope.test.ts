import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type OpenDatabase } from "../client.ts";
import { seedDemoCentre } from "../seed/seedDemoCentre.ts";
import { openTestDatabase, TEST_ENGINE } from "../test/database.ts";
import { dataVersion, withReadScope } from "./engine.ts";

// A read scope (one HTTP request) reads the data version once per handle, and again after any write
// this process makes through the handle; another connection's (another process's) write is seen by
// the next scope. Decision 057.
let here: { database: OpenDatabase; target: string; cleanup: () => Promise<void> };
let elsewhere: OpenDatabase;

beforeAll(async () => {
  here = await openTestDatabase();
  elsewhere = await connectDatabase(here.target, { migrate: false });
}, 120_000);

afterAll(async () => {
  await elsewhere?.close();
  await here?.cleanup();
});

describe(`the read scope's data version (${TEST_ENGINE})`, () => {
  it("answers the version of its first read until this process writes, and the other connection's write in the next scope", async () => {
    const { db } = here.database;
    const first = await withReadScope(async () => {
      const version = await dataVersion(db);
      // Another connection commits: this scope keeps the version it read (one read per request) ...
      await seedDemoCentre(elsewhere.db, { seed: 1 });
      expect(await dataVersion(db)).toBe(version);
      return version;
    });
    // ... and the next scope, or a read outside any scope, sees the write.
    const outside = await dataVersion(db);
    expect(outside).not.toBe(first);
    await withReadScope(async () => expect(await dataVersion(db)).toBe(outside));
  }, 120_000);

  it("reads the version again after a write through the handle within the scope", async () => {
    const { db } = here.database;
    await withReadScope(async () => {
      const before = await dataVersion(db);
      await seedDemoCentre(db, { seed: 2, centreId: "second-centre", centreName: "Second Centre", emailDomain: "second.ilm-forms.test" });
      const after = await dataVersion(db);
      expect(after).not.toBe(before);
      expect(await dataVersion(db)).toBe(after);
    });
  }, 120_000);
});
