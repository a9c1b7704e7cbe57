import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./client.ts";
import type { Scope } from "./access/scope.ts";
import { all } from "./access/engine.ts";
import { normaliseEmail } from "./auth/rateLimit.ts";
import { centres } from "./schema/centres.ts";
import { memberships, users } from "./schema/people.ts";
import { upgradeCounts, upgradeStoredDocuments } from "./repositories/upgradeDocuments.ts";

/**
 * `ilm-db upgrade <database> [--as <e-mail>] [--apply]`: prints, per centre, how many stored documents
 * each template version would bring (or brought) to the current version, and those held by an open
 * submission or that cannot be upgraded. A dry run unless `--apply`; applying needs `--as`, the e-mail of
 * an active centre admin, as whom every upgrade is audited.
 *
 * @param db - the connection
 * @param args - the arguments after the database
 * @returns the exit code (0 done, 1 a document could not be upgraded, 2 a usage error) and, for 2, why
 */
export async function upgradeCommand(db: Db, args: string[]): Promise<{ code: number; usage?: string }> {
  let email: string | undefined;
  let apply = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--apply") apply = true;
    else if (arg === "--as" && args[i + 1] !== undefined) email = args[++i];
    else return { code: 2, usage: `ilm-db upgrade: unknown argument ${JSON.stringify(arg.slice(0, 60))}` };
  }
  if (apply && email === undefined) return { code: 2, usage: "ilm-db upgrade --apply needs --as <e-mail of a centre admin>: each upgrade is audited as that person" };
  let scopes: { scope: Scope; centre: string }[];
  if (email !== undefined) {
    const found = await all(db, db
      .select({ userId: users.id, centreId: memberships.centreId, role: memberships.role, centre: centres.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(centres, eq(centres.id, memberships.centreId))
      .where(and(eq(users.email, normaliseEmail(email)), isNull(users.deactivatedAt))));
    const admins = found.filter((f) => f.role === "centre_admin");
    if (admins.length > 1) return { code: 2, usage: `ilm-db upgrade --as ${email}: that e-mail is a centre admin of more than one centre; ask an admin of one centre alone` };
    const admin = admins[0];
    if (!admin) return { code: 2, usage: `ilm-db upgrade --as ${email}: there is no active centre admin with that e-mail` };
    scopes = [{ scope: { userId: admin.userId, centreId: admin.centreId, role: "centre_admin" }, centre: admin.centre }];
  } else {
    // A dry run of every centre: nothing is written, so no one acts.
    scopes = (await all(db, db.select({ id: centres.id, name: centres.name }).from(centres).orderBy(centres.name))).map((c) => ({
      scope: { userId: "", centreId: c.id, role: "centre_admin" as const },
      centre: c.name,
    }));
  }
  let upgraded = 0;
  let held = 0;
  let failed = 0;
  for (const { scope, centre } of scopes) {
    const report = await upgradeStoredDocuments(db, scope, { apply });
    console.log(`${centre} (${scope.centreId}):`);
    const lines = upgradeCounts(report);
    for (const line of lines.length ? lines : ["every stored document is at its template's current version"]) console.log(`  ${line}`);
    for (const f of report.failed) console.log(`  cannot upgrade document ${f.id}: ${f.message}`);
    upgraded += report.upgraded.length;
    held += report.held.length;
    failed += report.failed.length;
  }
  const plural = (n: number): string => `${n} document${n === 1 ? "" : "s"}`;
  console.log(
    apply
      ? `applied: ${plural(upgraded)} upgraded (each audited as ${email}), ${held} held by an open submission, ${failed} could not be upgraded.`
      : `dry run: ${plural(upgraded)} would be upgraded, ${held} held by an open submission, ${failed} could not be upgraded; nothing was written. Run again with --apply --as <e-mail of a centre admin> to write them.`,
  );
  return { code: failed > 0 ? 1 : 0 };
}
