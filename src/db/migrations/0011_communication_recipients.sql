CREATE TABLE "initiative_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"partner_organisation_id" uuid,
	"name" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "initiative_partners_one_kind" CHECK (("partner_organisation_id" is not null and "name" is null and "email" is null) or ("partner_organisation_id" is null and "name" is not null and "email" is not null)),
	CONSTRAINT "initiative_partners_email_lower" CHECK ("email" = lower("email"))
);
--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_partners_organisation_key" ON "initiative_partners" USING btree ("initiative_id","partner_organisation_id") WHERE "initiative_partners"."partner_organisation_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_partners_email_key" ON "initiative_partners" USING btree ("initiative_id","email") WHERE "initiative_partners"."email" is not null;--> statement-breakpoint
CREATE INDEX "initiative_partners_partner_idx" ON "initiative_partners" USING btree ("partner_organisation_id");--> statement-breakpoint
CREATE TABLE "communication_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"communication_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	CONSTRAINT "communication_recipients_kind" CHECK (("kind" = 'forvaltningsgrupp' and "organisation_id" is null and "email" is null) or ("kind" = 'organisation' and "organisation_id" is not null and "email" is null) or ("kind" = 'external' and "organisation_id" is null and "email" is not null and "read_at" is null))
);
--> statement-breakpoint
ALTER TABLE "communication_recipients" ADD CONSTRAINT "communication_recipients_communication_id_communications_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."communications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_recipients" ADD CONSTRAINT "communication_recipients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_recipients" ADD CONSTRAINT "communication_recipients_read_by_users_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "communication_recipients_key" ON "communication_recipients" USING btree ("communication_id","kind",coalesce("organisation_id"::text, "email", ''));--> statement-breakpoint
CREATE INDEX "communication_recipients_organisation_idx" ON "communication_recipients" USING btree ("organisation_id") WHERE "communication_recipients"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "communication_recipients_forvaltningsgrupp_idx" ON "communication_recipients" USING btree ("communication_id") WHERE "communication_recipients"."kind" = 'forvaltningsgrupp';--> statement-breakpoint
-- Existing communications: the förvaltningsgrupp's went to it, and only it could mark them read;
-- every other audience was the originating organisation's own to read (a partner message too, as
-- no partners were named then), so that organisation keeps the read state it had.
INSERT INTO "communication_recipients" ("communication_id", "kind", "organisation_id", "name", "read_at", "read_by")
SELECT c."id", 'forvaltningsgrupp', null, 'Förvaltningsgruppen för Mina meddelanden', c."read_at", c."read_by"
FROM "communications" c WHERE c."audience" = 'forvaltningsgrupp';--> statement-breakpoint
INSERT INTO "communication_recipients" ("communication_id", "kind", "organisation_id", "name", "read_at", "read_by")
SELECT c."id", 'organisation', c."organisation_id", o."name", c."read_at", c."read_by"
FROM "communications" c JOIN "organisations" o ON o."id" = c."organisation_id" WHERE c."audience" <> 'forvaltningsgrupp';--> statement-breakpoint
ALTER TABLE "communications" DROP CONSTRAINT "communications_read_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "communications" DROP COLUMN "read_at";--> statement-breakpoint
ALTER TABLE "communications" DROP COLUMN "read_by";
