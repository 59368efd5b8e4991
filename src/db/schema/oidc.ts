import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";

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
    createdAt: createdAt(),
  },
  (t) => [
    check("oidc_providers_issuer_check", sql`${t.issuer} ~ '^https?://'`),
    check("oidc_providers_display_name_check", sql`length(btrim(${t.displayName})) between 1 and 100`),
  ],
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
