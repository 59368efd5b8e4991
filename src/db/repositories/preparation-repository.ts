import { eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../database.ts";
import { decisionPointPreparations, users } from "../schema.ts";

export type PreparationRow = typeof decisionPointPreparations.$inferSelect;

/** The prepared proposals of an initiative, each with the name of who prepared it (null once the account is gone). */
export const preparationsOf = (db: Database, initiativeId: string) =>
  db
    .select({ ...getTableColumns(decisionPointPreparations), preparedByName: users.name })
    .from(decisionPointPreparations)
    .leftJoin(users, eq(users.id, decisionPointPreparations.preparedBy))
    .where(eq(decisionPointPreparations.initiativeId, initiativeId));

/** Writes a decision point's proposal whether or not it had one. */
export async function upsertPreparation(tx: Database, values: typeof decisionPointPreparations.$inferInsert): Promise<PreparationRow> {
  const [row] = await tx
    .insert(decisionPointPreparations)
    .values(values)
    .onConflictDoUpdate({ target: [decisionPointPreparations.initiativeId, decisionPointPreparations.decisionPointId], set: values })
    .returning();
  if (!row) throw new Error("upsert decision_point_preparations returned nothing");
  return row;
}
