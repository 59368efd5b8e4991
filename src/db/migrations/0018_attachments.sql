-- Issue 13: files attached to a document version or to a milestone decision (a signed anslutningsavtal,
-- a protokoll). The bytes are kept here (bytea) unless ATTACHMENT_DIR is set; then the file lies there
-- under its SHA-256 and "bytes" is null. Attachments are not changed once stored.
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"deliverable_id" uuid,
	"version" integer,
	"decision_id" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" bytea,
	"scanned" boolean NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_subject_check" CHECK (("attachments"."deliverable_id" is not null and "attachments"."version" is not null and "attachments"."decision_id" is null) or ("attachments"."deliverable_id" is null and "attachments"."version" is null and "attachments"."decision_id" is not null)),
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size" > 0),
	CONSTRAINT "attachments_sha256_check" CHECK ("attachments"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_version_fk" FOREIGN KEY ("deliverable_id","version") REFERENCES "public"."deliverable_versions"("deliverable_id","version") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_decision_id_milestone_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."milestone_decisions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "attachments_version_idx" ON "attachments" USING btree ("deliverable_id","version");
--> statement-breakpoint
CREATE INDEX "attachments_decision_idx" ON "attachments" USING btree ("decision_id");
--> statement-breakpoint
CREATE INDEX "attachments_initiative_idx" ON "attachments" USING btree ("initiative_id");
