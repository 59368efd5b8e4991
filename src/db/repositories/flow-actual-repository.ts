import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { flowActuals, messageFlows } from "../schema.ts";

/** What each flow actually sent per calendar month, digital and on paper: one row per flow and month. */

export type FlowActualRow = typeof flowActuals.$inferSelect;

/** Writes these months of the flow (other months stay as they are). */
export async function upsertActuals(
  db: Database,
  flowId: string,
  months: readonly { month: string; digital: number; paper: number }[],
  by: { userId: string | null; at: Date },
): Promise<void> {
  if (!months.length) return;
  await db
    .insert(flowActuals)
    .values(months.map((m) => ({ flowId, month: m.month, digital: m.digital, paper: m.paper, updatedAt: by.at, updatedBy: by.userId })))
    .onConflictDoUpdate({
      target: [flowActuals.flowId, flowActuals.month],
      set: {
        digital: sql`excluded.digital`,
        paper: sql`excluded.paper`,
        updatedAt: sql`excluded.updated_at`,
        updatedBy: sql`excluded.updated_by`,
      },
    });
}

export const actualsOf = (db: Database, flowId: string) =>
  db
    .select({ month: flowActuals.month, digital: flowActuals.digital, paper: flowActuals.paper })
    .from(flowActuals)
    .where(eq(flowActuals.flowId, flowId))
    .orderBy(asc(flowActuals.month));

/** Every flow's actuals of the initiative, one row per flow and month. */
export const actualsOfInitiative = (db: Database, initiativeId: string) =>
  db
    .select({ flowId: flowActuals.flowId, month: flowActuals.month, digital: flowActuals.digital, paper: flowActuals.paper })
    .from(flowActuals)
    .innerJoin(messageFlows, eq(messageFlows.id, flowActuals.flowId))
    .where(eq(messageFlows.initiativeId, initiativeId))
    .orderBy(asc(flowActuals.month));

/**
 * The actuals of every flow a benefit derives its measurements from, across initiatives (benefits
 * nationally, issue 14): one query, whatever the number of benefits.
 */
export const actualsOfBenefitFlows = (db: Database) =>
  db
    .select({ flowId: flowActuals.flowId, month: flowActuals.month, digital: flowActuals.digital })
    .from(flowActuals)
    .where(sql`${flowActuals.flowId} in (select (jsonb_array_elements_text(b.derived_from_flow_ids))::uuid from benefits b)`)
    .orderBy(asc(flowActuals.month));
