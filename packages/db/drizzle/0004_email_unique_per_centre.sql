DROP INDEX `users_email_unique`;--> statement-breakpoint
CREATE INDEX `users_email` ON `users` (`email`);