import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { centres } from "./centres.ts";
import { users } from "./people.ts";

/** A learner of a centre; `userId` is the account the learner signs in with. */
export const learners = sqliteTable(
  "learners",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    userId: text("user_id")
      .notNull()
      .unique()
      .references(() => users.id),
    /** The awarding body's learner number, when known. */
    learnerNumber: text("learner_number"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("learners_centre").on(t.centreId)],
);

/** A learner's registration on one unit of a qualification, with the rule-set version that applies. */
export const registrations = sqliteTable(
  "registrations",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id),
    /** e.g. `ilm-8588` */
    qualification: text("qualification").notNull(),
    /** e.g. `certificate` or `diploma`, as the qualification data names its routes. */
    route: text("route").notNull(),
    /** e.g. `501` */
    unit: text("unit").notNull(),
    /** The rule-set version, e.g. `2.0` or `earlier`. */
    ruleSetVersion: text("rule_set_version").notNull(),
    /** ISO date (YYYY-MM-DD). */
    registeredOn: text("registered_on").notNull(),
  },
  (t) => [uniqueIndex("registrations_learner_unit").on(t.learnerId, t.qualification, t.unit)],
);

/** Which assessor marks which learner. */
export const assessorAssignments = sqliteTable(
  "assessor_assignments",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    assessorUserId: text("assessor_user_id")
      .notNull()
      .references(() => users.id),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("assessor_assignments_pair").on(t.assessorUserId, t.learnerId),
    index("assessor_assignments_learner").on(t.learnerId),
  ],
);
