import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { centres } from "./centres.ts";
import { documents } from "./documents.ts";
import { learners } from "./learners.ts";
import { users } from "./people.ts";

/**
 * A one-time link a learner makes for one signature field of one document (the client's, the
 * stakeholder's), to pass on to the person who signs. Only the SHA-256 of its random token is stored.
 */
export const signingLinks = sqliteTable(
  "signing_links",
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
    /** The signature field of the template, e.g. `clientSignature`. */
    field: text("field").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    usedAt: text("used_at"),
  },
  (t) => [index("signing_links_document").on(t.documentId)],
);

/**
 * A signature made by the signer through a signing link: their typed name, the date, the field, and
 * the SHA-256 of the document's signed content at that moment (see `signedContentHash`).
 */
export const signerSignatures = sqliteTable(
  "signer_signatures",
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
    field: text("field").notNull(),
    signerName: text("signer_name").notNull(),
    /** ISO date (YYYY-MM-DD). */
    signedOn: text("signed_on").notNull(),
    contentHash: text("content_hash").notNull(),
    signedAt: text("signed_at").notNull(),
    linkId: text("link_id")
      .notNull()
      .references(() => signingLinks.id),
  },
  (t) => [index("signer_signatures_document").on(t.documentId)],
);
