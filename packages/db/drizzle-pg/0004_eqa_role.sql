CREATE TABLE "eqa_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"kind" text NOT NULL,
	"comment" text NOT NULL,
	"eqa_user_id" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "eqa_reviews_kind_known" CHECK ("eqa_reviews"."kind" in ('comment', 'verified'))
);
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role_known";--> statement-breakpoint
ALTER TABLE "centres" ADD COLUMN "eqa_verification_required" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "eqa_reviews" ADD CONSTRAINT "eqa_reviews_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eqa_reviews" ADD CONSTRAINT "eqa_reviews_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eqa_reviews" ADD CONSTRAINT "eqa_reviews_eqa_user_id_users_id_fk" FOREIGN KEY ("eqa_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eqa_reviews_submission" ON "eqa_reviews" USING btree ("submission_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('learner', 'assessor', 'iqa', 'centre_admin', 'eqa'));