import { and, asc, eq, lte } from "drizzle-orm";
import type { Database } from "../database.ts";
import { oidcLoginAttempts, oidcProviders, userIdentities } from "../schema.ts";

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

export const updateOidcProvider = async (db: Database, id: string, patch: Partial<Pick<OidcProviderRow, "enabled">>) =>
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
