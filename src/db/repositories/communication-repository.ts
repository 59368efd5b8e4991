import { asc, inArray } from "drizzle-orm";
import type { Database } from "../database.ts";
import { communications } from "../schema.ts";

export type CommunicationRow = typeof communications.$inferSelect;

export const communicationsOfDecision = (db: Database, decisionIds: string[]): Promise<CommunicationRow[]> =>
  decisionIds.length
    ? db.select().from(communications).where(inArray(communications.decisionId, decisionIds)).orderBy(asc(communications.createdAt))
    : Promise.resolve([]);

export const insertCommunications = (tx: Database, values: (typeof communications.$inferInsert)[]): Promise<CommunicationRow[]> =>
  values.length ? tx.insert(communications).values(values).returning() : Promise.resolve([]);
