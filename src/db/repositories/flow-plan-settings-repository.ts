import { eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { flowPlanSettings } from "../schema.ts";

/** The initiative's settings for all its flows: reach overrides and priority weights; no row means the defaults. */

export type FlowPlanSettingsRow = typeof flowPlanSettings.$inferSelect;

export async function findPlanSettings(db: Database, initiativeId: string): Promise<FlowPlanSettingsRow | undefined> {
  const [row] = await db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiativeId));
  return row;
}
