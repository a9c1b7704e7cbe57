import { blob, check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";
import { documents } from "./documents.ts";
import { learners } from "./learners.ts";
import { users } from "./people.ts";

/**
 * The content of an evidence file, once per centre and SHA-256 (uploading the same bytes twice
 * stores them once). Kept per centre so that no centre can learn, by any side effect, what another
 * centre holds. The bytes themselves are in {@link evidenceBlobParts}.
 */
export const evidenceBlobs = sqliteTable(
  "evidence_blobs",
  {
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    /** SHA-256 of the whole content, lower-case hex. */
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    /** The type sniffed from the bytes, e.g. `application/pdf`. */
    mediaType: text("media_type").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.sha256] })],
);

/**
 * The bytes of a blob in parts of a fixed size (the last shorter), so a download reads one part at a
 * time and never holds a whole file (better-sqlite3 has no incremental blob I/O).
 */
export const evidenceBlobParts = sqliteTable(
  "evidence_blob_parts",
  {
    centreId: text("centre_id").notNull(),
    sha256: text("sha256").notNull(),
    part: integer("part").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.sha256, t.part] })],
);

/**
 * A file a learner attached: to a document, or to a unit as general evidence mapped to criteria.
 * Exactly one of `documentId` and `unit` is set.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id),
    documentId: text("document_id").references(() => documents.id),
    /** e.g. `ilm-8588`, with `unit`, for general evidence of a unit. */
    qualification: text("qualification"),
    unit: text("unit"),
    /** JSON text: the criteria general evidence is mapped to, e.g. `["501:2.2"]`; `[]` for a document's file. */
    criteria: text("criteria").notNull(),
    /** The name the file was uploaded with (path parts and control characters removed). */
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("attachments_learner").on(t.learnerId),
    index("attachments_document").on(t.documentId),
    index("attachments_blob").on(t.centreId, t.sha256),
    check("attachments_one_target", sql`(${t.documentId} is null) <> (${t.unit} is null)`),
  ],
);
