import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { oidcProviders } from "./oidc.ts";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    number: text("number").notNull(),
    kind: text("kind", { enum: ["statlig", "kommun", "region", "privat"] }).notNull(),
    /** Fastställa needs someone other than the version's writers (docs/decisions/014). */
    requiresSecondApprover: boolean("requires_second_approver").notNull().default(true),
    /** The county (län) by its letter code (domain/organisations/counties.ts); null until stated. */
    county: text("county"),
    /**
     * The identity provider the organisation's members sign in with; while it is set and enabled their
     * password login is off (issue 15). Removing the provider turns passwords back on.
     */
    signInProviderId: uuid("sign_in_provider_id").references((): AnyPgColumn => oidcProviders.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organisations_number_key").on(t.number),
    check("organisations_number_format", sql`${t.number} ~ '^[0-9]{10}$'`),
    check(
      "organisations_county_check",
      sql`${t.county} is null or ${t.county} in ('AB','C','D','E','F','G','H','I','K','M','N','O','S','T','U','W','X','Y','Z','AC','BD')`,
    ),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    roles: text("roles").array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index("memberships_org_idx").on(t.organisationId)],
);

/**
 * An invitation to join an organisation with roles, for an e-mail address. The one-time link goes
 * only to that mailbox (only the token's SHA-256 is kept); the membership is made when the person
 * accepts. A link sets a password only for an account that has none; an account that has one
 * joins by accepting while signed in.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Null only on links made before invitations belonged to an organisation (all ended by migration 0006). */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** The account that accepted (null while pending). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_email_idx").on(t.email), index("invitations_org_idx").on(t.organisationId, t.createdAt)],
);
