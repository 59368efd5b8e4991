import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { messageFlows } from "../schema.ts";

/** An initiative's meddelandeflöden, one row each. */

export type FlowRow = typeof messageFlows.$inferSelect;
export type NewFlow = typeof messageFlows.$inferInsert;
export type FlowChange = Omit<NewFlow, "id" | "initiativeId" | "createdAt" | "createdBy">;

export const flowsOf = (db: Database, initiativeId: string) =>
  db
    .select()
    .from(messageFlows)
    .where(eq(messageFlows.initiativeId, initiativeId))
    .orderBy(asc(messageFlows.createdAt), asc(messageFlows.id));

/** One flow; `lock` holds its row until the transaction ends, so the audit's "before" is what was replaced. */
export async function findFlow(db: Database, flowId: string, { lock = false } = {}): Promise<FlowRow | undefined> {
  const query = db.select().from(messageFlows).where(eq(messageFlows.id, flowId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function insertFlow(db: Database, values: NewFlow): Promise<FlowRow> {
  const [row] = await db.insert(messageFlows).values(values).returning();
  if (!row) throw new Error("insert message_flows returned nothing");
  return row;
}

/** Many flows in one statement per 500 (an import), in the caller's transaction; the rows come back in the order given. */
export async function insertFlows(db: Database, values: NewFlow[]): Promise<FlowRow[]> {
  const rows: FlowRow[] = [];
  for (let i = 0; i < values.length; i += 500)
    rows.push(
      ...(await db
        .insert(messageFlows)
        .values(values.slice(i, i + 500))
        .returning()),
    );
  return rows;
}

export const updateFlowRow = async (db: Database, initiativeId: string, flowId: string, values: FlowChange) =>
  (
    await db
      .update(messageFlows)
      .set(values)
      .where(and(eq(messageFlows.initiativeId, initiativeId), eq(messageFlows.id, flowId)))
      .returning()
  )[0];

export const deleteFlowRow = async (db: Database, initiativeId: string, flowId: string) =>
  (
    await db
      .delete(messageFlows)
      .where(and(eq(messageFlows.initiativeId, initiativeId), eq(messageFlows.id, flowId)))
      .returning()
  )[0];
