CREATE TABLE "assessment_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"target" text NOT NULL,
	"comment" text NOT NULL,
	"author_user_id" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessor_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"assessor_user_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessor_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"criterion" text NOT NULL,
	"decision" text,
	"marks" integer,
	"feedback" text NOT NULL,
	"assessor_user_id" text NOT NULL,
	"state" text NOT NULL,
	"decided_at" text NOT NULL,
	CONSTRAINT "assessor_decisions_decision_known" CHECK ("assessor_decisions"."decision" is null or "assessor_decisions"."decision" in ('Pass', 'Referral')),
	CONSTRAINT "assessor_decisions_has_outcome" CHECK ("assessor_decisions"."decision" is not null or "assessor_decisions"."marks" is not null),
	CONSTRAINT "assessor_decisions_state_known" CHECK ("assessor_decisions"."state" in ('provisional', 'ratified', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"document_id" text,
	"qualification" text,
	"unit" text,
	"criteria" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "attachments_one_target" CHECK (("attachments"."document_id" is null) <> ("attachments"."unit" is null))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" integer PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"centre_id" text,
	"actor_user_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" text,
	"after" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "centres" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"api_token_hash" text,
	"api_token_issued_by" text,
	"centre_number" text,
	"iqa_sample_percent" integer DEFAULT 25 NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "centres_api_token_hash_unique" UNIQUE("api_token_hash")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"template_id" text NOT NULL,
	"template_version" text NOT NULL,
	"data" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "documents_status_known" CHECK ("documents"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "evidence_blob_parts" (
	"centre_id" text NOT NULL,
	"sha256" text NOT NULL,
	"part" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "evidence_blob_parts_centre_id_sha256_part_pk" PRIMARY KEY("centre_id","sha256","part")
);
--> statement-breakpoint
CREATE TABLE "evidence_blobs" (
	"centre_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "evidence_blobs_centre_id_sha256_pk" PRIMARY KEY("centre_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"user_id" text NOT NULL,
	"learner_number" text,
	"created_at" text NOT NULL,
	CONSTRAINT "learners_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"centre_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "memberships_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('learner', 'assessor', 'iqa', 'centre_admin'))
);
--> statement-breakpoint
CREATE TABLE "qa_ratifications" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"iqa_user_id" text NOT NULL,
	"decision" text NOT NULL,
	"comments" text NOT NULL,
	"decided_at" text NOT NULL,
	CONSTRAINT "qa_ratifications_decision_known" CHECK ("qa_ratifications"."decision" in ('ratify', 'return'))
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"qualification" text NOT NULL,
	"route" text NOT NULL,
	"unit" text NOT NULL,
	"rule_set_version" text NOT NULL,
	"registered_on" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" integer NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signer_signatures" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"document_id" text NOT NULL,
	"field" text NOT NULL,
	"signer_name" text NOT NULL,
	"signed_on" text NOT NULL,
	"content_hash" text NOT NULL,
	"signed_at" text NOT NULL,
	"link_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_links" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"document_id" text NOT NULL,
	"field" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"expires_at" text NOT NULL,
	"revoked_at" text,
	"used_at" text,
	CONSTRAINT "signing_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "submission_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"document_id" text NOT NULL,
	"version" integer NOT NULL,
	"template_id" text NOT NULL,
	"template_version" text NOT NULL,
	"data" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"qualification" text NOT NULL,
	"unit" text NOT NULL,
	"documents" text NOT NULL,
	"content_hash" text NOT NULL,
	"declaration_name" text NOT NULL,
	"declaration_date" text NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"result" text,
	"submitted_at" text NOT NULL,
	"submitted_by" text NOT NULL,
	CONSTRAINT "submissions_status_known" CHECK ("submissions"."status" in ('submitted', 'assessed', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"created_at" text NOT NULL,
	"deactivated_at" text
);
--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_comments" ADD CONSTRAINT "assessment_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_decisions" ADD CONSTRAINT "assessor_decisions_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_decisions" ADD CONSTRAINT "assessor_decisions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_decisions" ADD CONSTRAINT "assessor_decisions_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_blobs" ADD CONSTRAINT "evidence_blobs_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_ratifications" ADD CONSTRAINT "qa_ratifications_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_ratifications" ADD CONSTRAINT "qa_ratifications_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_ratifications" ADD CONSTRAINT "qa_ratifications_iqa_user_id_users_id_fk" FOREIGN KEY ("iqa_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signer_signatures" ADD CONSTRAINT "signer_signatures_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signer_signatures" ADD CONSTRAINT "signer_signatures_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signer_signatures" ADD CONSTRAINT "signer_signatures_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signer_signatures" ADD CONSTRAINT "signer_signatures_link_id_signing_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."signing_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_links" ADD CONSTRAINT "signing_links_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_links" ADD CONSTRAINT "signing_links_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_links" ADD CONSTRAINT "signing_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_links" ADD CONSTRAINT "signing_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_documents" ADD CONSTRAINT "submission_documents_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_documents" ADD CONSTRAINT "submission_documents_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_comments_target" ON "assessment_comments" USING btree ("submission_id","target");--> statement-breakpoint
CREATE UNIQUE INDEX "assessor_assignments_pair" ON "assessor_assignments" USING btree ("assessor_user_id","learner_id");--> statement-breakpoint
CREATE INDEX "assessor_assignments_learner" ON "assessor_assignments" USING btree ("learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessor_decisions_criterion" ON "assessor_decisions" USING btree ("submission_id","criterion");--> statement-breakpoint
CREATE INDEX "attachments_learner" ON "attachments" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "attachments_document" ON "attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "attachments_blob" ON "attachments" USING btree ("centre_id","sha256");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_centre" ON "audit_log" USING btree ("centre_id","seq");--> statement-breakpoint
CREATE INDEX "documents_learner" ON "documents" USING btree ("learner_id","template_id");--> statement-breakpoint
CREATE INDEX "documents_centre" ON "documents" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "learners_centre" ON "learners" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "memberships_centre_role" ON "memberships" USING btree ("centre_id","role");--> statement-breakpoint
CREATE INDEX "qa_ratifications_submission" ON "qa_ratifications" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_learner_unit" ON "registrations" USING btree ("learner_id","qualification","unit");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_ip_at" ON "sign_in_attempts" USING btree ("email","ip","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "signer_signatures_document" ON "signer_signatures" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "signing_links_document" ON "signing_links" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_documents_document" ON "submission_documents" USING btree ("submission_id","document_id");--> statement-breakpoint
CREATE INDEX "submissions_learner" ON "submissions" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "submissions_centre_status" ON "submissions" USING btree ("centre_id","status");--> statement-breakpoint
CREATE INDEX "users_email" ON "users" USING btree ("email");