import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { risks } from "../schema.ts";

/** The risk register of an initiative, one row per risk. */

export type RiskRow = typeof risks.$inferSelect;
type RiskValues = Omit<typeof risks.$inferInsert, "id" | "initiativeId" | "createdAt" | "createdBy">;

/** Newest first; the domain orders by score (a stable sort keeps newest first among equals). */
export const risksOf = (db: Database, initiativeId: string) =>
  db.select().from(risks).where(eq(risks.initiativeId, initiativeId)).orderBy(desc(risks.createdAt), desc(risks.id));

export async function findRisk(db: Database, riskId: string, { lock = false } = {}): Promise<RiskRow | undefined> {
  const query = db.select().from(risks).where(eq(risks.id, riskId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function insertRisk(db: Database, values: typeof risks.$inferInsert): Promise<RiskRow> {
  const [row] = await db.insert(risks).values(values).returning();
  if (!row) throw new Error("insert risks returned nothing");
  return row;
}

export const updateRiskRow = async (db: Database, initiativeId: string, riskId: string, values: RiskValues) =>
  (
    await db
      .update(risks)
      .set(values)
      .where(and(eq(risks.initiativeId, initiativeId), eq(risks.id, riskId)))
      .returning()
  )[0];

export const deleteRiskRow = async (db: Database, initiativeId: string, riskId: string) =>
  (
    await db
      .delete(risks)
      .where(and(eq(risks.initiativeId, initiativeId), eq(risks.id, riskId)))
      .returning()
  )[0];
