import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./people.ts";

/** A signed-in session. The id is the SHA-256 (hex) of the cookie's token, never the token. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    /**
     * When the session was last used, kept to the minute (written at most once a minute): a session
     * unused for longer than the idle limit is over. Empty for sessions started before the column
     * existed, which then count from `created_at`.
     */
    lastSeenAt: text("last_seen_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Every sign-in attempt, kept for rate limiting. `email` and `ip` are cut to 254 and 64 characters. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    /** 1 when the attempt succeeded, 0 when it failed, 2 while the password is being checked (an integer in both SQLite and PostgreSQL). */
    succeeded: integer("succeeded").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("sign_in_attempts_email_ip_at").on(t.email, t.ip, t.at), index("sign_in_attempts_ip_at").on(t.ip, t.at)],
);

/**
 * Requests counted against a limit that is not sign-in's (the signing page's per address): one row a
 * request, within a window, so that every process of the dashboard counts the same requests.
 */
export const rateLimitHits = sqliteTable(
  "rate_limit_hits",
  {
    id: text("id").primaryKey(),
    /** What is limited, e.g. `signing-page`. */
    bucket: text("bucket").notNull(),
    /** Who is counted, e.g. the client's address. */
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("rate_limit_hits_bucket_key_at").on(t.bucket, t.key, t.at)],
);
