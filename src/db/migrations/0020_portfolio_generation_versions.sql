-- Issue 14: the national volume plan adds up every initiative's latest baseline, latest re-forecast and
-- actuals, cached per app server under portfolio_generation (0019). A baseline is frozen in its
-- decision's transaction, which 0019 already covers, but a re-forecast and an actual are written on their
-- own: they advance the generation at commit too, with the same deferred constraint trigger.
CREATE CONSTRAINT TRIGGER "forecast_versions_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "forecast_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "flow_actuals_portfolio_generation" AFTER INSERT OR UPDATE OR DELETE ON "flow_actuals" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "portfolio_generation_advance"();
