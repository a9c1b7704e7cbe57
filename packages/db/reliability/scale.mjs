// Fills a dashboard database with many learners and documents for the scale test, fast and on
// either engine: a few `INSERT … SELECT` statements over counting series (a recursive CTE, which
// SQLite and PostgreSQL both run), inside one transaction, so the rows are made by the database and
// not sent one by one (no audit entries, no validation: every document is a copy of one valid demo
// document). The bulk learners belong to the given centre but are assigned to a bulk assessor of
// their own, so the demo people's pages keep their size while the centre's tables (and their
// indexes) grow.
/* global performance */
import { createHash } from "node:crypto";

/** A SQL string literal (test data only: the values here are ids, dates and one JSON document). */
const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;

/** `WITH RECURSIVE` counting series: name(i) from `from` to `to - 1`. */
const series = (name, from, to) => `${name}(i) as (select ${from} union all select i + 1 from ${name} where i + 1 < ${to})`;

/**
 * @param {(sql: string) => unknown} exec - runs one statement (awaited): better-sqlite3's `exec`, or a pg client's `query`
 * @param {{ centreId: string, learners: number, documents: number, documentData: object, templateId: string, templateVersion: string }} options
 * @returns {Promise<{ learners: number, documents: number, submissions: number, ms: number }>}
 */
export async function generateScale(exec, options) {
  const started = performance.now();
  const now = literal(new Date().toISOString());
  const tag = createHash("sha256").update(`${options.centreId}:${now}:${Math.random()}`).digest("hex").slice(0, 8);
  const centre = literal(options.centreId);
  const assessorId = literal(`bulk-assessor-${tag}`);
  const id = (kind) => `'bulk-${kind}-${tag}-' || l.i`;
  const perLearner = Math.max(1, Math.floor(options.documents / options.learners));
  const rest = options.documents - perLearner * options.learners;
  const learners = `with recursive ${series("l", 0, options.learners)}`;
  const statements = [
    `insert into users (id, email, password_hash, name, created_at) values (${assessorId}, ${literal(`bulk-assessor-${tag}@scale.ilm-forms.test`)}, 'not-a-hash', 'Bulk Assessor', ${now})`,
    `insert into memberships (id, user_id, centre_id, role, created_at) values (${literal(`m-bulk-assessor-${tag}`)}, ${assessorId}, ${centre}, 'assessor', ${now})`,
    `${learners} insert into users (id, email, password_hash, name, created_at) select ${id("u")}, 'bulk-${tag}-' || l.i || '@scale.ilm-forms.test', 'not-a-hash', 'Bulk Learner ' || l.i, ${now} from l`,
    `${learners} insert into memberships (id, user_id, centre_id, role, created_at) select ${id("m")}, ${id("u")}, ${centre}, 'learner', ${now} from l`,
    `${learners} insert into learners (id, centre_id, user_id, learner_number, created_at) select ${id("l")}, ${centre}, ${id("u")}, 'BULK${tag}' || l.i, ${now} from l`,
    `${learners} insert into registrations (id, centre_id, learner_id, qualification, route, unit, rule_set_version, registered_on) select ${id("r")}, ${centre}, ${id("l")}, 'ilm-8588', 'certificate', '501', '2.0', '2025-01-06' from l`,
    `${learners} insert into assessor_assignments (id, centre_id, assessor_user_id, learner_id, created_at) select ${id("a")}, ${centre}, ${assessorId}, ${id("l")}, ${now} from l`,
    `${learners} insert into submissions (id, centre_id, learner_id, qualification, unit, documents, content_hash, declaration_name, declaration_date, status, submitted_at, submitted_by) select ${id("s")}, ${centre}, ${id("l")}, 'ilm-8588', '501', '[]', '${"0".repeat(64)}', 'Bulk Learner ' || l.i, '2025-06-01', 'submitted', ${now}, ${id("u")} from l`,
  ];
  const documents = (learnerRange, documentRange) =>
    `with recursive ${series("l", ...learnerRange)}, ${series("d", ...documentRange)} insert into documents (id, centre_id, learner_id, template_id, template_version, data, status, version, created_at, updated_at, updated_by) ` +
    `select 'bulk-d-${tag}-' || l.i || '-' || d.i, ${centre}, ${id("l")}, ${literal(options.templateId)}, ${literal(options.templateVersion)}, ${literal(JSON.stringify(options.documentData))}, 'submitted', 1, ${now}, ${now}, ${id("u")} from l cross join d`;
  statements.push(documents([0, options.learners], [0, perLearner]));
  if (rest > 0) statements.push(documents([options.learners - 1, options.learners], [perLearner, perLearner + rest]));
  await exec("begin");
  try {
    for (const statement of statements) await exec(statement);
    await exec("commit");
  } catch (error) {
    await exec("rollback");
    throw error;
  }
  await exec("analyze");
  return { learners: options.learners, documents: perLearner * options.learners + rest, submissions: options.learners, ms: performance.now() - started };
}
