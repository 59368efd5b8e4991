-- A recorded milestone decision is frozen: it is never edited or deleted, only superseded.
CREATE OR REPLACE FUNCTION milestone_decisions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'milestone decisions are frozen (% refused); record a new decision instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER milestone_decisions_frozen
  BEFORE UPDATE OR DELETE ON milestone_decisions
  FOR EACH ROW EXECUTE FUNCTION milestone_decisions_refuse_change();
