-- An invitation is to an organisation, for an e-mail address, with roles: the membership is made only
-- when the person accepts, and an invitation never sets the password of an account that has one.
ALTER TABLE "invitations" ADD COLUMN "organisation_id" uuid REFERENCES "organisations"("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "email" text;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "name" text;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "roles" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "user_id" DROP NOT NULL;
--> statement-breakpoint
UPDATE "invitations" i SET "email" = u."email", "name" = u."name" FROM "users" u WHERE u."id" = i."user_id";
--> statement-breakpoint
-- Earlier links were bound to an account, not an organisation, and were shown to whoever invited:
-- any of them could set the password of an account another organisation had invited. End them all;
-- the organisation invites again and the new link goes only to the person's mailbox.
UPDATE "invitations" SET "revoked_at" = now() WHERE "used_at" IS NULL AND "revoked_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "email" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "name" SET NOT NULL;
--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" ("email");
--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "invitations" ("organisation_id", "created_at");
