CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"pending" integer DEFAULT 0 NOT NULL,
	"pending_since" timestamp with time zone
);
