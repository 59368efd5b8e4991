import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../database.ts";
import { initiatives, steeringGroupMembers } from "../schema.ts";

export type InitiativeRow = typeof initiatives.$inferSelect;

export async function findInitiative(db: Database, id: string) {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id)).limit(1);
  if (!row) return undefined;
  const members = await db
    .select({ userId: steeringGroupMembers.userId })
    .from(steeringGroupMembers)
    .where(eq(steeringGroupMembers.initiativeId, id));
  return { ...row, steeringGroup: members.map((m) => m.userId) };
}
export type InitiativeWithGroup = NonNullable<Awaited<ReturnType<typeof findInitiative>>>;

export const listInitiativesOf = (db: Database, organisationIds: string[] | null) =>
  organisationIds === null
    ? db.select().from(initiatives).orderBy(asc(initiatives.name))
    : organisationIds.length
      ? db.select().from(initiatives).where(inArray(initiatives.organisationId, organisationIds)).orderBy(asc(initiatives.name))
      : Promise.resolve([]);

export async function setSteeringGroup(db: Database, initiativeId: string, userIds: readonly string[]) {
  await db.delete(steeringGroupMembers).where(eq(steeringGroupMembers.initiativeId, initiativeId));
  if (userIds.length) await db.insert(steeringGroupMembers).values(userIds.map((userId) => ({ initiativeId, userId })));
}

/**
 * Takes the initiative's row lock until the transaction ends, for a change that must see every
 * other such change to the initiative first (find-or-create). NO KEY UPDATE: rows that merely
 * reference the initiative (new deliverables, decisions) can still be written meanwhile.
 */
export async function lockInitiative(tx: Database, initiativeId: string): Promise<void> {
  await tx.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, initiativeId)).for("no key update");
}

/**
 * Takes the initiative's row lock (FOR UPDATE) until the transaction ends: milestone decisions
 * take turns per initiative, so order and supersession are decided on fresh data.
 */
export async function lockInitiativeForDecision(tx: Database, initiativeId: string): Promise<void> {
  await tx.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, initiativeId)).for("update");
}

/** Whether the initiative is in the open-data export, its row locked (FOR UPDATE) until the transaction ends. */
export async function lockPublishable(tx: Database, initiativeId: string): Promise<boolean | undefined> {
  const [row] = await tx
    .select({ publishable: initiatives.publishable })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId))
    .for("update");
  return row?.publishable;
}

export async function updatePublishable(tx: Database, initiativeId: string, publishable: boolean): Promise<void> {
  await tx.update(initiatives).set({ publishable }).where(eq(initiatives.id, initiativeId));
}
