import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { memberships, reportingReminders, reportingRounds, reportingSubmissions, users } from "../schema.ts";

/**
 * Reporting rounds (issue 14): the rounds the förvaltningsgrupp opens, each initiative's frozen
 * submission to a round, and which reminders of a round went out. A round's name is unique however
 * it is cased or spaced, a submission unique per round and initiative, a reminder once per round,
 * initiative and kind: the database's keys, so two requests at once cannot make a second.
 */

export type RoundRow = typeof reportingRounds.$inferSelect;
export type SubmissionRow = typeof reportingSubmissions.$inferSelect;

export async function insertRound(db: Database, values: typeof reportingRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(reportingRounds).values(values).returning();
  if (!row) throw new Error("insert reporting_rounds returned nothing");
  return row;
}

/** The round of that name, compared as the unique index compares them (trimmed, any case). */
export const findRoundByName = async (db: Database, name: string) =>
  (await db.select().from(reportingRounds).where(sql`lower(btrim(${reportingRounds.name})) = lower(btrim(${name}))`).limit(1))[0];

/** One round; `share` holds it against closing until the caller's transaction ends. */
export async function findRound(db: Database, id: string, { lock }: { lock?: "share" } = {}): Promise<RoundRow | undefined> {
  const query = db.select().from(reportingRounds).where(eq(reportingRounds.id, id)).limit(1);
  return (lock ? await query.for("share") : await query)[0];
}

/** Every round, the latest deadline first. */
export const listRoundRows = (db: Database) =>
  db.select().from(reportingRounds).orderBy(desc(reportingRounds.deadline), desc(reportingRounds.createdAt), asc(reportingRounds.id));

/** Rounds not closed: those whose reminders still go out. In one order, so two reminder rounds at once take their keys alike. */
export const openRounds = (db: Database) =>
  db.select().from(reportingRounds).where(isNull(reportingRounds.closedAt)).orderBy(asc(reportingRounds.deadline), asc(reportingRounds.id));

/** Closes the round; the row as it was closed, or undefined when it already was (the first close stands). */
export async function closeRoundRow(db: Database, id: string, at: Date): Promise<RoundRow | undefined> {
  const [row] = await db
    .update(reportingRounds)
    .set({ closedAt: at })
    .where(and(eq(reportingRounds.id, id), isNull(reportingRounds.closedAt)))
    .returning();
  return row;
}

/** Stores a submission; undefined when the initiative has one in the round already (the first stands). */
export async function insertSubmission(db: Database, values: typeof reportingSubmissions.$inferInsert): Promise<SubmissionRow | undefined> {
  const [row] = await db.insert(reportingSubmissions).values(values).onConflictDoNothing().returning();
  return row;
}

export const findSubmission = async (db: Database, id: string) =>
  (await db.select().from(reportingSubmissions).where(eq(reportingSubmissions.id, id)).limit(1))[0];

export const findSubmissionOf = async (db: Database, roundId: string, initiativeId: string) =>
  (
    await db
      .select()
      .from(reportingSubmissions)
      .where(and(eq(reportingSubmissions.roundId, roundId), eq(reportingSubmissions.initiativeId, initiativeId)))
      .limit(1)
  )[0];

/** The round's submissions, of these initiatives only when given. */
export const submissionsOfRound = (db: Database, roundId: string, initiativeIds?: readonly string[]) =>
  initiativeIds && !initiativeIds.length
    ? Promise.resolve([])
    : db
        .select()
        .from(reportingSubmissions)
        .where(
          and(
            eq(reportingSubmissions.roundId, roundId),
            initiativeIds ? inArray(reportingSubmissions.initiativeId, [...initiativeIds]) : undefined,
          ),
        )
        .orderBy(asc(reportingSubmissions.submittedAt), asc(reportingSubmissions.id));

/** How many submissions each round has. */
export async function submissionCounts(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ roundId: reportingSubmissions.roundId, n: count() })
    .from(reportingSubmissions)
    .groupBy(reportingSubmissions.roundId);
  return new Map(rows.map((r) => [r.roundId, Number(r.n)]));
}

/** An initiative's submissions, the newest first, each with its round's name and deadline. */
export const submissionsOfInitiative = (db: Database, initiativeId: string) =>
  db
    .select({
      id: reportingSubmissions.id,
      roundId: reportingSubmissions.roundId,
      roundName: reportingRounds.name,
      deadline: reportingRounds.deadline,
      comment: reportingSubmissions.comment,
      submittedAt: reportingSubmissions.submittedAt,
      submittedByName: reportingSubmissions.submittedByName,
    })
    .from(reportingSubmissions)
    .innerJoin(reportingRounds, eq(reportingRounds.id, reportingSubmissions.roundId))
    .where(eq(reportingSubmissions.initiativeId, initiativeId))
    .orderBy(desc(reportingSubmissions.submittedAt));

/**
 * Each initiative's latest submission to a round opened before `before` (the round compared with):
 * what it reported last time. One query whatever the number of initiatives.
 */
export async function previousSubmissions(db: Database, before: Date, initiativeIds: readonly string[]) {
  if (!initiativeIds.length) return new Map<string, SubmissionRow & { roundName: string }>();
  const rows = await db
    .selectDistinctOn([reportingSubmissions.initiativeId], { submission: reportingSubmissions, roundName: reportingRounds.name })
    .from(reportingSubmissions)
    .innerJoin(reportingRounds, eq(reportingRounds.id, reportingSubmissions.roundId))
    .where(and(inArray(reportingSubmissions.initiativeId, [...initiativeIds]), lt(reportingRounds.createdAt, before)))
    .orderBy(reportingSubmissions.initiativeId, desc(reportingRounds.createdAt), desc(reportingRounds.id));
  return new Map(rows.map((r) => [r.submission.initiativeId, { ...r.submission, roundName: r.roundName }]));
}

/** Which initiatives have submitted to each of these rounds, as "roundId:initiativeId". */
export async function submittedKeys(db: Database, roundIds: readonly string[]): Promise<Set<string>> {
  if (!roundIds.length) return new Set();
  const rows = await db
    .select({ roundId: reportingSubmissions.roundId, initiativeId: reportingSubmissions.initiativeId })
    .from(reportingSubmissions)
    .where(inArray(reportingSubmissions.roundId, [...roundIds]));
  return new Set(rows.map((r) => `${r.roundId}:${r.initiativeId}`));
}

/** Records a reminder as sent; false when it was already (whoever sent it): then no mail goes out. */
export async function recordRoundReminder(
  db: Database,
  values: { roundId: string; initiativeId: string; kind: "before" | "after"; sentAt: Date },
): Promise<boolean> {
  const rows = await db.insert(reportingReminders).values(values).onConflictDoNothing().returning({ roundId: reportingReminders.roundId });
  return rows.length === 1;
}

/** The projektledare of these organisations, by organisation: whom a reminder reaches when the initiative names none. */
export async function projectLeadersOf(db: Database, organisationIds: readonly string[]) {
  if (!organisationIds.length) return [];
  return db
    .select({ organisationId: memberships.organisationId, id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.organisationId, [...organisationIds]), sql`'projektledare' = any(${memberships.roles})`))
    .orderBy(asc(users.email));
}
