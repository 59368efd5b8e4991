import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DeliverableState } from "../../domain/milestones/milestone-rules.ts";
import type { Database } from "../database.ts";
import {
  conditionFollowups,
  decisionPointPreparations,
  deliverables,
  deliverableVersions,
  initiatives,
  memberships,
  milestoneDecisions,
  milestonePlans,
  organisations,
  remindersSent,
  steeringGroupMembers,
  users,
} from "../schema.ts";
import { stateOfVersions } from "./deliverable-repository.ts";

export type FollowUpRow = typeof conditionFollowups.$inferSelect & { metByName: string | null };

/** Conditions marked met on these initiatives, each with the name of who marked it (null once the account is gone). */
export const followUpsOf = (db: Database, initiativeIds: readonly string[]): Promise<FollowUpRow[]> =>
  initiativeIds.length
    ? db
        .select({
          decisionId: conditionFollowups.decisionId,
          conditionIndex: conditionFollowups.conditionIndex,
          initiativeId: conditionFollowups.initiativeId,
          note: conditionFollowups.note,
          metAt: conditionFollowups.metAt,
          metBy: conditionFollowups.metBy,
          metByName: users.name,
        })
        .from(conditionFollowups)
        .leftJoin(users, eq(users.id, conditionFollowups.metBy))
        .where(inArray(conditionFollowups.initiativeId, [...initiativeIds]))
    : Promise.resolve([]);

/** Records a condition met; undefined when it already was (the first one stands). */
export async function insertFollowUp(db: Database, row: typeof conditionFollowups.$inferInsert) {
  const [inserted] = await db.insert(conditionFollowups).values(row).onConflictDoNothing().returning();
  return inserted;
}

export const findDecisionById = async (db: Database, id: string) =>
  (await db.select().from(milestoneDecisions).where(eq(milestoneDecisions.id, id)).limit(1))[0];

/** Every decision on these initiatives, newest first (as decisionsOf, for many initiatives in one query). */
export const decisionsOfInitiatives = (db: Database, initiativeIds: readonly string[]) =>
  initiativeIds.length
    ? db
        .select()
        .from(milestoneDecisions)
        .where(inArray(milestoneDecisions.initiativeId, [...initiativeIds]))
        .orderBy(desc(milestoneDecisions.createdAt), desc(milestoneDecisions.id))
    : Promise.resolve([]);

export const plansOf = (db: Database, initiativeIds: readonly string[]) =>
  initiativeIds.length
    ? db
        .select()
        .from(milestonePlans)
        .where(inArray(milestonePlans.initiativeId, [...initiativeIds]))
    : Promise.resolve([]);

export const findPlan = async (db: Database, initiativeId: string, numeral: string) =>
  (
    await db
      .select()
      .from(milestonePlans)
      .where(and(eq(milestonePlans.initiativeId, initiativeId), eq(milestonePlans.numeral, numeral)))
      .for("update")
  )[0];

export async function savePlan(db: Database, row: typeof milestonePlans.$inferInsert) {
  const [saved] = await db
    .insert(milestonePlans)
    .values(row)
    .onConflictDoUpdate({
      target: [milestonePlans.initiativeId, milestonePlans.numeral],
      set: { plannedOn: row.plannedOn, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    })
    .returning();
  if (!saved) throw new Error("upsert milestone_plans returned nothing");
  return saved;
}

export const deletePlan = (db: Database, initiativeId: string, numeral: string) =>
  db.delete(milestonePlans).where(and(eq(milestonePlans.initiativeId, initiativeId), eq(milestonePlans.numeral, numeral)));

/** Initiatives of these organisations (null: all), with their styrgrupp, for reading many at once. */
export async function initiativesWithGroups(db: Database, organisationIds: readonly string[] | null) {
  if (organisationIds !== null && organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: initiatives.id,
      organisationId: initiatives.organisationId,
      name: initiatives.name,
      projectManagerId: initiatives.projectManagerId,
      requiresSecondApprover: organisations.requiresSecondApprover,
    })
    .from(initiatives)
    .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .where(organisationIds === null ? undefined : inArray(initiatives.organisationId, [...organisationIds]))
    .orderBy(asc(initiatives.name));
  const ids = rows.map((r) => r.id);
  const groups = ids.length ? await db.select().from(steeringGroupMembers).where(inArray(steeringGroupMembers.initiativeId, ids)) : [];
  return rows.map((r) => ({ ...r, steeringGroup: groups.filter((g) => g.initiativeId === r.id).map((g) => g.userId) }));
}

type LatestAuthors = { createdBy: string | null; lastEditedBy: string | null };

/**
 * The text of each version för granskning in these initiatives (at most one per deliverable: a
 * version under review is its latest), for whether the required sections are written.
 */
export const sectionsInReviewOf = (db: Database, initiativeIds: readonly string[]) =>
  initiativeIds.length
    ? db
        .select({ deliverableId: deliverableVersions.deliverableId, sections: deliverableVersions.sections })
        .from(deliverableVersions)
        .innerJoin(deliverables, eq(deliverables.id, deliverableVersions.deliverableId))
        .where(and(inArray(deliverables.initiativeId, [...initiativeIds]), eq(deliverableVersions.status, "for_granskning")))
    : Promise.resolve([]);

/** Each deliverable of these initiatives with its latest and latest fastställd version (deliverableStates for many). */
export async function deliverableStatesOf(db: Database, initiativeIds: readonly string[]) {
  if (!initiativeIds.length) return [];
  const docs = await db
    .select()
    .from(deliverables)
    .where(inArray(deliverables.initiativeId, [...initiativeIds]))
    .orderBy(asc(deliverables.createdAt));
  const versions = docs.length
    ? await db
        .select({
          deliverableId: deliverableVersions.deliverableId,
          version: deliverableVersions.version,
          status: deliverableVersions.status,
          contentHash: deliverableVersions.contentHash,
          createdBy: deliverableVersions.createdBy,
          lastEditedBy: deliverableVersions.lastEditedBy,
        })
        .from(deliverableVersions)
        .where(
          inArray(
            deliverableVersions.deliverableId,
            docs.map((d) => d.id),
          ),
        )
        .orderBy(asc(deliverableVersions.version))
    : [];
  return docs.flatMap((d): (DeliverableState & { initiativeId: string; ownerId: string | null; latestAuthors: LatestAuthors })[] => {
    const folded = stateOfVersions(d, versions);
    if (!folded) return [];
    const { latest, state } = folded;
    return [
      {
        ...state,
        initiativeId: d.initiativeId,
        ownerId: d.ownerId,
        latestAuthors: { createdBy: latest.createdBy, lastEditedBy: latest.lastEditedBy },
      },
    ];
  });
}

export const preparationsOfInitiatives = (db: Database, initiativeIds: readonly string[]) =>
  initiativeIds.length
    ? db
        .select({ initiativeId: decisionPointPreparations.initiativeId, decisionPointId: decisionPointPreparations.decisionPointId })
        .from(decisionPointPreparations)
        .where(inArray(decisionPointPreparations.initiativeId, [...initiativeIds]))
    : Promise.resolve([]);

/** People by id with what a reminder needs: address, language, and their roles per organisation. */
export async function recipientsByIds(db: Database, userIds: readonly string[]) {
  if (!userIds.length) return [];
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  const roles = await db
    .select()
    .from(memberships)
    .where(inArray(memberships.userId, [...userIds]));
  return people.map((p) => ({
    ...p,
    roles: new Map(roles.filter((r) => r.userId === p.id).map((r) => [r.organisationId, r.roles])),
  }));
}

/**
 * The reminder job's lock for the length of the transaction: true for the one caller that got it.
 * Several app servers run the job; whoever does not get the lock leaves the round to the one that did.
 */
export async function tryReminderLock(tx: Database): Promise<boolean> {
  const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY}::bigint) as locked`)) as unknown as {
    rows: { locked: boolean }[];
  };
  return result.rows[0]?.locked === true;
}

/** A fixed advisory-lock key that only the reminder job uses ("ansl" in ASCII). */
const REMINDER_LOCK_KEY = 0x616e_736c;

/** Records a reminder as sent; false when it already was, so it is never mailed twice. */
export async function recordReminder(db: Database, row: typeof remindersSent.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(remindersSent).values(row).onConflictDoNothing().returning({ key: remindersSent.subjectKey });
  return inserted.length > 0;
}
