import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { apiTokens, invitations, loginAttempts, sessions } from "../schema.ts";

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertSession(db: Database, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export const findLiveSession = async (db: Database, tokenHash: string, now: Date) =>
  (
    await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
      .limit(1)
  )[0];

export async function updateSession(db: Database, tokenHash: string, patch: Partial<SessionRow>) {
  await db.update(sessions).set(patch).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

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

export async function insertInvitation(db: Database, values: typeof invitations.$inferInsert) {
  await db.insert(invitations).values(values);
}

export const findUsableInvitation = async (db: Database, tokenHash: string, now: Date) =>
  (
    await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
      .limit(1)
  )[0];

export async function markInvitationUsed(db: Database, id: string, now: Date) {
  await db.update(invitations).set({ usedAt: now }).where(eq(invitations.id, id));
}

export async function recordLoginAttempt(db: Database, values: { email: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insert(loginAttempts).values(values);
}
