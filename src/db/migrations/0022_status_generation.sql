-- The portfolio's status generation (issue 14): a second counter beside the forecast's, advanced at
-- commit by any change to what the portfolio's rows are read from — decisions and their conditions,
-- activities, documents, prepared decision points, planned decision days, initiatives, organisations,
-- flows and reporting rounds — so each app server can keep the status read model of every initiative
-- until something it reads from changes. A counter of its own, so the national forecast's cache is not
-- emptied by every document edit.
ALTER TABLE "portfolio_generation" DROP CONSTRAINT "portfolio_generation_one_row";
--> statement-breakpoint
ALTER TABLE "portfolio_generation" ADD CONSTRAINT "portfolio_generation_rows" CHECK ("portfolio_generation"."id" in (1, 2));
--> statement-breakpoint
INSERT INTO "portfolio_generation" ("id", "generation") VALUES (2, 0);
--> statement-breakpoint
-- As portfolio_generation_advance: once per writing transaction, at its commit.
CREATE FUNCTION "portfolio_status_generation_advance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('ansluta.portfolio_status_generation_advanced', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('ansluta.portfolio_status_generation_advanced', 'yes', true);
  UPDATE "portfolio_generation" SET "generation" = "generation" + 1 WHERE "id" = 2;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "milestone_decisions_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "milestone_decisions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "condition_followups_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "condition_followups" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "activity_progress_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "activity_progress" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "deliverables_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "deliverables" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "deliverable_versions_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "deliverable_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "decision_point_preparations_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "decision_point_preparations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "milestone_plans_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "milestone_plans" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "initiatives_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "initiatives" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "organisations_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "organisations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "message_flows_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "message_flows" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reporting_rounds_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "reporting_rounds" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reporting_submissions_portfolio_status_generation" AFTER INSERT OR UPDATE OR DELETE ON "reporting_submissions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_status_generation_advance"();
