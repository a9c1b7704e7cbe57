import { check, index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";
import { submissions } from "./assessment.ts";
import { users } from "./people.ts";

/** What an external quality assurer records on a ratified unit: a comment, or its external verification. */
export const EQA_REVIEW_KINDS = ["comment", "verified"] as const;
/** One of {@link EQA_REVIEW_KINDS}. */
export type EqaReviewKind = (typeof EQA_REVIEW_KINDS)[number];

/**
 * An external quality assurer's comment on a unit the IQA ratified, or its external verification (at
 * most one per submission, with an optional comment). Append-only: a comment is never edited.
 */
export const eqaReviews = sqliteTable(
  "eqa_reviews",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    kind: text("kind", { enum: EQA_REVIEW_KINDS }).notNull(),
    comment: text("comment").notNull(),
    eqaUserId: text("eqa_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("eqa_reviews_submission").on(t.submissionId), check("eqa_reviews_kind_known", sql`${t.kind} in ('comment', 'verified')`)],
);
