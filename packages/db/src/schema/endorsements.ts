import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";
import { documents } from "./documents.ts";
import { learners } from "./learners.ts";
import { users } from "./people.ts";

/** What a person can say about a document others wrote: the learner confirms notes, the centre approves a record. */
export const ENDORSEMENT_KINDS = ["confirmed", "approved"] as const;
/** One of {@link ENDORSEMENT_KINDS}. */
export type EndorsementKind = (typeof ENDORSEMENT_KINDS)[number];

/**
 * A learner's confirmation of a record (`x-ilm.confirmedBy`) or the centre's approval of one
 * (`x-ilm.approvedBy`), bound to the version of the document it was given for: a later change of the
 * document leaves it standing for the older version only. Append-only.
 */
export const documentEndorsements = sqliteTable(
  "document_endorsements",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    kind: text("kind", { enum: ENDORSEMENT_KINDS }).notNull(),
    /** The document's version when it was given. */
    documentVersion: integer("document_version").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("document_endorsements_learner").on(t.learnerId, t.documentId), check("document_endorsements_kind_known", sql`${t.kind} in ('confirmed', 'approved')`)],
);
