-- Whether fastställa needs a second person: on by default, so every organisation starts with the safer rule.
ALTER TABLE "organisations" ADD COLUMN "requires_second_approver" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Who last wrote the version's text (its creator until someone edits it); status changes leave it alone.
ALTER TABLE "deliverable_versions" ADD COLUMN "last_edited_by" uuid;--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_last_edited_by_users_id_fk" FOREIGN KEY ("last_edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Versions written before this column existed: their creator is the only writer on record.
UPDATE "deliverable_versions" SET "last_edited_by" = "created_by";
