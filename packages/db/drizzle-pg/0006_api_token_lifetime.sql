ALTER TABLE "centres" ADD COLUMN "api_token_issued_at" text;--> statement-breakpoint
ALTER TABLE "centres" ADD COLUMN "api_token_expires_at" text;--> statement-breakpoint
ALTER TABLE "centres" ADD COLUMN "api_token_last_used_at" text;