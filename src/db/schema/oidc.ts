import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { organisations } from "./organisations.ts";

/**
 * An organisation's own identity provider (OpenID Connect, issue 15), registered by an administrator.
 * The client secret is sealed under SECRET_KEY (purpose `oidc_providers.client_secret`), like the
 * sandbox's keys; everything else is what the provider's own registration says.
 */
export const oidcProviders = pgTable(
  "oidc_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecret: text("client_secret").notNull(),
    /** Space-separated, as the authorization request sends them; always with `openid`. */
    scopes: text("scopes").notNull().default("openid email profile"),
    /** What follows "Logga in med …" on the login page. */
    displayName: text("display_name").notNull(),
    /** Lower-case e-mail domains whose people this provider serves (kommun.se). */
    emailDomains: text("email_domains").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    /** The ID token claim (`groups`, `roles`) whose values give memberships (oidcClaimMappings); null: memberships are managed in Ansluta. */
    membershipClaim: text("membership_claim"),
    createdAt: createdAt(),
  },
  (t) => [
    check("oidc_providers_issuer_check", sql`${t.issuer} ~ '^https?://'`),
    check("oidc_providers_display_name_check", sql`length(btrim(${t.displayName})) between 1 and 100`),
    check("oidc_providers_membership_claim_check", sql`${t.membershipClaim} is null or ${t.membershipClaim} ~ '^[A-Za-z0-9_:./-]{1,100}$'`),
  ],
);

/**
 * One value of a provider's membership claim and what it gives: a membership in the organisation
 * with these roles. The organisations a provider maps are the provider's to decide: at each sign-in
 * the person's memberships there become exactly what the token's values give.
 */
export const oidcClaimMappings = pgTable(
  "oidc_claim_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => oidcProviders.id, { onDelete: "cascade" }),
    claimValue: text("claim_value").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    roles: text("roles").array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("oidc_claim_mappings_key").on(t.providerId, t.claimValue, t.organisationId),
    check("oidc_claim_mappings_value_check", sql`length(${t.claimValue}) between 1 and 500`),
    check(
      "oidc_claim_mappings_roles_check",
      sql`cardinality(${t.roles}) > 0 and ${t.roles} <@ array['projektledare','deltagare','verksamhetsagare','styrgrupp','lasare','administrator']::text[]`,
    ),
  ],
);

/**
 * An administrator's leave to link a password account to its first sign-in with a provider whose
 * verified e-mail is the account's (issue 15: "or by an administrator"). Used once, or lapses.
 */
export const oidcLinkGrants = pgTable(
  "oidc_link_grants",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => oidcProviders.id, { onDelete: "cascade" }),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ name: "oidc_link_grants_pk", columns: [t.userId, t.providerId] })],
);

/** Who a provider's subject is here: (issuer, subject) is the stable key, never the e-mail. */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [primaryKey({ name: "user_identities_pk", columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/**
 * A sign-in under way: what the callback needs to finish it on whichever app server it lands on.
 * Found by `state`, used once (deleted when the callback takes it), useless after `expires_at`.
 */
export const oidcLoginAttempts = pgTable(
  "oidc_login_attempts",
  {
    state: text("state").primaryKey(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => oidcProviders.id, { onDelete: "cascade" }),
    returnTo: text("return_to").notNull(),
    /** Set when a signed-in person started it from the account page to link the identity to her account. */
    linkUserId: uuid("link_user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("oidc_login_attempts_expires_idx").on(t.expiresAt)],
);
