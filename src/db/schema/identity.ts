import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { oidcProviders } from "./oidc.ts";
import { organisations } from "./organisations.ts";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["sv", "en"] })
      .notNull()
      .default("sv"),
    // System-wide roles (admin, forvaltningsgrupp); organisation roles live on memberships.
    systemRoles: text("system_roles").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_email_lower", sql`${t.email} = lower(${t.email})`)],
);

/** Browser sessions, server-side so that any app server can serve any request. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeOrganisationId: uuid("active_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** The provider a session signed in with, and its ID token: the hint for logging out there too (RP-initiated logout). */
    oidcProviderId: uuid("oidc_provider_id").references((): AnyPgColumn => oidcProviders.id, { onDelete: "set null" }),
    idToken: text("id_token"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Bearer tokens for API clients: those issued by POST /api/v1/auth/login and personal tokens made in the UI. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["login", "personal"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Failed and successful logins, kept in the database so the rate limit holds across app servers. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_at_idx").on(t.email, t.at), index("login_attempts_ip_at_idx").on(t.ip, t.at)],
);

/**
 * The login throttle's counters (domain/identity/login-throttle.ts), one row per account+address,
 * account, address or known device. Read under a row lock and updated in the same transaction, so
 * attempts at the same moment are counted one after the other.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true, mode: "date" }),
  pending: integer("pending").notNull().default(0),
  pendingSince: timestamp("pending_since", { withTimezone: true, mode: "date" }),
});
