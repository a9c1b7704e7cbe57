// A worker thread with its own connection that saves one document each time the main thread
// starts a round: both workers of a race wake on the same Atomics.notify and save with the same
// expectedVersion, which the main thread put in the shared buffer ([round, expectedVersion]).
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase, saveDocument } from "@ilm-forms/db";

const { path, scope, documentId, data, name, shared } = workerData;
const flags = new Int32Array(shared);
const { db, close } = openDatabase(path, { migrate: false });
parentPort.postMessage({ ready: true });
let seen = 0;
for (;;) {
  Atomics.wait(flags, 0, seen);
  const round = Atomics.load(flags, 0);
  if (round < 0) break;
  seen = round;
  const expectedVersion = Atomics.load(flags, 1);
  const result = await saveDocument(db, scope, { id: documentId, expectedVersion, data: { ...data, goal: `${name} round ${round}` } });
  parentPort.postMessage({ round, name, result });
}
close();
