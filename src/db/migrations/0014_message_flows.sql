-- The initiative's meddelandeflöden (issue 11): each recurring kind of outgoing letter it will connect,
-- with what the volume forecast and the connection plan are computed from. The checks repeat the API's
-- rules (flow-input.ts), so no other writer stores a flow the forecast cannot use. Seasonality is twelve
-- monthly shares, January first, even unless told; the cost per letter defaults to 15 kr, the bulk
-- porto of domain.md §3.2 (porto only: print and handling are the team's to add).
CREATE TABLE "message_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"business_process" text DEFAULT '' NOT NULL,
	"source_system" text DEFAULT '' NOT NULL,
	"recipient_type" text NOT NULL,
	"annual_volume" integer NOT NULL,
	"seasonality" jsonb DEFAULT '[0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333]'::jsonb NOT NULL,
	"current_channel" text DEFAULT '' NOT NULL,
	"cost_per_letter_sek" numeric(10, 2) DEFAULT 15 NOT NULL,
	"information_security_class" text,
	"legal_constraints" text DEFAULT '' NOT NULL,
	"needs_replies" boolean DEFAULT false NOT NULL,
	"needs_receipts" boolean DEFAULT false NOT NULL,
	"tactic" text,
	"planned_test_date" date,
	"planned_production_date" date,
	"status" text DEFAULT 'identifierad' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "message_flows_recipient_type_check" CHECK ("message_flows"."recipient_type" in ('privatperson', 'foretag', 'blandat')),
	CONSTRAINT "message_flows_annual_volume_check" CHECK ("message_flows"."annual_volume" between 0 and 1000000000),
	CONSTRAINT "message_flows_seasonality_check" CHECK (jsonb_typeof("message_flows"."seasonality") = 'array' and jsonb_array_length("message_flows"."seasonality") = 12),
	CONSTRAINT "message_flows_cost_check" CHECK ("message_flows"."cost_per_letter_sek" >= 0),
	CONSTRAINT "message_flows_tactic_check" CHECK ("message_flows"."tactic" is null or "message_flows"."tactic" in ('egen_integration', 'formedlare', 'extern_part', 'verksamhetssystem')),
	CONSTRAINT "message_flows_status_check" CHECK ("message_flows"."status" in ('identifierad', 'prioriterad', 'i_test', 'i_produktion', 'avvecklad')),
	CONSTRAINT "message_flows_dates_check" CHECK ("message_flows"."planned_test_date" is null or "message_flows"."planned_production_date" is null or "message_flows"."planned_test_date" <= "message_flows"."planned_production_date")
);
--> statement-breakpoint
ALTER TABLE "message_flows" ADD CONSTRAINT "message_flows_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "message_flows" ADD CONSTRAINT "message_flows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "message_flows_initiative_idx" ON "message_flows" USING btree ("initiative_id");
