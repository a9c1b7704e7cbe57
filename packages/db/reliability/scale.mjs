// Fills a dashboard database with many learners and documents for the scale test, fast: raw
// multi-row INSERTs inside one transaction (no audit entries, no validation: every document is a
// copy of one valid demo document). The bulk learners belong to the given centre but are assigned
// to a bulk assessor of their own, so the demo people's pages keep their size while the centre's
// tables (and their indexes) grow.
/* global performance */
import { createHash } from "node:crypto";

const ROWS_PER_INSERT = 80;

/**
 * @param {import("better-sqlite3").Database} sqlite - a raw connection (openDatabase(...).sqlite)
 * @param {{ centreId: string, learners: number, documents: number, documentData: object, templateId: string, templateVersion: string }} options
 * @returns {{ learners: number, documents: number, submissions: number, ms: number }}
 */
export function generateScale(sqlite, options) {
  const started = performance.now();
  const now = new Date().toISOString();
  const tag = createHash("sha256").update(`${options.centreId}:${now}:${Math.random()}`).digest("hex").slice(0, 8);
  const assessorId = `bulk-assessor-${tag}`;
  const insertMany = (table, columns, rows) => {
    const statements = new Map();
    for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
      const chunk = rows.slice(at, at + ROWS_PER_INSERT);
      let statement = statements.get(chunk.length);
      if (!statement) {
        const one = `(${columns.map(() => "?").join(",")})`;
        statement = sqlite.prepare(`insert into ${table} (${columns.join(",")}) values ${Array(chunk.length).fill(one).join(",")}`);
        statements.set(chunk.length, statement);
      }
      statement.run(chunk.flat());
    }
  };
  const data = JSON.stringify(options.documentData);
  const perLearner = Math.max(1, Math.floor(options.documents / options.learners));
  let documents = 0;
  sqlite.transaction(() => {
    insertMany("users", ["id", "email", "password_hash", "name", "created_at"], [[assessorId, `${assessorId}@scale.ilm-forms.test`, "not-a-hash", "Bulk Assessor", now]]);
    insertMany("memberships", ["id", "user_id", "centre_id", "role", "created_at"], [[`m-${assessorId}`, assessorId, options.centreId, "assessor", now]]);
    // People in batches of 1,000 learners, documents streamed in batches so memory stays flat.
    for (let from = 0; from < options.learners; from += 1000) {
      const to = Math.min(options.learners, from + 1000);
      const users = [];
      const memberships = [];
      const learners = [];
      const registrations = [];
      const assignments = [];
      const submissions = [];
      for (let i = from; i < to; i++) {
        const userId = `bulk-u-${tag}-${i}`;
        const learnerId = `bulk-l-${tag}-${i}`;
        users.push([userId, `bulk-${tag}-${i}@scale.ilm-forms.test`, "not-a-hash", `Bulk Learner ${i}`, now]);
        memberships.push([`bulk-m-${tag}-${i}`, userId, options.centreId, "learner", now]);
        learners.push([learnerId, options.centreId, userId, `BULK${tag}${i}`, now]);
        registrations.push([`bulk-r-${tag}-${i}`, options.centreId, learnerId, "ilm-8588", "certificate", "501", "2.0", "2025-01-06"]);
        assignments.push([`bulk-a-${tag}-${i}`, options.centreId, assessorId, learnerId, now]);
        submissions.push([`bulk-s-${tag}-${i}`, options.centreId, learnerId, "ilm-8588", "501", "[]", "0".repeat(64), `Bulk Learner ${i}`, "2025-06-01", "submitted", now, userId]);
      }
      insertMany("users", ["id", "email", "password_hash", "name", "created_at"], users);
      insertMany("memberships", ["id", "user_id", "centre_id", "role", "created_at"], memberships);
      insertMany("learners", ["id", "centre_id", "user_id", "learner_number", "created_at"], learners);
      insertMany("registrations", ["id", "centre_id", "learner_id", "qualification", "route", "unit", "rule_set_version", "registered_on"], registrations);
      insertMany("assessor_assignments", ["id", "centre_id", "assessor_user_id", "learner_id", "created_at"], assignments);
      insertMany(
        "submissions",
        ["id", "centre_id", "learner_id", "qualification", "unit", "documents", "content_hash", "declaration_name", "declaration_date", "status", "submitted_at", "submitted_by"],
        submissions,
      );
      for (let i = from; i < to; i++) {
        const rows = [];
        const count = i === options.learners - 1 ? options.documents - documents : perLearner;
        for (let d = 0; d < count; d++) {
          rows.push([`bulk-d-${tag}-${i}-${d}`, options.centreId, `bulk-l-${tag}-${i}`, options.templateId, options.templateVersion, data, "submitted", 1, now, now, `bulk-u-${tag}-${i}`]);
        }
        insertMany("documents", ["id", "centre_id", "learner_id", "template_id", "template_version", "data", "status", "version", "created_at", "updated_at", "updated_by"], rows);
        documents += count;
      }
    }
  })();
  sqlite.exec("analyze");
  return { learners: options.learners, documents, submissions: options.learners, ms: performance.now() - started };
}
