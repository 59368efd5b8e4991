CREATE TABLE "sandbox_environments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"intermediary_orgnr" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_load_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"environment_id" uuid NOT NULL,
	"target_rate" double precision NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sandbox_messages" (
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"message_id" text,
	"subject" text,
	"body_content_type" text,
	"body_base64" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "sandbox_messages_event_id_position_pk" PRIMARY KEY("event_id","position")
);
--> statement-breakpoint
CREATE TABLE "sandbox_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recipient_id" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"account_type" text NOT NULL,
	"pending" boolean DEFAULT false NOT NULL,
	"operator_id" text,
	"sender_accepted" boolean DEFAULT true NOT NULL,
	"operator_behaviour" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sandbox_trusted_cas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"certificate_pem" text NOT NULL,
	"subject" text NOT NULL,
	"fingerprint256" text NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "sandbox_events" ADD COLUMN "environment_id" uuid;--> statement-breakpoint
ALTER TABLE "sandbox_events" ADD COLUMN "load_test_id" uuid;--> statement-breakpoint
ALTER TABLE "sandbox_events" ADD COLUMN "request_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sandbox_environments" ADD CONSTRAINT "sandbox_environments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_environments" ADD CONSTRAINT "sandbox_environments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_environments" ADD CONSTRAINT "sandbox_environments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_load_tests" ADD CONSTRAINT "sandbox_load_tests_environment_id_sandbox_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."sandbox_environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_load_tests" ADD CONSTRAINT "sandbox_load_tests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_messages" ADD CONSTRAINT "sandbox_messages_event_id_sandbox_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."sandbox_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_recipients" ADD CONSTRAINT "sandbox_recipients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_recipients" ADD CONSTRAINT "sandbox_recipients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_trusted_cas" ADD CONSTRAINT "sandbox_trusted_cas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_trusted_cas" ADD CONSTRAINT "sandbox_trusted_cas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_environments_initiative_uq" ON "sandbox_environments" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_environments_slug_uq" ON "sandbox_environments" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "sandbox_load_tests_env_idx" ON "sandbox_load_tests" USING btree ("environment_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_recipients_org_recipient_uq" ON "sandbox_recipients" USING btree ("organisation_id","recipient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_trusted_cas_org_fp_uq" ON "sandbox_trusted_cas" USING btree ("organisation_id","fingerprint256");--> statement-breakpoint
ALTER TABLE "sandbox_events" ADD CONSTRAINT "sandbox_events_environment_id_sandbox_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."sandbox_environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_events" ADD CONSTRAINT "sandbox_events_load_test_id_sandbox_load_tests_id_fk" FOREIGN KEY ("load_test_id") REFERENCES "public"."sandbox_load_tests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_events_env_at_idx" ON "sandbox_events" USING btree ("environment_id","at");--> statement-breakpoint
CREATE INDEX "sandbox_events_load_test_idx" ON "sandbox_events" USING btree ("load_test_id");