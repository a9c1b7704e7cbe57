import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";
import { learners } from "./learners.ts";
import { users } from "./people.ts";

/** The states of a submission. */
export const SUBMISSION_STATUSES = ["submitted", "assessed", "returned"] as const;
/** One of {@link SUBMISSION_STATUSES}. */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** What quality assurance's ratification settles: see `submissions.result`. */
export const SUBMISSION_RESULTS = ["Pass", "Referral", "Marked"] as const;
/** One of {@link SUBMISSION_RESULTS}. */
export type SubmissionResult = (typeof SUBMISSION_RESULTS)[number];
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
    /** Which attempt at the unit this is: 1, then one more after each submission ratified as a Referral. */
    attempt: integer("attempt").notNull().default(1),
    /**
     * Set when quality assurance ratifies the decision: `Pass` or `Referral` (a Referral opens the next
     * attempt), or `Marked` for a marks unit whose data declares no pass mark (its outcome is its total,
     * read from the ratified marks; decision 052).
     */
    result: text("result", { enum: SUBMISSION_RESULTS }),
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

/**
 * The documents of a submission exactly as submitted (a copy of each one's data at that moment), so an
 * attempt stays verbatim and viewable after the learner changes the documents for the next attempt.
 */
export const submissionDocuments = sqliteTable(
  "submission_documents",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    documentId: text("document_id").notNull(),
    version: integer("version").notNull(),
    templateId: text("template_id").notNull(),
    templateVersion: text("template_version").notNull(),
    /** The document's data as JSON text, as it was submitted. */
    data: text("data").notNull(),
  },
  (t) => [uniqueIndex("submission_documents_document").on(t.submissionId, t.documentId)],
);

/**
 * Comments on a submission beside the per-criterion feedback: the assessor's on a learning outcome
 * (`lo:1`) and quality assurance's (`qa:lo:1`), as the result sheet prints them.
 */
export const assessmentComments = sqliteTable(
  "assessment_comments",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id),
    /** `lo:<number>` (assessor) or `qa:lo:<number>` (IQA). */
    target: text("target").notNull(),
    comment: text("comment").notNull(),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("assessment_comments_target").on(t.submissionId, t.target)],
);
