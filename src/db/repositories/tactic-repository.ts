import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../database.ts";
import { messageFlows, tacticAlternativeFlows, tacticAlternatives } from "../schema.ts";

/** An initiative's connection-tactic alternatives and the flows each would serve. */

export type TacticAlternativeRow = typeof tacticAlternatives.$inferSelect;
export type NewTacticAlternative = typeof tacticAlternatives.$inferInsert;
type AlternativeChange = Omit<NewTacticAlternative, "id" | "initiativeId" | "createdAt" | "createdBy">;
export type TacticAlternativeWithFlows = TacticAlternativeRow & { flowIds: string[] };

async function withFlows(db: Database, rows: TacticAlternativeRow[]): Promise<TacticAlternativeWithFlows[]> {
  if (!rows.length) return [];
  const links = await db
    .select({ alternativeId: tacticAlternativeFlows.alternativeId, flowId: tacticAlternativeFlows.flowId })
    .from(tacticAlternativeFlows)
    .innerJoin(messageFlows, eq(messageFlows.id, tacticAlternativeFlows.flowId))
    .where(
      inArray(
        tacticAlternativeFlows.alternativeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(messageFlows.createdAt), asc(messageFlows.id));
  return rows.map((r) => ({ ...r, flowIds: links.filter((l) => l.alternativeId === r.id).map((l) => l.flowId) }));
}

/** The initiative's alternatives, oldest first, each with its flows in the flows' order. */
export async function alternativesOf(db: Database, initiativeId: string): Promise<TacticAlternativeWithFlows[]> {
  const rows = await db
    .select()
    .from(tacticAlternatives)
    .where(eq(tacticAlternatives.initiativeId, initiativeId))
    .orderBy(asc(tacticAlternatives.createdAt), asc(tacticAlternatives.id));
  return withFlows(db, rows);
}

/** One alternative with its flows. */
export async function findAlternative(db: Database, alternativeId: string): Promise<TacticAlternativeWithFlows | undefined> {
  const [row] = await db.select().from(tacticAlternatives).where(eq(tacticAlternatives.id, alternativeId));
  return row ? (await withFlows(db, [row]))[0] : undefined;
}

/** Which of `flowIds` are flows of the initiative. */
export async function flowIdsOfInitiative(db: Database, initiativeId: string, flowIds: readonly string[]): Promise<Set<string>> {
  if (!flowIds.length) return new Set();
  const rows = await db
    .select({ id: messageFlows.id })
    .from(messageFlows)
    .where(and(eq(messageFlows.initiativeId, initiativeId), inArray(messageFlows.id, [...flowIds])));
  return new Set(rows.map((r) => r.id));
}

export async function insertAlternative(db: Database, values: NewTacticAlternative): Promise<TacticAlternativeRow> {
  const [row] = await db.insert(tacticAlternatives).values(values).returning();
  if (!row) throw new Error("insert tactic_alternatives returned nothing");
  return row;
}

export const updateAlternativeRow = async (db: Database, initiativeId: string, alternativeId: string, values: AlternativeChange) =>
  (
    await db
      .update(tacticAlternatives)
      .set(values)
      .where(and(eq(tacticAlternatives.initiativeId, initiativeId), eq(tacticAlternatives.id, alternativeId)))
      .returning()
  )[0];

export const deleteAlternativeRow = async (db: Database, initiativeId: string, alternativeId: string) =>
  (
    await db
      .delete(tacticAlternatives)
      .where(and(eq(tacticAlternatives.initiativeId, initiativeId), eq(tacticAlternatives.id, alternativeId)))
      .returning()
  )[0];

/** Replaces the flows the alternative serves. */
export async function setAlternativeFlows(db: Database, alternativeId: string, flowIds: readonly string[]): Promise<void> {
  await db.delete(tacticAlternativeFlows).where(eq(tacticAlternativeFlows.alternativeId, alternativeId));
  if (flowIds.length) await db.insert(tacticAlternativeFlows).values(flowIds.map((flowId) => ({ alternativeId, flowId })));
}

/** Withdraws the recommendation of every other alternative of the initiative; gives back those it withdrew. */
export const unrecommendOthers = (db: Database, initiativeId: string, exceptId: string | null, now: Date) =>
  db
    .update(tacticAlternatives)
    .set({ recommended: false, recommendationReason: "", updatedAt: now })
    .where(
      and(
        eq(tacticAlternatives.initiativeId, initiativeId),
        eq(tacticAlternatives.recommended, true),
        ...(exceptId ? [ne(tacticAlternatives.id, exceptId)] : []),
      ),
    )
    .returning();
