import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";
import { learners } from "./learners.ts";
import { users } from "./people.ts";

/** The states of a submission. */
export const SUBMISSION_STATUSES = ["submitted", "assessed", "returned"] as const;
/** One of {@link SUBMISSION_STATUSES}. */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** The states of an assessor's decision on a criterion. */
export const DECISION_STATES = ["provisional", "ratified", "returned"] as const;
/** One of {@link DECISION_STATES}. */
export type DecisionState = (typeof DECISION_STATES)[number];

/** A unit submitted for assessment, with the learner's authenticity declaration. */
export const submissions = sqliteTable(
  "submissions",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id),
    qualification: text("qualification").notNull(),
    unit: text("unit").notNull(),
    /** JSON text: `[{ "id": "...", "version": 3 }, ...]`, the documents exactly as submitted. */
    documents: text("documents").notNull(),
    /** SHA-256 (hex) of the submitted content; see `submissionContentHash`. */
    contentHash: text("content_hash").notNull(),
    /** The learner's typed name under the authenticity declaration. */
    declarationName: text("declaration_name").notNull(),
    /** ISO date of the declaration. */
    declarationDate: text("declaration_date").notNull(),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull(),
    submittedAt: text("submitted_at").notNull(),
    submittedBy: text("submitted_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("submissions_learner").on(t.learnerId),
    index("submissions_centre_status").on(t.centreId, t.status),
    check("submissions_status_known", sql`${t.status} in ('submitted', 'assessed', 'returned')`),
  ],
);

/** An assessor's decision on one criterion of a submission. */
export const assessorDecisions = sqliteTable(
  "assessor_decisions",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    /** e.g. `501:2.2` */
    criterion: text("criterion").notNull(),
    /** `Pass` or `Referral` for pass/referral schemes; null where marks apply. */
    decision: text("decision", { enum: ["Pass", "Referral"] }),
    /** Marks awarded where the scheme is marked (e.g. out of 100); null otherwise. */
    marks: integer("marks"),
    feedback: text("feedback").notNull(),
    assessorUserId: text("assessor_user_id")
      .notNull()
      .references(() => users.id),
    state: text("state", { enum: DECISION_STATES }).notNull(),
    decidedAt: text("decided_at").notNull(),
  },
  (t) => [
    uniqueIndex("assessor_decisions_criterion").on(t.submissionId, t.criterion),
    check("assessor_decisions_decision_known", sql`${t.decision} is null or ${t.decision} in ('Pass', 'Referral')`),
    check("assessor_decisions_has_outcome", sql`${t.decision} is not null or ${t.marks} is not null`),
    check("assessor_decisions_state_known", sql`${t.state} in ('provisional', 'ratified', 'returned')`),
  ],
);

/** An internal quality assurer's ratification (or return) of a submission's assessment. */
export const qaRatifications = sqliteTable(
  "qa_ratifications",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    iqaUserId: text("iqa_user_id")
      .notNull()
      .references(() => users.id),
    decision: text("decision", { enum: ["ratify", "return"] }).notNull(),
    comments: text("comments").notNull(),
    decidedAt: text("decided_at").notNull(),
  },
  (t) => [
    index("qa_ratifications_submission").on(t.submissionId),
    check("qa_ratifications_decision_known", sql`${t.decision} in ('ratify', 'return')`),
  ],
);
