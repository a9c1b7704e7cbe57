#!/usr/bin/env node
// A child process that writes documents through the data layer and acknowledges each write on
// stdout only after the call returned: `ack <id> <sha256 of the data>`. The parent kills it at
// random moments (crash test) or copies the file while it writes (backup test).
//
//   node writer.mjs <database> <scope JSON: { userId, centreId, role, learnerId }> <from> <to> [prefix]
//
// Ids are `<prefix>-<n>` for n in [from, to): a write that committed before a kill, but was not
// acknowledged, is found on restart and reported as `have <id>` instead of written twice.
/* global process */
import { createHash } from "node:crypto";
import { createDocument, getDocument, openDatabase } from "@ilm-forms/db";

const [path, scopeJson, fromText, toText, prefix = "crash"] = process.argv.slice(2);
const scope = JSON.parse(scopeJson);
const from = Number(fromText);
const to = Number(toText);
// The file was created and migrated by the parent: never migrate here (two first opens can race).
const { db, close } = openDatabase(path, { migrate: false });

/** A valid session record whose text varies with n. */
function documentData(n) {
  return {
    clientRef: `Client ${1 + (n % 6)}`,
    sessionNo: 1 + (n % 12),
    sessionDate: "2026-03-10",
    duration: 90,
    goal: `Goal of write ${n}: ${"agree the next steps with the team lead. ".repeat(1 + (n % 5))}`,
  };
}

process.stdout.write("ready\n");
for (let n = from; n < to; n++) {
  const id = `${prefix}-${n}`;
  if (await getDocument(db, scope, id)) {
    process.stdout.write(`have ${id}\n`);
    continue;
  }
  const data = documentData(n);
  const result = await createDocument(db, scope, { id, learnerId: scope.learnerId, templateId: "ilm-8588/session-record", data, status: "draft" });
  if (!result.ok) {
    process.stderr.write(`refused ${id}: ${JSON.stringify(result)}\n`);
    process.exit(2);
  }
  process.stdout.write(`ack ${id} ${createHash("sha256").update(JSON.stringify(data)).digest("hex")}\n`);
}
close();
process.stdout.write("done\n");
