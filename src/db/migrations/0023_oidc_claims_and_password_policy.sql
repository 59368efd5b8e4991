-- Issue 15, second part. Memberships from a provider's claim: the claim's name on the provider and,
-- per value, the organisation and roles it gives. An organisation may say its members sign in with one
-- provider, which turns their password login off while that provider is enabled. An administrator may
-- allow a password account to be linked at its next sign-in with a provider. A session remembers the
-- provider and the ID token it began with, so logging out can end the provider's session too.
ALTER TABLE "oidc_providers" ADD COLUMN "membership_claim" text;
--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD CONSTRAINT "oidc_providers_membership_claim_check" CHECK ("oidc_providers"."membership_claim" is null or "oidc_providers"."membership_claim" ~ '^[A-Za-z0-9_:./-]{1,100}$');
--> statement-breakpoint
CREATE TABLE "oidc_claim_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"claim_value" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oidc_claim_mappings_value_check" CHECK (length("oidc_claim_mappings"."claim_value") between 1 and 500),
	CONSTRAINT "oidc_claim_mappings_roles_check" CHECK (cardinality("oidc_claim_mappings"."roles") > 0 and "oidc_claim_mappings"."roles" <@ array['projektledare','deltagare','verksamhetsagare','styrgrupp','lasare','administrator']::text[])
);
--> statement-breakpoint
ALTER TABLE "oidc_claim_mappings" ADD CONSTRAINT "oidc_claim_mappings_provider_id_oidc_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."oidc_providers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "oidc_claim_mappings" ADD CONSTRAINT "oidc_claim_mappings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "oidc_claim_mappings_key" ON "oidc_claim_mappings" USING btree ("provider_id","claim_value","organisation_id");
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sign_in_provider_id" uuid;
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_sign_in_provider_id_oidc_providers_id_fk" FOREIGN KEY ("sign_in_provider_id") REFERENCES "public"."oidc_providers"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "oidc_link_grants" (
	"user_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "oidc_link_grants_pk" PRIMARY KEY("user_id","provider_id")
);
--> statement-breakpoint
ALTER TABLE "oidc_link_grants" ADD CONSTRAINT "oidc_link_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "oidc_link_grants" ADD CONSTRAINT "oidc_link_grants_provider_id_oidc_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."oidc_providers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "oidc_link_grants" ADD CONSTRAINT "oidc_link_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "oidc_provider_id" uuid;
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "id_token" text;
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_oidc_provider_id_oidc_providers_id_fk" FOREIGN KEY ("oidc_provider_id") REFERENCES "public"."oidc_providers"("id") ON DELETE set null ON UPDATE no action;
