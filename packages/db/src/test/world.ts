import type { OpenDatabase } from "../client.ts";
import { openTestDatabase } from "./database.ts";
import type { Scope } from "../access/scope.ts";
import { listMembers } from "../repositories/people.ts";
import { seedDemoCentre, type SeedResult } from "../seed/seedDemoCentre.ts";
import { signIn } from "../auth/signIn.ts";
import { createDocument, getDocument, type StoredDocument } from "../repositories/documents.ts";

export { tempDir } from "./tempDir.ts";

/** Two seeded centres in a real database (a SQLite file, or a PostgreSQL database), with the scopes of their people. */
export interface World {
  /** The SQLite file path or the PostgreSQL URL: `connectDatabase(path)` opens a second connection. */
  path: string;
  database: OpenDatabase;
  demo: SeedResult;
  other: SeedResult;
  /** scope by email local part of the demo centre, e.g. `scopes.admin`, `scopes.learner1` */
  scopes: Record<string, Scope & { learnerId?: string }>;
  /** the other centre's admin and first learner */
  otherScopes: Record<string, Scope & { learnerId?: string }>;
  cleanup: () => Promise<void>;
}

async function scopesOf(database: OpenDatabase, seed: SeedResult): Promise<Record<string, Scope & { learnerId?: string }>> {
  const admin = seed.signIns[0]!;
  const signedIn = await signIn(database.db, { email: admin.email, password: admin.password, ip: "127.0.0.1" });
  if (!signedIn.ok) throw new Error("admin cannot sign in");
  const scopes: Record<string, Scope & { learnerId?: string }> = {};
  for (const member of (await listMembers(database.db, signedIn.scope))) {
    const local = member.email.split("@")[0]!;
    scopes[local] = { userId: member.userId, centreId: seed.centreId, role: member.role, ...(member.learnerId ? { learnerId: member.learnerId } : {}) };
  }
  return scopes;
}

/**
 * Opens a fresh database file with the demo centre and a second centre.
 *
 * @returns the world; call `cleanup()` after
 */
export async function createWorld(): Promise<World> {
  const { database, target: path, cleanup } = await openTestDatabase();
  const demo = await seedDemoCentre(database.db, { seed: 1 });
  const other = await seedDemoCentre(database.db, { seed: 2, centreId: "other-centre", centreName: "Other Centre", emailDomain: "other.test" });
  return {
    path,
    database,
    demo,
    other,
    scopes: await scopesOf(database, demo),
    otherScopes: await scopesOf(database, other),
    cleanup,
  };
}

/**
 * A new draft session record of a learner (demo documents are handed in as final, so tests that
 * save a document start from a draft).
 *
 * @param database - the database
 * @param learner - the learner's scope, with its learner id
 * @param sessionNo - the session number to write
 * @returns the stored draft
 */
export async function createDraft(database: OpenDatabase, learner: Scope & { learnerId?: string }, sessionNo = 1): Promise<StoredDocument> {
  const created = (await createDocument(database.db, learner, {
    learnerId: learner.learnerId!,
    templateId: "ilm-8588/session-record",
    data: { clientRef: "Client 1", sessionNo, sessionDate: "2025-03-01", duration: 1 },
  }));
  if (!created.ok) throw new Error(`createDraft: ${created.reason}`);
  return (await getDocument(database.db, learner, created.id))!;
}
