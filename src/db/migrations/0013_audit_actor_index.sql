-- The audit log's "who" filter pages one person's entries newest first.
CREATE INDEX IF NOT EXISTS "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","seq");
