-- Issue 13: reviews with named reviewers and their verdicts (each on the text it was given on), comments
-- on a section as threads, the reviewer whose approval was the second person at fastställande, and an
-- index for one record's history in the audit log.
CREATE TABLE "deliverable_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"section_id" text NOT NULL,
	"quote" text,
	"text" text NOT NULL,
	"reply_to" uuid,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "deliverable_reviewers" (
	"review_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"verdict" text,
	"note" text,
	"content_hash" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "deliverable_reviewers_review_id_reviewer_id_pk" PRIMARY KEY("review_id","reviewer_id"),
	CONSTRAINT "deliverable_reviewers_verdict_check" CHECK ("deliverable_reviewers"."verdict" in ('approved', 'changes_requested')),
	CONSTRAINT "deliverable_reviewers_verdict_whole" CHECK (("deliverable_reviewers"."verdict" is null) = ("deliverable_reviewers"."decided_at" is null) and ("deliverable_reviewers"."verdict" is null) = ("deliverable_reviewers"."content_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "deliverable_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD COLUMN "second_approver_id" uuid;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_reply_to_deliverable_comments_id_fk" FOREIGN KEY ("reply_to") REFERENCES "public"."deliverable_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_reviewers" ADD CONSTRAINT "deliverable_reviewers_review_id_deliverable_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."deliverable_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_reviewers" ADD CONSTRAINT "deliverable_reviewers_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_reviews" ADD CONSTRAINT "deliverable_reviews_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_reviews" ADD CONSTRAINT "deliverable_reviews_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliverable_comments_deliverable_idx" ON "deliverable_comments" USING btree ("deliverable_id");--> statement-breakpoint
CREATE INDEX "deliverable_reviewers_reviewer_idx" ON "deliverable_reviewers" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "deliverable_reviews_deliverable_idx" ON "deliverable_reviews" USING btree ("deliverable_id");--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_second_approver_id_users_id_fk" FOREIGN KEY ("second_approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","seq");