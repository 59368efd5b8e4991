import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { reservePlans } from "../schema.ts";

/** The reserve-operation plans (reservdrift) of an initiative, one row per flow (or all flows) and outage. */

export type ReservePlanRow = typeof reservePlans.$inferSelect;
type ReservePlanValues = Omit<typeof reservePlans.$inferInsert, "id" | "initiativeId" | "createdAt">;

/** Oldest first, so a plan keeps its place when it is changed. */
export const reservePlansOf = (db: Database, initiativeId: string) =>
  db
    .select()
    .from(reservePlans)
    .where(eq(reservePlans.initiativeId, initiativeId))
    .orderBy(asc(reservePlans.createdAt), asc(reservePlans.id));

/** One plan; `lock` holds its row until the transaction ends, so the audit's "before" is what was replaced. */
export async function findReservePlan(db: Database, planId: string, { lock = false } = {}): Promise<ReservePlanRow | undefined> {
  const query = db.select().from(reservePlans).where(eq(reservePlans.id, planId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function insertReservePlan(db: Database, values: typeof reservePlans.$inferInsert): Promise<ReservePlanRow> {
  const [row] = await db.insert(reservePlans).values(values).returning();
  if (!row) throw new Error("insert reserve_plans returned nothing");
  return row;
}

export const updateReservePlanRow = async (db: Database, initiativeId: string, planId: string, values: ReservePlanValues) =>
  (
    await db
      .update(reservePlans)
      .set(values)
      .where(and(eq(reservePlans.initiativeId, initiativeId), eq(reservePlans.id, planId)))
      .returning()
  )[0];

export const deleteReservePlanRow = async (db: Database, initiativeId: string, planId: string) =>
  (
    await db
      .delete(reservePlans)
      .where(and(eq(reservePlans.initiativeId, initiativeId), eq(reservePlans.id, planId)))
      .returning()
  )[0];
