-- The audit log's signed checkpoint: one row, moved forward with every entry (docs/decisions/004).
CREATE TABLE "audit_checkpoints" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"entries" bigint NOT NULL,
	"at" text NOT NULL,
	"anomaly" jsonb,
	"mac" text NOT NULL,
	CONSTRAINT "audit_checkpoints_single" CHECK ("audit_checkpoints"."id" = 1)
);
--> statement-breakpoint
-- Row triggers do not fire on TRUNCATE, so the append-only log and the frozen decisions refuse it with statement triggers.
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER milestone_decisions_no_truncate
  BEFORE TRUNCATE ON milestone_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION milestone_decisions_refuse_change();
--> statement-breakpoint
-- The checkpoint only ever moves forward: no DELETE, no TRUNCATE.
CREATE OR REPLACE FUNCTION audit_checkpoints_refuse_removal() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the audit checkpoint is only moved forward (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_kept
  BEFORE DELETE OR TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_refuse_removal();
