import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DeliverableStatus } from "../../domain/deliverables/deliverable-status.ts";
import type { DeliverableState } from "../../domain/milestones/milestone-rules.ts";
import type { Database } from "../database.ts";
import { deliverables, deliverableVersions, initiatives, steeringGroupMembers } from "../schema.ts";

export type InitiativeRow = typeof initiatives.$inferSelect;
export type DeliverableVersionRow = typeof deliverableVersions.$inferSelect;

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

export const deliverablesOf = (db: Database, initiativeId: string) =>
  db.select().from(deliverables).where(eq(deliverables.initiativeId, initiativeId)).orderBy(asc(deliverables.createdAt));

export const versionsOf = (db: Database, deliverableIds: string[]) =>
  deliverableIds.length
    ? db
        .select()
        .from(deliverableVersions)
        .where(inArray(deliverableVersions.deliverableId, deliverableIds))
        .orderBy(asc(deliverableVersions.version))
    : Promise.resolve([] as DeliverableVersionRow[]);

/** Each deliverable with its latest version and its latest fastställd version: what readiness and snapshots need. */
export async function deliverableStates(db: Database, initiativeId: string): Promise<DeliverableState[]> {
  const docs = await deliverablesOf(db, initiativeId);
  const versions = await versionsOf(
    db,
    docs.map((d) => d.id),
  );
  return docs.flatMap((d) => {
    const own = versions.filter((v) => v.deliverableId === d.id);
    const latest = own[own.length - 1];
    if (!latest) return [];
    const approved = [...own].reverse().find((v) => v.status === "faststalld");
    return [
      {
        id: d.id,
        typeId: d.typeId,
        title: d.title,
        latest: { version: latest.version, status: latest.status as DeliverableStatus, contentHash: latest.contentHash },
        approved: approved ? { version: approved.version, contentHash: approved.contentHash } : null,
      },
    ];
  });
}

export const findDeliverable = async (db: Database, id: string) =>
  (await db.select().from(deliverables).where(eq(deliverables.id, id)).limit(1))[0];

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

/**
 * Takes the deliverable's row lock until the transaction ends. Every change to a deliverable's
 * versions takes it first, so each one reads the latest version after the one before it committed
 * (READ COMMITTED reads afresh per statement) and none overwrites or duplicates another's work.
 */
export async function lockDeliverable(tx: Database, deliverableId: string): Promise<boolean> {
  const rows = await tx.select({ id: deliverables.id }).from(deliverables).where(eq(deliverables.id, deliverableId)).for("update");
  return rows.length > 0;
}

export const latestVersion = async (db: Database, deliverableId: string) =>
  (
    await db
      .select()
      .from(deliverableVersions)
      .where(eq(deliverableVersions.deliverableId, deliverableId))
      .orderBy(desc(deliverableVersions.version))
      .limit(1)
  )[0];
