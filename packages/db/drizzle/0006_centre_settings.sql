ALTER TABLE `centres` ADD `centre_number` text;--> statement-breakpoint
ALTER TABLE `centres` ADD `iqa_sample_percent` integer DEFAULT 25 NOT NULL;