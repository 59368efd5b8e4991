import { and, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { apiTokens, invitations, loginAttempts, sessions } from "../schema.ts";

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertSession(db: Database, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function updateSession(db: Database, tokenHash: string, patch: Partial<SessionRow>) {
  await db.update(sessions).set(patch).where(eq(sessions.tokenHash, tokenHash));
}

/** The session ended, or undefined when it was gone already (a second logout). */
export const deleteSession = async (db: Database, tokenHash: string): Promise<SessionRow | undefined> =>
  (await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).returning())[0];

export async function insertApiToken(db: Database, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error("insert api_tokens returned nothing");
  return row;
}

export const findLiveApiToken = async (db: Database, tokenHash: string, now: Date) =>
  (
    await db
      .select()
      .from(apiTokens)
      .where(
        and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))),
      )
      .limit(1)
  )[0];

export const personalTokensOf = (db: Database, userId: string) =>
  db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, "personal")))
    .orderBy(sql`${apiTokens.createdAt} desc`);

export const findApiToken = async (db: Database, id: string) => (await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))[0];

export async function updateApiToken(db: Database, id: string, patch: Partial<ApiTokenRow>) {
  return (await db.update(apiTokens).set(patch).where(eq(apiTokens.id, id)).returning())[0];
}

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(db: Database, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error("insert invitations returned nothing");
  return row;
}

const usable = (now: Date) => and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export const findUsableInvitation = async (db: Database, tokenHash: string, now: Date) =>
  (
    await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, tokenHash), usable(now), isNotNull(invitations.organisationId)))
      .limit(1)
  )[0];

/**
 * Marks a usable invitation used by `userId`, atomically: of two acceptances of one link at the
 * same moment exactly one gets the row back.
 */
export const claimInvitation = async (db: Database, opts: { tokenHash: string; userId: string; now: Date }) =>
  (
    await db
      .update(invitations)
      .set({ usedAt: opts.now, userId: opts.userId })
      .where(and(eq(invitations.tokenHash, opts.tokenHash), usable(opts.now), isNotNull(invitations.organisationId)))
      .returning()
  )[0];

/** Ends the organisation's pending invitations for an address (a new invitation replaces them). */
export const revokePendingInvitations = (db: Database, opts: { organisationId: string; email: string; now: Date }) =>
  db
    .update(invitations)
    .set({ revokedAt: opts.now })
    .where(and(eq(invitations.organisationId, opts.organisationId), eq(invitations.email, opts.email), usable(opts.now)))
    .returning({ id: invitations.id });

export const pendingInvitationsOf = (db: Database, organisationId: string, now: Date) =>
  db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), usable(now)))
    .orderBy(invitations.createdAt);

export async function revokeInvitation(db: Database, opts: { organisationId: string; invitationId: string; now: Date }) {
  return (
    await db
      .update(invitations)
      .set({ revokedAt: opts.now })
      .where(and(eq(invitations.id, opts.invitationId), eq(invitations.organisationId, opts.organisationId), usable(opts.now)))
      .returning()
  )[0];
}

export async function recordLoginAttempt(db: Database, values: { email: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insert(loginAttempts).values(values);
}
