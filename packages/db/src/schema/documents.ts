import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";
import { learners } from "./learners.ts";
import { users } from "./people.ts";

/** The states of a document: a draft may leave required fields empty. */
export const DOCUMENT_STATUSES = ["draft", "submitted"] as const;
/** One of {@link DOCUMENT_STATUSES}. */
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** One filled-in template of a learner's portfolio. */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id),
    /** e.g. `ilm-8588/session-record` */
    templateId: text("template_id").notNull(),
    /** e.g. `2.0.0` */
    templateVersion: text("template_version").notNull(),
    /** The document as JSON text. */
    data: text("data").notNull(),
    status: text("status", { enum: DOCUMENT_STATUSES }).notNull(),
    /** Optimistic-locking counter: starts at 1, +1 on every save. */
    version: integer("version").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("documents_learner").on(t.learnerId, t.templateId),
    index("documents_centre").on(t.centreId),
    check("documents_status_known", sql`${t.status} in ('draft', 'submitted')`),
  ],
);
