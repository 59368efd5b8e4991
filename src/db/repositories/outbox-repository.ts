import { desc } from "drizzle-orm";
import type { Database } from "../database.ts";
import { outbox } from "../schema.ts";

export type OutboxRow = typeof outbox.$inferSelect;

export async function insertOutboxMail(
  tx: Database,
  mail: { toAddress: string; subject: string; bodyText: string; createdAt: Date },
): Promise<string> {
  const [row] = await tx.insert(outbox).values(mail).returning({ id: outbox.id });
  if (!row) throw new Error("insert outbox returned nothing");
  return row.id;
}

/** The newest mail first. */
export const latestOutboxMail = (db: Database, limit: number): Promise<OutboxRow[]> =>
  db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
