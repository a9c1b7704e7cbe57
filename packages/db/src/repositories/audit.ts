import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import type { AuditEntry } from "../audit/appendAudit.ts";
import { auditLog } from "../schema/audit.ts";
import { all } from "../access/engine.ts";

/**
 * The centre's audit entries, newest first (centre admins and IQAs).
 *
 * @param db - the connection
 * @param scope - a centre admin or IQA
 * @param filter - one entity (`entityType` + `entityId`), and `limit` (default 100)
 * @returns the entries; empty for other roles
 */
export async function listAuditEntries(db: Db, scope: Scope, filter: { entityType?: string; entityId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  if (scope.role !== "centre_admin" && scope.role !== "iqa") return [];
  return (await all(db, db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.centreId, scope.centreId),
        filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit ?? 100)));
}
