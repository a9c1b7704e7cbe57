import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { centres } from "./centres.ts";
import { users } from "./people.ts";

/**
 * A one-time link a centre admin makes for a person to set a new password: only the SHA-256 of its
 * random token is stored, it expires, and it works once.
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("password_resets_user").on(t.userId)],
);
