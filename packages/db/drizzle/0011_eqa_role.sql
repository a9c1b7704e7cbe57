CREATE TABLE `eqa_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`kind` text NOT NULL,
	`comment` text NOT NULL,
	`eqa_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`eqa_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "eqa_reviews_kind_known" CHECK("eqa_reviews"."kind" in ('comment', 'verified'))
);
--> statement-breakpoint
CREATE INDEX `eqa_reviews_submission` ON `eqa_reviews` (`submission_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`centre_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_role_known" CHECK("__new_memberships"."role" in ('learner', 'assessor', 'iqa', 'centre_admin', 'eqa'))
);
--> statement-breakpoint
INSERT INTO `__new_memberships`("id", "user_id", "centre_id", "role", "created_at") SELECT "id", "user_id", "centre_id", "role", "created_at" FROM `memberships`;--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
ALTER TABLE `__new_memberships` RENAME TO `memberships`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_user_id_unique` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_centre_role` ON `memberships` (`centre_id`,`role`);--> statement-breakpoint
ALTER TABLE `centres` ADD `eqa_verification_required` integer DEFAULT 0 NOT NULL;