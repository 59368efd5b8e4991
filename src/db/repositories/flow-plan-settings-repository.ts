import { eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { flowPlanSettings } from "../schema.ts";

/** The initiative's settings for all its flows: reach overrides and priority weights; no row means the defaults. */

export type FlowPlanSettingsRow = typeof flowPlanSettings.$inferSelect;

export async function findPlanSettings(db: Database, initiativeId: string): Promise<FlowPlanSettingsRow | undefined> {
  const [row] = await db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiativeId));
  return row;
}

export type FlowPlanSettingsChange = Pick<FlowPlanSettingsRow, "reachOverrides" | "priorityWeights" | "updatedAt" | "updatedBy">;

/** Writes the initiative's settings, the row made on the first write. The caller holds the initiative's lock. */
export async function upsertPlanSettings(db: Database, initiativeId: string, change: FlowPlanSettingsChange): Promise<FlowPlanSettingsRow> {
  const [row] = await db
    .insert(flowPlanSettings)
    .values({ initiativeId, ...change })
    .onConflictDoUpdate({ target: flowPlanSettings.initiativeId, set: change })
    .returning();
  if (!row) throw new Error("upsert flow_plan_settings returned nothing");
  return row;
}
