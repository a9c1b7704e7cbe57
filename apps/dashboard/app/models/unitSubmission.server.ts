import { listSubmissions, submissionContentHash, submissionFiles, submitUnit, type Db, type Scope } from "@ilm-forms/db";
import type { UnitProgress } from "./portfolio.server.ts";

/**
 * Whether the learner's unit is already waiting for the assessor (submitted, not yet assessed).
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param learnerId - the learner
 * @param unitId - the unit
 * @returns true when a submission of the unit waits
 */
export async function unitAwaitingAssessor(db: Db, scope: Scope, learnerId: string | undefined, unitId: string): Promise<boolean> {
  return (await listSubmissions(db, scope, { learnerId, status: ["submitted"] })).some((s) => s.unit === unitId);
}

/**
 * The fingerprint of what the learner would submit now (the unit's documents and their files): the
 * submission is refused if it changed after the page showed it.
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param progress - the unit with its documents
 * @returns the SHA-256 fingerprint
 */
export async function submissionFingerprint(db: Db, scope: Scope, progress: UnitProgress): Promise<string> {
  const files = await submissionFiles(db, scope, { learnerId: progress.registration.learnerId, qualification: progress.registration.qualification, unit: progress.unit.id, documentIds: progress.documents.map((d) => d.id) });
  return submissionContentHash(progress.documents, files);
}

/**
 * Submits the unit's documents for assessment with the learner's signed declaration.
 *
 * @param db - the connection
 * @param scope - the learner's scope
 * @param progress - the unit with its documents
 * @param input - the declaration (typed name, date) and the fingerprint the page showed
 * @returns ok, or why not (changed, no documents, not registered, open, passed)
 */
export function submitForAssessment(db: Db, scope: Scope, progress: UnitProgress, input: { declaration: { name: string; date: string }; expectedContentHash: string }) {
  return submitUnit(db, scope, {
    qualification: progress.registration.qualification,
    unit: progress.unit.id,
    documentIds: progress.documents.map((d) => d.id),
    declaration: input.declaration,
    expectedContentHash: input.expectedContentHash,
  });
}
