import { and, asc, count, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { OrganisationRole } from "../../domain/access/roles.ts";
import type { Database } from "../database.ts";
import {
  memberships,
  oidcClaimMappings,
  oidcLinkGrants,
  oidcLoginAttempts,
  oidcProviders,
  organisations,
  userIdentities,
  users,
} from "../schema.ts";

export type OidcProviderRow = typeof oidcProviders.$inferSelect;
export type OidcLoginAttemptRow = typeof oidcLoginAttempts.$inferSelect;
export type UserIdentityRow = typeof userIdentities.$inferSelect;

export async function insertOidcProvider(db: Database, values: typeof oidcProviders.$inferInsert): Promise<OidcProviderRow> {
  const [row] = await db.insert(oidcProviders).values(values).returning();
  if (!row) throw new Error("insert oidc_providers returned nothing");
  return row;
}

export const listOidcProviders = (db: Database) =>
  db.select().from(oidcProviders).orderBy(asc(oidcProviders.displayName), asc(oidcProviders.id));

export const findOidcProvider = async (db: Database, id: string) =>
  (await db.select().from(oidcProviders).where(eq(oidcProviders.id, id)).limit(1))[0];

/** The provider's row, locked until the transaction ends: changes to one registration are applied one after the other. */
export const lockOidcProvider = async (tx: Database, id: string) =>
  (await tx.select().from(oidcProviders).where(eq(oidcProviders.id, id)).for("update"))[0];

export type ProviderPatch = Partial<
  Pick<OidcProviderRow, "enabled" | "clientId" | "clientSecret" | "displayName" | "emailDomains" | "scopes" | "membershipClaim">
>;

export const updateOidcProvider = async (db: Database, id: string, patch: ProviderPatch) =>
  (await db.update(oidcProviders).set(patch).where(eq(oidcProviders.id, id)).returning())[0];

export const deleteOidcProvider = async (db: Database, id: string) =>
  (await db.delete(oidcProviders).where(eq(oidcProviders.id, id)).returning())[0];

export async function insertOidcLoginAttempt(db: Database, values: typeof oidcLoginAttempts.$inferInsert) {
  await db.insert(oidcLoginAttempts).values(values);
}

/**
 * Takes the sign-in under way with this state, once: the row is deleted as it is read, so a second
 * callback with the same state (a replay, a double click) finds nothing, whichever server it reaches.
 */
export const takeOidcLoginAttempt = async (db: Database, state: string): Promise<OidcLoginAttemptRow | undefined> =>
  (await db.delete(oidcLoginAttempts).where(eq(oidcLoginAttempts.state, state)).returning())[0];

/** Sign-ins abandoned at the provider: nobody will come back for them. */
export async function pruneOidcLoginAttempts(db: Database, now: Date) {
  await db.delete(oidcLoginAttempts).where(lte(oidcLoginAttempts.expiresAt, now));
}

export const findUserIdentity = async (db: Database, issuer: string, subject: string) =>
  (
    await db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
      .for("update")
  )[0];

export async function insertUserIdentity(db: Database, values: typeof userIdentities.$inferInsert): Promise<UserIdentityRow> {
  const [row] = await db.insert(userIdentities).values(values).returning();
  if (!row) throw new Error("insert user_identities returned nothing");
  return row;
}

export async function touchUserIdentity(db: Database, issuer: string, subject: string, at: Date) {
  await db
    .update(userIdentities)
    .set({ lastLoginAt: at })
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
}

export const identitiesOfUser = (db: Database, userId: string) =>
  db.select().from(userIdentities).where(eq(userIdentities.userId, userId)).orderBy(asc(userIdentities.createdAt));

export type ClaimMappingRow = typeof oidcClaimMappings.$inferSelect;

export const claimMappingsOf = (db: Database, providerId: string) =>
  db
    .select({
      id: oidcClaimMappings.id,
      claimValue: oidcClaimMappings.claimValue,
      organisationId: oidcClaimMappings.organisationId,
      organisationName: organisations.name,
      roles: oidcClaimMappings.roles,
    })
    .from(oidcClaimMappings)
    .innerJoin(organisations, eq(organisations.id, oidcClaimMappings.organisationId))
    .where(eq(oidcClaimMappings.providerId, providerId))
    .orderBy(asc(oidcClaimMappings.claimValue), asc(organisations.name), asc(oidcClaimMappings.id));

/** Undefined when the same value already maps to the organisation (the unique key). */
export const insertClaimMapping = async (
  db: Database,
  values: { providerId: string; claimValue: string; organisationId: string; roles: OrganisationRole[]; createdAt: Date },
): Promise<ClaimMappingRow | undefined> => (await db.insert(oidcClaimMappings).values(values).onConflictDoNothing().returning())[0];

export const deleteClaimMapping = async (db: Database, providerId: string, mappingId: string) =>
  (
    await db
      .delete(oidcClaimMappings)
      .where(and(eq(oidcClaimMappings.id, mappingId), eq(oidcClaimMappings.providerId, providerId)))
      .returning()
  )[0];

/** The user's roles in the given organisations, her row locked first so two sign-ins at once apply their claims one after the other. */
export async function lockMembershipsIn(tx: Database, userId: string, organisationIds: readonly string[]) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
  if (!organisationIds.length) return new Map<string, OrganisationRole[]>();
  const rows = await tx
    .select({ organisationId: memberships.organisationId, roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.organisationId, [...organisationIds])));
  return new Map(rows.map((r) => [r.organisationId, r.roles as OrganisationRole[]]));
}

export type LinkGrantRow = typeof oidcLinkGrants.$inferSelect;

/** An administrator's leave to link the account at its next sign-in with the provider, if it is still in force. */
export const findLinkGrant = async (db: Database, userId: string, providerId: string, now: Date) =>
  (
    await db
      .select()
      .from(oidcLinkGrants)
      .where(and(eq(oidcLinkGrants.userId, userId), eq(oidcLinkGrants.providerId, providerId), gt(oidcLinkGrants.expiresAt, now)))
  )[0];

export async function upsertLinkGrant(db: Database, values: LinkGrantRow) {
  await db
    .insert(oidcLinkGrants)
    .values(values)
    .onConflictDoUpdate({
      target: [oidcLinkGrants.userId, oidcLinkGrants.providerId],
      set: { grantedBy: values.grantedBy, createdAt: values.createdAt, expiresAt: values.expiresAt },
    });
}

export const deleteLinkGrant = async (db: Database, userId: string, providerId: string) =>
  (
    await db
      .delete(oidcLinkGrants)
      .where(and(eq(oidcLinkGrants.userId, userId), eq(oidcLinkGrants.providerId, providerId)))
      .returning()
  )[0];

export const linkGrantsOf = (db: Database, providerId: string, now: Date) =>
  db
    .select({ userId: oidcLinkGrants.userId, email: users.email, name: users.name, expiresAt: oidcLinkGrants.expiresAt })
    .from(oidcLinkGrants)
    .innerJoin(users, eq(users.id, oidcLinkGrants.userId))
    .where(and(eq(oidcLinkGrants.providerId, providerId), gt(oidcLinkGrants.expiresAt, now)))
    .orderBy(asc(users.email));

/** The accounts linked through the provider's issuer, newest sign-in first, a page at a time. */
export async function identitiesAt(db: Database, issuer: string, page: { limit: number; offset: number }) {
  const where = eq(userIdentities.issuer, issuer);
  const [total] = await db.select({ n: count() }).from(userIdentities).where(where);
  const rows = await db
    .select({
      subject: userIdentities.subject,
      userId: users.id,
      email: users.email,
      name: users.name,
      createdAt: userIdentities.createdAt,
      lastLoginAt: userIdentities.lastLoginAt,
    })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(where)
    .orderBy(sql`${userIdentities.lastLoginAt} desc nulls last`, desc(userIdentities.createdAt), asc(userIdentities.subject))
    .limit(page.limit)
    .offset(page.offset);
  return { total: total?.n ?? 0, rows };
}

export const deleteUserIdentity = async (db: Database, issuer: string, subject: string) =>
  (
    await db
      .delete(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
      .returning()
  )[0];

/**
 * The enabled provider a member's organisation signs its people in with, if any of her organisations
 * has one: her password login is off (the first by name when several have).
 */
export const passwordBlockingProvider = async (db: Database, userId: string) =>
  (
    await db
      .select({ id: oidcProviders.id, displayName: oidcProviders.displayName })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .innerJoin(oidcProviders, eq(oidcProviders.id, organisations.signInProviderId))
      .where(and(eq(memberships.userId, userId), eq(oidcProviders.enabled, true)))
      .orderBy(asc(oidcProviders.displayName), asc(oidcProviders.id))
      .limit(1)
  )[0];

/** Whether the user is a member of an organisation that signs its members in with this provider. */
export const memberOfOrganisationSigningInWith = async (db: Database, userId: string, providerId: string) =>
  (
    await db
      .select({ id: organisations.id })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(eq(memberships.userId, userId), eq(organisations.signInProviderId, providerId)))
      .limit(1)
  ).length > 0;
