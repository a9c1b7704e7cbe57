import { and, eq } from "drizzle-orm";
import { registry, upgradeDocument, validate } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { documents } from "../schema/documents.ts";
import { nowIso } from "../util/ids.ts";
import { openSubmissionHolding } from "./documents.ts";
import { all, run } from "../access/engine.ts";

/** What upgrading a centre's stored documents did. */
export interface UpgradeReport {
  upgraded: Array<{ id: string; templateId: string; from: string; to: string }>;
  /** Held by an open submission: what the assessor marks is what was submitted, so they wait. */
  held: Array<{ id: string; templateId: string; version: string }>;
  /** The declared migration could not be applied, or its result does not validate: left as they were. */
  failed: Array<{ id: string; templateId: string; message: string }>;
}

/**
 * Brings a centre's stored documents written against an earlier template version to the current
 * one, by the migrations the templates declare (core's `upgradeDocument`; nothing here knows a
 * template). Each document is upgraded and audited in its own write; one that would not validate
 * afterwards, or that an open submission holds, is left as it was and reported.
 *
 * @param db - the connection
 * @param scope - a centre admin of the centre
 * @returns what was upgraded, held and refused
 */
export async function upgradeStoredDocuments(db: Db, scope: Scope): Promise<UpgradeReport> {
  if (scope.role !== "centre_admin") throw new Error("Only a centre admin may upgrade the centre's documents");
  const report: UpgradeReport = { upgraded: [], held: [], failed: [] };
  const rows = (await all(db, db.select().from(documents).where(eq(documents.centreId, scope.centreId))));
  for (const row of rows) {
    const current = registry.get(row.templateId);
    if (!current || current.version === row.templateVersion) continue;
    if ((await openSubmissionHolding(db, scope, row.learnerId, row.id))) {
      report.held.push({ id: row.id, templateId: row.templateId, version: row.templateVersion });
      continue;
    }
    const before = JSON.parse(row.data) as Record<string, unknown>;
    const result = upgradeDocument(registry, { id: row.id, template: row.templateId, version: row.templateVersion, data: before });
    if (!result.ok) {
      report.failed.push({ id: row.id, templateId: row.templateId, message: result.message });
      continue;
    }
    const check = validate(row.templateId, result.document.data, { version: result.to, draft: row.status === "draft" });
    if (!check.valid) {
      report.failed.push({ id: row.id, templateId: row.templateId, message: `${row.templateId} ${result.from} → ${result.to}: ${check.errors.map((e) => `${e.location}: ${e.message}`).join("; ")}` });
      continue;
    }
    await writeTransaction(db, async () => {
      const changes = (await run(db, db
        .update(documents)
        .set({ data: JSON.stringify(result.document.data), templateVersion: result.to, version: row.version + 1, updatedAt: nowIso(), updatedBy: scope.userId })
        .where(and(eq(documents.id, row.id), eq(documents.version, row.version)))));
      if (changes !== 1) throw new Error(`document ${row.id} changed while it was being upgraded`);
      (await appendAudit(db, {
        centreId: scope.centreId,
        actorUserId: scope.userId,
        action: "document.upgrade",
        entityType: "document",
        entityId: row.id,
        before: { templateVersion: row.templateVersion, version: row.version, data: before },
        after: { templateVersion: result.to, version: row.version + 1, data: result.document.data, conversions: result.conversions },
      }));
    });
    report.upgraded.push({ id: row.id, templateId: row.templateId, from: result.from, to: result.to });
  }
  return report;
}
