-- Issue 12: the business case (one row per initiative, its lines and effektkedja as JSON replaced
-- whole), the nyttorealiseringsplan's benefits and their measurements, the risk register and the
-- reserve-operation plans of the risk and vulnerability analysis.
CREATE TABLE "benefit_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"benefit_id" uuid NOT NULL,
	"date" date NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "benefit_measurements_source_check" CHECK ("benefit_measurements"."source" in ('manual', 'import', 'actuals'))
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text,
	"beneficiary" text,
	"metric" text NOT NULL,
	"unit" text NOT NULL,
	"baseline_value" numeric(20, 4) NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" numeric(20, 4) NOT NULL,
	"target_date" date NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"how_realised" text DEFAULT '' NOT NULL,
	"frequency_months" smallint,
	"measured_by" text DEFAULT '' NOT NULL,
	"measured_by_user_id" uuid,
	"derived_from_flow_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gap_cause" text DEFAULT '' NOT NULL,
	"proposed_actions" text DEFAULT '' NOT NULL,
	"responsible_unit" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "benefits_category_check" CHECK ("benefits"."category" is null or "benefits"."category" in ('finansiell', 'omfordelad_tid', 'kvalitet', 'miljo')),
	CONSTRAINT "benefits_beneficiary_check" CHECK ("benefits"."beneficiary" is null or "benefits"."beneficiary" in ('organisation', 'privatpersoner', 'foretag', 'samhallet')),
	CONSTRAINT "benefits_frequency_check" CHECK ("benefits"."frequency_months" is null or "benefits"."frequency_months" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "business_cases" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"start_year" integer NOT NULL,
	"horizon_years" smallint NOT NULL,
	"discount_rate" numeric(6, 5) NOT NULL,
	"costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"benefits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"effect_chain" jsonb DEFAULT '{"nodes":[],"links":[]}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "business_cases_horizon_check" CHECK ("business_cases"."horizon_years" between 1 and 15),
	CONSTRAINT "business_cases_rate_check" CHECK ("business_cases"."discount_rate" between 0 and 0.2),
	CONSTRAINT "business_cases_years_check" CHECK ("business_cases"."start_year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "reserve_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"flow_id" uuid,
	"outage" text NOT NULL,
	"duration" text NOT NULL,
	"fallback_after_hours" integer,
	"fallback" text NOT NULL,
	"decided_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_plans_outage_check" CHECK ("reserve_plans"."outage" in ('mina_meddelanden', 'egen_integration')),
	CONSTRAINT "reserve_plans_duration_check" CHECK ("reserve_plans"."duration" in ('kort', 'lang')),
	CONSTRAINT "reserve_plans_after_check" CHECK ("reserve_plans"."fallback_after_hours" is null or "reserve_plans"."fallback_after_hours" between 0 and 8760)
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"probability" smallint NOT NULL,
	"consequence" smallint NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"mitigation" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'identifierad' NOT NULL,
	"review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "risks_category_check" CHECK ("risks"."category" in ('verksamhet', 'teknik', 'juridik', 'informationssakerhet', 'leverantor', 'tidplan')),
	CONSTRAINT "risks_scale_check" CHECK ("risks"."probability" between 1 and 5 and "risks"."consequence" between 1 and 5),
	CONSTRAINT "risks_status_check" CHECK ("risks"."status" in ('identifierad', 'hanteras', 'accepterad', 'stangd'))
);
--> statement-breakpoint
ALTER TABLE "benefit_measurements" ADD CONSTRAINT "benefit_measurements_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_measurements" ADD CONSTRAINT "benefit_measurements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_measured_by_user_id_users_id_fk" FOREIGN KEY ("measured_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_cases" ADD CONSTRAINT "business_cases_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_cases" ADD CONSTRAINT "business_cases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_plans" ADD CONSTRAINT "reserve_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_plans" ADD CONSTRAINT "reserve_plans_flow_id_message_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."message_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_measurements_benefit_idx" ON "benefit_measurements" USING btree ("benefit_id","date");--> statement-breakpoint
CREATE INDEX "benefits_initiative_idx" ON "benefits" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "reserve_plans_initiative_idx" ON "reserve_plans" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "risks_initiative_idx" ON "risks" USING btree ("initiative_id");