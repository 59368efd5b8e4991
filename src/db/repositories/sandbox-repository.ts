import { and, asc, desc, eq, gte } from "drizzle-orm";
import type { Database } from "../database.ts";
import { organisations, sandboxAuthorities, sandboxEvents } from "../schema.ts";

export type SandboxAuthorityRow = typeof sandboxAuthorities.$inferSelect;
export type SandboxEventRow = typeof sandboxEvents.$inferSelect;
export type NewSandboxEvent = typeof sandboxEvents.$inferInsert;

export const findSandboxAuthority = async (db: Database) => (await db.select().from(sandboxAuthorities).limit(1))[0];

/** Keeps the first authority written: a second app server starting at the same moment gets the one that won. */
export async function insertSandboxAuthorityUnlessPresent(db: Database, values: Omit<typeof sandboxAuthorities.$inferInsert, "id">) {
  await db
    .insert(sandboxAuthorities)
    .values({ id: 1, ...values })
    .onConflictDoNothing({ target: sandboxAuthorities.id });
}

/** Every organisation may send in the sandbox. */
export const sandboxSenders = (db: Database) =>
  db.select({ orgnr: organisations.number, name: organisations.name }).from(organisations).orderBy(organisations.number);

export const organisationIdByNumber = async (db: Database, number: string) =>
  (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.number, number)).limit(1))[0]?.id ?? null;

export async function insertSandboxEvent(db: Database, values: NewSandboxEvent) {
  await db.insert(sandboxEvents).values(values);
}

/** An organisation's latest events, newest first. */
export const recentSandboxEvents = (db: Database, organisationId: string, limit: number) =>
  db
    .select()
    .from(sandboxEvents)
    .where(eq(sandboxEvents.organisationId, organisationId))
    .orderBy(desc(sandboxEvents.at), desc(sandboxEvents.id))
    .limit(limit);

/** An organisation's events in time order, those from `since` on when it is given: a conformance run's raw material. */
export const sandboxEventsOf = (db: Database, organisationId: string, since?: Date) =>
  db
    .select()
    .from(sandboxEvents)
    .where(
      since
        ? and(eq(sandboxEvents.organisationId, organisationId), gte(sandboxEvents.at, since))
        : eq(sandboxEvents.organisationId, organisationId),
    )
    .orderBy(asc(sandboxEvents.at), asc(sandboxEvents.id));
