import { eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { initiatives } from "../schema.ts";

export async function insertInitiativeRow(db: Database, values: typeof initiatives.$inferInsert) {
  const [row] = await db.insert(initiatives).values(values).returning();
  if (!row) throw new Error("insert initiatives returned nothing");
  return row;
}

export async function updateInitiativeRow(db: Database, id: string, patch: Partial<typeof initiatives.$inferInsert>) {
  return (await db.update(initiatives).set(patch).where(eq(initiatives.id, id)).returning())[0];
}
