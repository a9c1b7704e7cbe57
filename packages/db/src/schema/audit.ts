import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The append-only audit log. `seq` orders the chain; `hash` is SHA-256 over the canonical
 * serialisation of the entry including `prev_hash`. Triggers (migration 0001) refuse UPDATE and
 * DELETE. No foreign keys: an entry must outlive anything it describes.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey(),
    at: text("at").notNull(),
    /** null for entries written by the system (seed, migrations). */
    centreId: text("centre_id"),
    /** The user who acted; null for the system. */
    actorUserId: text("actor_user_id"),
    /** e.g. `document.save` */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** Canonical JSON text, or null when the entity did not exist before. */
    before: text("before"),
    /** Canonical JSON text, or null when the entity no longer exists after. */
    after: text("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_log_entity").on(t.entityType, t.entityId), index("audit_log_centre").on(t.centreId, t.seq)],
);
