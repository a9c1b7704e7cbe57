CREATE TABLE `assessment_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`target` text NOT NULL,
	`comment` text NOT NULL,
	`author_user_id` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_comments_target` ON `assessment_comments` (`submission_id`,`target`);--> statement-breakpoint
CREATE TABLE `submission_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`document_id` text NOT NULL,
	`version` integer NOT NULL,
	`template_id` text NOT NULL,
	`template_version` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_documents_document` ON `submission_documents` (`submission_id`,`document_id`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `attempt` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `result` text;