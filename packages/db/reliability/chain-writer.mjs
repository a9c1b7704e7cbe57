#!/usr/bin/env node
// A child process with several concurrent writers, each creating documents through the data layer
// (document and audit entry in one transaction) one after another until the time is up. The audit
// test runs two of these against one database to check that the hash chain stays linear.
//
//   node chain-writer.mjs <SQLite file or postgres:// URL> <scope JSON> <writers> <milliseconds> <prefix>
//
// Prints `done <writes acknowledged>` at the end; a refused write is printed and exits 2.
/* global process */
import { connectDatabase, createDocument } from "@ilm-forms/db";

const [path, scopeJson, writersText, msText, prefix] = process.argv.slice(2);
const scope = JSON.parse(scopeJson);
const writers = Number(writersText);
// The parent migrated the database: never migrate here. One pool client per writer, so that on
// PostgreSQL every writer has its own connection and they really race for the chain's lock.
const { db, close } = await connectDatabase(path, { migrate: false, poolSize: writers });
process.stdout.write("ready\n");
const until = Date.now() + Number(msText);
let acknowledged = 0;
await Promise.all(
  Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; Date.now() < until; n++) {
      const id = `${prefix}-${w}-${n}`;
      const data = { clientRef: `Client ${1 + (n % 6)}`, sessionNo: 1 + (n % 12), sessionDate: "2026-03-10", duration: 60, goal: `Writer ${prefix}/${w}, write ${n}.` };
      const result = await createDocument(db, scope, { id, learnerId: scope.learnerId, templateId: "ilm-8588/session-record", data, status: "draft" });
      if (!result.ok) {
        process.stderr.write(`refused ${id}: ${JSON.stringify(result)}\n`);
        process.exit(2);
      }
      acknowledged++;
    }
  }),
);
await close();
process.stdout.write(`done ${acknowledged}\n`);
