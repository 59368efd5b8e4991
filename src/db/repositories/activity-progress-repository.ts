import { and, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { activityProgress } from "../schema.ts";

export type ActivityProgressRow = typeof activityProgress.$inferSelect;

export const activityProgressOf = (db: Database, initiativeId: string): Promise<ActivityProgressRow[]> =>
  db.select().from(activityProgress).where(eq(activityProgress.initiativeId, initiativeId));

export const findActivityProgress = async (db: Database, initiativeId: string, activityId: string) =>
  (
    await db
      .select()
      .from(activityProgress)
      .where(and(eq(activityProgress.initiativeId, initiativeId), eq(activityProgress.activityId, activityId)))
      .limit(1)
  )[0];

/** Writes the activity's status whether or not it had one. */
export async function upsertActivityProgress(tx: Database, values: typeof activityProgress.$inferInsert): Promise<ActivityProgressRow> {
  const [row] = await tx
    .insert(activityProgress)
    .values(values)
    .onConflictDoUpdate({ target: [activityProgress.initiativeId, activityProgress.activityId], set: values })
    .returning();
  if (!row) throw new Error("upsert activity_progress returned nothing");
  return row;
}
