CREATE TABLE "rate_limit_hits" (
	"id" text PRIMARY KEY NOT NULL,
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_hits_bucket_key_at" ON "rate_limit_hits" USING btree ("bucket","key","at");