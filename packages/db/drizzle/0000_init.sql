CREATE TABLE `centres` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`api_token_hash` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `centres_api_token_hash_unique` ON `centres` (`api_token_hash`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`centre_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_role_known" CHECK("memberships"."role" in ('learner', 'assessor', 'iqa', 'centre_admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_user_id_unique` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_centre_role` ON `memberships` (`centre_id`,`role`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `assessor_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`assessor_user_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessor_assignments_pair` ON `assessor_assignments` (`assessor_user_id`,`learner_id`);--> statement-breakpoint
CREATE INDEX `assessor_assignments_learner` ON `assessor_assignments` (`learner_id`);--> statement-breakpoint
CREATE TABLE `learners` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`user_id` text NOT NULL,
	`learner_number` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `learners_user_id_unique` ON `learners` (`user_id`);--> statement-breakpoint
CREATE INDEX `learners_centre` ON `learners` (`centre_id`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`qualification` text NOT NULL,
	`route` text NOT NULL,
	`unit` text NOT NULL,
	`rule_set_version` text NOT NULL,
	`registered_on` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_learner_unit` ON `registrations` (`learner_id`,`qualification`,`unit`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` text NOT NULL,
	`data` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_status_known" CHECK("documents"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE INDEX `documents_learner` ON `documents` (`learner_id`,`template_id`);--> statement-breakpoint
CREATE INDEX `documents_centre` ON `documents` (`centre_id`);--> statement-breakpoint
CREATE TABLE `assessor_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`criterion` text NOT NULL,
	`decision` text,
	`marks` integer,
	`feedback` text NOT NULL,
	`assessor_user_id` text NOT NULL,
	`state` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessor_decisions_decision_known" CHECK("assessor_decisions"."decision" is null or "assessor_decisions"."decision" in ('Pass', 'Referral')),
	CONSTRAINT "assessor_decisions_has_outcome" CHECK("assessor_decisions"."decision" is not null or "assessor_decisions"."marks" is not null),
	CONSTRAINT "assessor_decisions_state_known" CHECK("assessor_decisions"."state" in ('provisional', 'ratified', 'returned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessor_decisions_criterion` ON `assessor_decisions` (`submission_id`,`criterion`);--> statement-breakpoint
CREATE TABLE `qa_ratifications` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`iqa_user_id` text NOT NULL,
	`decision` text NOT NULL,
	`comments` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`iqa_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "qa_ratifications_decision_known" CHECK("qa_ratifications"."decision" in ('ratify', 'return'))
);
--> statement-breakpoint
CREATE INDEX `qa_ratifications_submission` ON `qa_ratifications` (`submission_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`qualification` text NOT NULL,
	`unit` text NOT NULL,
	`documents` text NOT NULL,
	`content_hash` text NOT NULL,
	`declaration_name` text NOT NULL,
	`declaration_date` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` text NOT NULL,
	`submitted_by` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submissions_status_known" CHECK("submissions"."status" in ('submitted', 'assessed', 'returned'))
);
--> statement-breakpoint
CREATE INDEX `submissions_learner` ON `submissions` (`learner_id`);--> statement-breakpoint
CREATE INDEX `submissions_centre_status` ON `submissions` (`centre_id`,`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_email_ip_at` ON `sign_in_attempts` (`email`,`ip`,`at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`centre_id` text,
	`actor_user_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_hash_unique` ON `audit_log` (`hash`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_centre` ON `audit_log` (`centre_id`,`seq`);