CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`document_id` text,
	`qualification` text,
	`unit` text,
	`criteria` text NOT NULL,
	`name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_one_target" CHECK(("attachments"."document_id" is null) <> ("attachments"."unit" is null))
);
--> statement-breakpoint
CREATE INDEX `attachments_learner` ON `attachments` (`learner_id`);--> statement-breakpoint
CREATE INDEX `attachments_document` ON `attachments` (`document_id`);--> statement-breakpoint
CREATE INDEX `attachments_blob` ON `attachments` (`centre_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `evidence_blob_parts` (
	`centre_id` text NOT NULL,
	`sha256` text NOT NULL,
	`part` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`centre_id`, `sha256`, `part`)
);
--> statement-breakpoint
CREATE TABLE `evidence_blobs` (
	`centre_id` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`centre_id`, `sha256`),
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signer_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`document_id` text NOT NULL,
	`field` text NOT NULL,
	`signer_name` text NOT NULL,
	`signed_on` text NOT NULL,
	`content_hash` text NOT NULL,
	`signed_at` text NOT NULL,
	`link_id` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `signing_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signer_signatures_document` ON `signer_signatures` (`document_id`);--> statement-breakpoint
CREATE TABLE `signing_links` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`document_id` text NOT NULL,
	`field` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`used_at` text,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signing_links_token_hash_unique` ON `signing_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `signing_links_document` ON `signing_links` (`document_id`);