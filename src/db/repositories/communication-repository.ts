import { and, asc, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Database } from "../database.ts";
import { communications, initiatives, organisations } from "../schema.ts";

export type CommunicationRow = typeof communications.$inferSelect;

export const communicationsOfDecision = (db: Database, decisionIds: string[]): Promise<CommunicationRow[]> =>
  decisionIds.length
    ? db.select().from(communications).where(inArray(communications.decisionId, decisionIds)).orderBy(asc(communications.createdAt))
    : Promise.resolve([]);

export const insertCommunications = (tx: Database, values: (typeof communications.$inferInsert)[]): Promise<CommunicationRow[]> =>
  values.length ? tx.insert(communications).values(values).returning() : Promise.resolve([]);

export const findCommunication = async (db: Database, id: string): Promise<CommunicationRow | undefined> =>
  (await db.select().from(communications).where(eq(communications.id, id)).limit(1))[0];

export async function markCommunicationReadRow(tx: Database, id: string, readAt: Date, readBy: string): Promise<void> {
  await tx.update(communications).set({ readAt, readBy }).where(eq(communications.id, id));
}

/**
 * Communications addressed to the förvaltningsgrupp (when `forvaltningsgrupp`) or to one of the
 * organisations, newest first, with the names of their organisation and initiative; at most 500.
 */
export async function communicationsFor(
  db: Database,
  scope: { forvaltningsgrupp: boolean; organisationIds: readonly string[]; unreadOnly: boolean; organisationId?: string | undefined },
) {
  const visible = [
    scope.forvaltningsgrupp ? eq(communications.audience, "forvaltningsgrupp") : undefined,
    scope.organisationIds.length ? inArray(communications.organisationId, [...scope.organisationIds]) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (!visible.length) return [];
  const conditions = [
    or(...visible),
    scope.unreadOnly ? isNull(communications.readAt) : undefined,
    scope.organisationId ? eq(communications.organisationId, scope.organisationId) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return db
    .select({ c: communications, organisationName: organisations.name, initiativeName: initiatives.name })
    .from(communications)
    .innerJoin(organisations, eq(organisations.id, communications.organisationId))
    .innerJoin(initiatives, eq(initiatives.id, communications.initiativeId))
    .where(and(...conditions))
    .orderBy(desc(communications.createdAt))
    .limit(500);
}
