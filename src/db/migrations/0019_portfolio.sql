-- Issue 14: the förvaltningsgrupp's portfolio. An organisation's county (län, by its letter code) to
-- filter and group the portfolio by; whether an initiative may appear in the public open-data export
-- (off until the organisation turns it on); reporting rounds with their frozen submissions and the
-- reminders sent for them (each once, whichever app server sends it); the förvaltningsgrupp's answers
-- to a communication; and a generation number that every change to what the national forecast is
-- computed from advances, in the writing transaction, so a cached national forecast knows it is stale
-- (decisions too: they move an initiative's phase, which the public open-data export shows).
ALTER TABLE "organisations" ADD COLUMN "county" text;
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_county_check" CHECK ("organisations"."county" is null or "organisations"."county" in ('AB','C','D','E','F','G','H','I','K','M','N','O','S','T','U','W','X','Y','Z','AC','BD'));
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "publishable" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"deadline" text NOT NULL,
	"remind_days_before" integer DEFAULT 7 NOT NULL,
	"remind_days_after" integer DEFAULT 3 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "reporting_rounds_name_check" CHECK (length(btrim("reporting_rounds"."name")) between 1 and 200),
	CONSTRAINT "reporting_rounds_deadline_check" CHECK ("reporting_rounds"."deadline" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
	CONSTRAINT "reporting_rounds_reminder_days_check" CHECK ("reporting_rounds"."remind_days_before" between 0 and 90 and "reporting_rounds"."remind_days_after" between 0 and 90)
);
--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_rounds_name_key" ON "reporting_rounds" USING btree (lower(btrim("name")));
--> statement-breakpoint
CREATE TABLE "reporting_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reporting_submissions" ADD CONSTRAINT "reporting_submissions_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reporting_submissions" ADD CONSTRAINT "reporting_submissions_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reporting_submissions" ADD CONSTRAINT "reporting_submissions_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reporting_submissions" ADD CONSTRAINT "reporting_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_submissions_round_initiative_key" ON "reporting_submissions" USING btree ("round_id","initiative_id");
--> statement-breakpoint
CREATE INDEX "reporting_submissions_initiative_idx" ON "reporting_submissions" USING btree ("initiative_id","submitted_at");
--> statement-breakpoint
CREATE TABLE "reporting_reminders" (
	"round_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_reminders_pk" PRIMARY KEY("round_id","initiative_id","kind"),
	CONSTRAINT "reporting_reminders_kind_check" CHECK ("reporting_reminders"."kind" in ('before', 'after'))
);
--> statement-breakpoint
ALTER TABLE "reporting_reminders" ADD CONSTRAINT "reporting_reminders_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reporting_reminders" ADD CONSTRAINT "reporting_reminders_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "communication_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"communication_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	CONSTRAINT "communication_answers_text_check" CHECK (length(btrim("communication_answers"."text")) between 1 and 5000)
);
--> statement-breakpoint
ALTER TABLE "communication_answers" ADD CONSTRAINT "communication_answers_communication_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."communications"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "communication_answers" ADD CONSTRAINT "communication_answers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "communication_answers_communication_idx" ON "communication_answers" USING btree ("communication_id","created_at");
--> statement-breakpoint
CREATE TABLE "portfolio_generation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "portfolio_generation_one_row" CHECK ("portfolio_generation"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "portfolio_generation" ("id", "generation") VALUES (1, 0);
--> statement-breakpoint
-- Advanced once per writing transaction, at its commit (a deferred constraint trigger): the row is locked
-- only while the transaction commits, when it takes no other lock, so two writers cannot deadlock on it.
CREATE FUNCTION "portfolio_generation_advance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('ansluta.portfolio_generation_advanced', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('ansluta.portfolio_generation_advanced', 'yes', true);
  UPDATE "portfolio_generation" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "message_flows_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "message_flows" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "flow_plan_settings_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "flow_plan_settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "initiatives_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "initiatives" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "organisations_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "organisations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "milestone_decisions_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "milestone_decisions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
