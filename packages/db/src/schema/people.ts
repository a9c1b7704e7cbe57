import { check, index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { centres } from "./centres.ts";

/**
 * The roles a member of a centre can hold. `eqa`: an external quality assurer, read-only across the
 * centre except for EQA comments on, and external verification of, units the IQA has ratified.
 */
export const ROLES = ["learner", "assessor", "iqa", "centre_admin", "eqa"] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/**
 * A person's account in one centre (see `memberships`). `email` is stored lower-cased and trimmed; it is
 * unique within a centre, not across centres, so that adding a person tells a centre nothing about
 * another centre's people (decision 030).
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    /** argon2id PHC string. */
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    createdAt: text("created_at").notNull(),
    /** Set when a centre admin deactivates the person: sign-in is refused, their history is kept. */
    deactivatedAt: text("deactivated_at"),
  },
  (t) => [index("users_email").on(t.email)],
);

/** A user's place in a centre: one centre and one role per user. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .unique()
      .references(() => users.id),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("memberships_centre_role").on(t.centreId, t.role),
    check("memberships_role_known", sql`${t.role} in ('learner', 'assessor', 'iqa', 'centre_admin', 'eqa')`),
  ],
);
