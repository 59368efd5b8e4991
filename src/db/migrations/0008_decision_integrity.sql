-- The SHA-256 of what a decision says (outcome, answers, conditions, deciders, day, …, basis hash);
-- src/domain/milestones/decision-hash.ts. Decisions recorded before it existed keep NULL: a hash
-- made now would attest today's row, not what was decided.
ALTER TABLE "milestone_decisions" ADD COLUMN "decision_hash" text;
--> statement-breakpoint
-- One current decision per milestone, whoever writes: a decision is superseded at most once, and a
-- milestone has at most one first decision. decide-milestone refuses a second winner first
-- (409 DECISION_CONFLICT); these make it impossible in the data as well.
CREATE UNIQUE INDEX "milestone_decisions_supersedes_key" ON "milestone_decisions" USING btree ("supersedes_id") WHERE "supersedes_id" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_decisions_first_key" ON "milestone_decisions" USING btree ("initiative_id","numeral") WHERE "supersedes_id" IS NULL;
