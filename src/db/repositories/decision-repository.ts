import { desc, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { milestoneDecisions } from "../schema.ts";

export type DecisionRow = typeof milestoneDecisions.$inferSelect;

/** Every decision on the initiative, newest first (see domain/milestones/current-decisions.ts for which count). */
export const decisionsOf = (db: Database, initiativeId: string): Promise<DecisionRow[]> =>
  db
    .select()
    .from(milestoneDecisions)
    .where(eq(milestoneDecisions.initiativeId, initiativeId))
    .orderBy(desc(milestoneDecisions.createdAt), desc(milestoneDecisions.id));

/** Decisions are frozen: a trigger refuses UPDATE and DELETE, so this is the only write there is. */
export async function insertDecision(tx: Database, values: typeof milestoneDecisions.$inferInsert): Promise<DecisionRow> {
  const [row] = await tx.insert(milestoneDecisions).values(values).returning();
  if (!row) throw new Error("insert milestone_decisions returned nothing");
  return row;
}
