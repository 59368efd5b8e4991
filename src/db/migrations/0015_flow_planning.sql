-- Planning the flows (issue 11): prioritisation on the flows, the initiative's reach overrides and
-- priority weights, the connection-tactic alternatives it compares and the flows each serves, frozen
-- forecast versions (baselines at decisions II–V, re-forecasts with a reason), actual monthly volumes
-- per flow, and the generated tables a fastställd document version keeps.
CREATE TABLE "flow_actuals" (
	"flow_id" uuid NOT NULL,
	"month" text NOT NULL,
	"digital" integer NOT NULL,
	"paper" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "flow_actuals_flow_id_month_pk" PRIMARY KEY("flow_id","month"),
	CONSTRAINT "flow_actuals_month_check" CHECK ("flow_actuals"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "flow_actuals_counts_check" CHECK ("flow_actuals"."digital" between 0 and 1000000000 and "flow_actuals"."paper" between 0 and 1000000000)
);
--> statement-breakpoint
CREATE TABLE "flow_plan_settings" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"reach_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"priority_weights" jsonb DEFAULT '{"volume":50,"processChange":25,"serviceImprovement":25}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "flow_plan_settings_reach_check" CHECK (jsonb_typeof("flow_plan_settings"."reach_overrides") = 'object')
);
--> statement-breakpoint
CREATE TABLE "forecast_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"milestone" text,
	"decision_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"forecast" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"reach" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "forecast_versions_kind_check" CHECK (("forecast_versions"."kind" = 'baseline' and "forecast_versions"."decision_id" is not null and "forecast_versions"."milestone" in ('II', 'III', 'IV', 'V'))
        or ("forecast_versions"."kind" = 'reforecast' and "forecast_versions"."decision_id" is null and "forecast_versions"."milestone" is null and coalesce("forecast_versions"."reason", '') <> ''))
);
--> statement-breakpoint
CREATE TABLE "tactic_alternative_flows" (
	"alternative_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	CONSTRAINT "tactic_alternative_flows_alternative_id_flow_id_pk" PRIMARY KEY("alternative_id","flow_id")
);
--> statement-breakpoint
CREATE TABLE "tactic_alternatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"tactic" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"one_off_cost_sek" numeric(14, 2) DEFAULT 0 NOT NULL,
	"annual_cost_sek" numeric(14, 2) DEFAULT 0 NOT NULL,
	"lead_time_months" integer,
	"risks" text DEFAULT '' NOT NULL,
	"recommended" boolean DEFAULT false NOT NULL,
	"recommendation_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "tactic_alternatives_tactic_check" CHECK ("tactic_alternatives"."tactic" in ('egen_integration', 'formedlare', 'extern_part', 'verksamhetssystem', 'inget')),
	CONSTRAINT "tactic_alternatives_cost_check" CHECK ("tactic_alternatives"."one_off_cost_sek" >= 0 and "tactic_alternatives"."annual_cost_sek" >= 0),
	CONSTRAINT "tactic_alternatives_lead_time_check" CHECK ("tactic_alternatives"."lead_time_months" is null or "tactic_alternatives"."lead_time_months" between 0 and 240),
	CONSTRAINT "tactic_alternatives_recommended_check" CHECK (not "tactic_alternatives"."recommended" or "tactic_alternatives"."recommendation_reason" <> '')
);
--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD COLUMN "generated" jsonb;--> statement-breakpoint
ALTER TABLE "message_flows" ADD COLUMN "process_change" smallint;--> statement-breakpoint
ALTER TABLE "message_flows" ADD COLUMN "service_improvement" smallint;--> statement-breakpoint
ALTER TABLE "message_flows" ADD COLUMN "priority_override" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "message_flows" ADD COLUMN "priority_motivation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "flow_actuals" ADD CONSTRAINT "flow_actuals_flow_id_message_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."message_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_actuals" ADD CONSTRAINT "flow_actuals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_plan_settings" ADD CONSTRAINT "flow_plan_settings_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_plan_settings" ADD CONSTRAINT "flow_plan_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_versions" ADD CONSTRAINT "forecast_versions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_versions" ADD CONSTRAINT "forecast_versions_decision_id_milestone_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."milestone_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_versions" ADD CONSTRAINT "forecast_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tactic_alternative_flows" ADD CONSTRAINT "tactic_alternative_flows_alternative_id_tactic_alternatives_id_fk" FOREIGN KEY ("alternative_id") REFERENCES "public"."tactic_alternatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tactic_alternative_flows" ADD CONSTRAINT "tactic_alternative_flows_flow_id_message_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."message_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tactic_alternatives" ADD CONSTRAINT "tactic_alternatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tactic_alternatives" ADD CONSTRAINT "tactic_alternatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forecast_versions_initiative_idx" ON "forecast_versions" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_versions_decision_key" ON "forecast_versions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "tactic_alternative_flows_flow_idx" ON "tactic_alternative_flows" USING btree ("flow_id");--> statement-breakpoint
CREATE INDEX "tactic_alternatives_initiative_idx" ON "tactic_alternatives" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tactic_alternatives_one_recommended" ON "tactic_alternatives" USING btree ("initiative_id") WHERE "tactic_alternatives"."recommended";--> statement-breakpoint
ALTER TABLE "message_flows" ADD CONSTRAINT "message_flows_process_change_check" CHECK ("message_flows"."process_change" is null or "message_flows"."process_change" between 1 and 5);--> statement-breakpoint
ALTER TABLE "message_flows" ADD CONSTRAINT "message_flows_service_improvement_check" CHECK ("message_flows"."service_improvement" is null or "message_flows"."service_improvement" between 1 and 5);--> statement-breakpoint
ALTER TABLE "message_flows" ADD CONSTRAINT "message_flows_priority_override_check" CHECK ("message_flows"."priority_override" is null or ("message_flows"."priority_override" between 0 and 100 and "message_flows"."priority_motivation" <> ''));
--> statement-breakpoint
-- A forecast version is frozen like the decision it may belong to: never changed. It goes only with its
-- initiative (the foreign key's cascade deletes it, which the trigger allows).
CREATE OR REPLACE FUNCTION forecast_versions_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'forecast versions are frozen (UPDATE refused); save a re-forecast instead' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER forecast_versions_frozen
  BEFORE UPDATE ON forecast_versions
  FOR EACH ROW EXECUTE FUNCTION forecast_versions_refuse_update();
