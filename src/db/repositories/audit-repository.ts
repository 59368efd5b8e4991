import { asc, desc, eq, sql } from "drizzle-orm";
import { type AuditContent, auditHash, type ChainedAuditEntry, GENESIS_HASH } from "../../domain/audit/audit-chain.ts";
import type { Database } from "../database.ts";
import { auditLog } from "../schema.ts";

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_CHAIN_LOCK = 726_100_1;

/**
 * Appends one entry inside the caller's transaction. The advisory lock makes concurrent writers
 * (several app servers) take turns, so each entry links to the one committed just before it.
 */
export async function appendAuditEntry(tx: Database, content: AuditContent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...content, prevHash, hash: auditHash(prevHash, content) });
}

export async function listAuditEntries(
  db: Database,
  opts: { limit: number; beforeSeq?: number | undefined; organisationId?: string | undefined },
): Promise<ChainedAuditEntry[]> {
  const where = [
    opts.beforeSeq !== undefined ? sql`${auditLog.seq} < ${opts.beforeSeq}` : undefined,
    opts.organisationId ? eq(auditLog.organisationId, opts.organisationId) : undefined,
  ].filter((w) => w !== undefined);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? sql.join(where, sql` and `) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(opts.limit);
  return rows.map(toEntry);
}

/** Streams the whole chain in order, a page at a time, so verifying a long log keeps memory flat. */
export async function* allAuditEntries(db: Database, pageSize = 1000): AsyncGenerator<ChainedAuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(sql`${auditLog.seq} > ${after}`).orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const r of rows) yield toEntry(r);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

function toEntry(r: typeof auditLog.$inferSelect): ChainedAuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorUserId: r.actorUserId,
    organisationId: r.organisationId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}
