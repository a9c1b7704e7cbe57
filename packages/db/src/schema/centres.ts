import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Portable column types only (text ids, ISO-8601 UTC timestamps as text, JSON as text), so the
// same tables can be declared with drizzle's pg-core later: see docs/decisions/015-db-drizzle-sqlite.md.

/** A centre: the unit of tenancy. Every other row belongs to exactly one centre. */
export const centres = sqliteTable("centres", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** SHA-256 (hex) of the centre's portal API token; the token itself is never stored. */
  apiTokenHash: text("api_token_hash").unique(),
  /**
   * The centre admin who issued the token: the portal's writes are theirs (in the audit log too), and
   * the token stops working if they are no longer an admin of the centre. (No foreign key: the people
   * tables already refer to centres; the membership is checked on every use.)
   */
  apiTokenIssuedBy: text("api_token_issued_by"),
  /** When the token was issued (decision 071). */
  apiTokenIssuedAt: text("api_token_issued_at"),
  /** When the token stops working, chosen by the admin at issue (decision 071); none for a token issued before tokens expired. */
  apiTokenExpiresAt: text("api_token_expires_at"),
  /** When a portal last used the token (written at most once a minute). */
  apiTokenLastUsedAt: text("api_token_last_used_at"),
  /** The centre's number with ILM, printed on result sheets (set by an admin). */
  centreNumber: text("centre_number"),
  /** Of the assessed units not sampled by rule, the share quality assurance draws at random (0 to 100). */
  iqaSamplePercent: integer("iqa_sample_percent").notNull().default(25),
  /**
   * 1 when assessment decisions are final only after external verification by the centre's EQA
   * (until then the learner reads them as provisional); 0 when final at IQA ratification.
   */
  eqaVerificationRequired: integer("eqa_verification_required").notNull().default(0),
  createdAt: text("created_at").notNull(),
});
