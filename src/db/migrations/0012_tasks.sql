-- Follow-up of a decision's conditions (issue 9 §3). The decision itself is frozen (0003), so that a
-- condition is met is recorded beside it: one row per condition (its place in the decision's list),
-- written once by its owner or the projektledare, with a note on how it was met.
CREATE TABLE "condition_followups" (
	"decision_id" uuid NOT NULL,
	"condition_index" integer NOT NULL,
	"initiative_id" uuid NOT NULL,
	"note" text NOT NULL,
	"met_at" timestamp with time zone NOT NULL,
	"met_by" uuid,
	CONSTRAINT "condition_followups_pk" PRIMARY KEY("decision_id","condition_index"),
	CONSTRAINT "condition_followups_index_check" CHECK ("condition_followups"."condition_index" >= 0)
);
--> statement-breakpoint
ALTER TABLE "condition_followups" ADD CONSTRAINT "condition_followups_decision_id_milestone_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."milestone_decisions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "condition_followups" ADD CONSTRAINT "condition_followups_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "condition_followups" ADD CONSTRAINT "condition_followups_met_by_users_id_fk" FOREIGN KEY ("met_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "condition_followups_initiative_idx" ON "condition_followups" USING btree ("initiative_id");
--> statement-breakpoint
-- When the team plans to take a milestone's decision: what reminders and "decision overdue" go by.
CREATE TABLE "milestone_plans" (
	"initiative_id" uuid NOT NULL,
	"numeral" text NOT NULL,
	"planned_on" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "milestone_plans_pk" PRIMARY KEY("initiative_id","numeral")
);
--> statement-breakpoint
ALTER TABLE "milestone_plans" ADD CONSTRAINT "milestone_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "milestone_plans" ADD CONSTRAINT "milestone_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- Each reminder mailed once: the key names the subject and its date (a condition, a planned decision),
-- the kind says which reminder ("ahead" or "overdue"). A second insert of the same pair does nothing.
CREATE TABLE "reminders_sent" (
	"subject_key" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" integer NOT NULL,
	CONSTRAINT "reminders_sent_pk" PRIMARY KEY("subject_key","kind")
);
