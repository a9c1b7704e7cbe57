import { eq } from "drizzle-orm";
import { registry, validate } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import { run } from "../access/engine.ts";
import { documents } from "../schema/documents.ts";
import type { StoredDocument } from "../repositories/documents.ts";

/** The duration fields the 2.0.0 templates held in decimal hours (what a database stored before minutes holds). */
const DURATION_KEYS = new Set(["duration", "sessionLength", "plannedSessionDuration", "totalHours"]);

/**
 * Writes documents back as they were stored before minutes: every template that declares an upgrade,
 * at the version it upgrades from, its durations in decimal hours (on either engine).
 *
 * @param db - the connection
 * @param stored - the documents as stored now
 * @returns how many were written back, each valid under the old version (else it throws)
 */
export async function storeBeforeMinutes(db: Db, stored: StoredDocument[]): Promise<number> {
  let downgraded = 0;
  for (const doc of stored) {
    const from = registry.get(doc.templateId)?.annotations.upgradesFrom?.[0]?.version;
    if (!from) continue;
    const inHours = JSON.parse(JSON.stringify(doc.data), (key, value: unknown) => (DURATION_KEYS.has(key) && typeof value === "number" ? value / 60 : value)) as Record<string, unknown>;
    if (!validate(doc.templateId, inHours, { version: from, draft: doc.status === "draft" }).valid) throw new Error(`${doc.id} is not valid under ${doc.templateId} ${from} in hours`);
    await run(db, db.update(documents).set({ data: JSON.stringify(inHours), templateVersion: from }).where(eq(documents.id, doc.id)));
    downgraded++;
  }
  return downgraded;
}
