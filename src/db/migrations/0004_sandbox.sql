CREATE TABLE "sandbox_authorities" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"ca_certificate_pem" text NOT NULL,
	"ca_private_key_pem" text NOT NULL,
	"server_certificate_pem" text NOT NULL,
	"server_private_key_pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_authorities_single" CHECK ("sandbox_authorities"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sandbox_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"organisation_id" uuid,
	"endpoint" text NOT NULL,
	"operation" text,
	"sender_orgnr" text,
	"recipient_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"operator_id" text,
	"client_orgnr" text,
	"outcome" text NOT NULL,
	"http_status" integer,
	"duration_ms" double precision NOT NULL,
	"fault_code" integer,
	"reason" text,
	"checks" jsonb NOT NULL,
	"trans_id" text
);
--> statement-breakpoint
ALTER TABLE "sandbox_events" ADD CONSTRAINT "sandbox_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_events_org_at_idx" ON "sandbox_events" USING btree ("organisation_id","at");