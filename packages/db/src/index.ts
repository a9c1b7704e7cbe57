// The public API of @ilm-forms/db. Every function's JSDoc (@param/@returns) sits on its
// definition; what is not listed here is private.

/**
 * Connection: open (create, set PRAGMAs or pool, migrate) and the drizzle type every function takes.
 * `connectDatabase(DATABASE_URL or path)` picks the engine; every repository function is async.
 */
export { connectDatabase, isPostgresUrl, openDatabase } from "./client.ts";
export { dataVersion, engineOf, withReadScope } from "./access/engine.ts";
export type { Engine } from "./access/engine.ts";
export type { Db, OpenDatabase, OpenOptions } from "./client.ts";

/** Tables (drizzle), role and status lists. */
export * as tables from "./schema/index.ts";
export { ROLES, DOCUMENT_STATUSES, SUBMISSION_STATUSES, SUBMISSION_RESULTS, DECISION_STATES } from "./schema/index.ts";
export type { Role, DocumentStatus, SubmissionStatus, SubmissionResult, DecisionState } from "./schema/index.ts";

/** Scope: who is asking. Every repository function takes it after `db`. */
export { reachOf } from "./access/scope.ts";
export type { Scope, Reach } from "./access/scope.ts";
export { writeTransaction } from "./access/transaction.ts";

/** Passwords, sessions, sign-in and its rate limit. */
export { checkPasswordRules, hashPassword, verifyPassword, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./auth/passwords.ts";
export { createSession, getSession, deleteSession, deleteExpiredSessions, endOwnSessions, listOwnSessions, sessionEndReason, LAST_SEEN_RESOLUTION_MS, SESSION_IDLE_MS, SESSION_TTL_MS } from "./auth/sessions.ts";
export type { EndOwnSessionsResult, OwnSession, SessionEnd, SessionInfo } from "./auth/sessions.ts";
export { CURRENT_PASSWORD_LIMIT } from "./auth/currentPassword.ts";
export { changePassword } from "./auth/changePassword.ts";
export { reauthenticateAdmin, REAUTH_FRESH_SIGN_IN_MS } from "./auth/adminReauth.ts";
export type { AdminReauthPurpose, AdminReauthResult } from "./auth/adminReauth.ts";
export type { ChangePasswordResult } from "./auth/changePassword.ts";
export { signIn, signInRefusalCause } from "./auth/signIn.ts";
export type { SignInRefusalCause, SignInResult } from "./auth/signIn.ts";
export { isSignInRateLimited, reserveRequest, reserveSignInAttempt, settleSignInAttempt, normaliseEmail, SIGN_IN_LIMIT } from "./auth/rateLimit.ts";
export { TEXT_LIMITS } from "./util/textLimits.ts";
export type { TooLong } from "./util/textLimits.ts";

/** Audit log: append (inside a write transaction), verify, list. */
export { appendAudit, auditEntryHash, GENESIS_HASH } from "./audit/appendAudit.ts";
export type { AuditEntry, AuditInput } from "./audit/appendAudit.ts";
export { verifyAuditChain } from "./audit/verifyAuditChain.ts";
export type { AuditVerification, VerifyOptions } from "./audit/verifyAuditChain.ts";
export { listAuditEntries } from "./repositories/audit.ts";

/** Repositories, by model. */
export { apiTokenScope, createCentre, getCentre, issueCentreApiToken, revokeCentreApiToken, recordApiTokenUse, findCentreByApiToken, updateCentreSettings, API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from "./repositories/centres.ts";
export type { Centre } from "./repositories/centres.ts";
export { addMember, createCentreWithAdmin, endMemberSessions, listMembers, setMemberActive, updateMember } from "./repositories/people.ts";
export { createPasswordReset, openPasswordReset, usePasswordReset, PASSWORD_RESET_TTL_MS } from "./repositories/passwordResets.ts";
export type { AddMemberResult, Member, NewMember } from "./repositories/people.ts";
export { changeRegistrationRules, getLearner, getOwnLearner, listLearners, registerLearner, listRegistrations, listVisibleRegistrations } from "./repositories/learners.ts";
export type { Learner, NewRegistration, Registration } from "./repositories/learners.ts";
export { assignAssessor, unassignAssessor, listAssignments } from "./repositories/assignments.ts";
export type { Assignment } from "./repositories/assignments.ts";
export { createDocument, documentLocks, documentsFingerprint, getDocument, listDocuments, openSubmissionHolding, reopenedByReturn, saveDocument } from "./repositories/documents.ts";
export type { DocumentLocks, Final, HoldingSubmission, Invalid, Locked, SaveDocumentResult, StoredDocument } from "./repositories/documents.ts";
export { upgradeCounts, upgradeStoredDocuments } from "./repositories/upgradeDocuments.ts";
export type { UpgradeReport } from "./repositories/upgradeDocuments.ts";
export { submitUnit, getSubmission, listSubmissions, finishAssessment, submissionContentHash, submissionFiles } from "./repositories/submissions.ts";
export type { Submission, SubmitUnitResult } from "./repositories/submissions.ts";
export { recordDecision, recordAssessment, listDecisions } from "./repositories/decisions.ts";
export type { AssessorDecision, DecisionInput, RecordAssessmentResult } from "./repositories/decisions.ts";
export { saveAssessmentComments, listAssessmentComments } from "./repositories/assessmentComments.ts";
export type { AssessmentComment } from "./repositories/assessmentComments.ts";
export { listSubmittedDocuments, previousAttempt } from "./repositories/attempts.ts";
export type { SubmittedDocument } from "./repositories/attempts.ts";
export { ratifySubmission, listRatifications } from "./repositories/ratifications.ts";
export type { QaRatification } from "./repositories/ratifications.ts";
export { addEqaReview, listEqaReviews } from "./repositories/eqaReviews.ts";
export type { EqaRefusal, EqaReview } from "./repositories/eqaReviews.ts";
export type { Forbidden, NotFound } from "./repositories/results.ts";

/** Backup and demo data. */
export { backupDatabase } from "./backup.ts";
export { copyToPostgres } from "./copyToPostgres.ts";
export type { CopyReport } from "./copyToPostgres.ts";
export type { BackupReport } from "./backup.ts";
export { seedDemoCentre } from "./seed/seedDemoCentre.ts";
export type { DemoSignIn, SeedResult } from "./seed/seedDemoCentre.ts";

/** Evidence files: content-addressed blobs, attachments to documents and units. */
export { addAttachment, getAttachment, listAttachments, readAttachment, removeAttachment } from "./repositories/attachments.ts";
export type { AddAttachmentResult, Attachment, AttachmentTarget, RefusedByTemplate, RemoveAttachmentResult, TooLarge } from "./repositories/attachments.ts";
export { ATTACHMENT_LIMITS, BLOB_PART_BYTES } from "./attachments/limits.ts";
export type { AttachmentLimits } from "./attachments/limits.ts";
export { EVIDENCE_MEDIA_TYPES, sniffEvidenceType } from "./attachments/evidenceTypes.ts";
export { evidenceFileName } from "./attachments/fileName.ts";

/** Signatures made by the signers through one-time links, bound to the document's signed content. */
export { createSigningLink, listSignerSignatures, listSigningLinks, openSigningLink, revokeSigningLink, signerSignatureStates, signWithLink, signatureFields, signedContentHash, SIGNING_LINK_TTL_MS } from "./repositories/signatures.ts";
export type { LinkRefused, OpenedLink, SignatureField, SignerSignature, SigningLink } from "./repositories/signatures.ts";
export { approvedVersions, endorseDocument, endorsingRoles, listEndorsements } from "./repositories/endorsements.ts";
export type { Endorsement } from "./repositories/endorsements.ts";
