import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { type AuditContent, auditHash, type ChainedAuditEntry, GENESIS_HASH } from "../../domain/audit/audit-chain.ts";
import { headDiscrepancy, nextCheckpoint, type SignedAuditCheckpoint } from "../../domain/audit/audit-checkpoint.ts";
import type { Database } from "../database.ts";
import { auditCheckpoints, auditLog } from "../schema.ts";

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_CHAIN_LOCK = 726_100_1;

/** Concurrent writers (several app servers) take turns on the chain and its checkpoint until the transaction ends. */
export async function lockAuditChain(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

/**
 * Appends one entry inside the caller's transaction and moves the signed checkpoint to it. Under the
 * chain's lock each entry links to the one committed just before it, and the checkpoint row is only
 * ever updated by the lock's holder, so it adds no contention of its own. `anchor` (the operator's
 * `audit:anchor`, after verifying the chain) starts the checkpoint afresh from the entries counted.
 */
export async function appendAuditEntry(
  tx: Database,
  content: AuditContent,
  key: Buffer,
  anchor?: { entriesBefore: number },
): Promise<{ seq: number; hash: string }> {
  await lockAuditChain(tx);
  const [head] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const previous = (await readAuditCheckpoint(tx)) ?? null;
  const problem = anchor ? null : headDiscrepancy(key, previous, head ?? null);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, content);
  const [row] = await tx
    .insert(auditLog)
    .values({ ...content, prevHash, hash })
    .returning({ seq: auditLog.seq });
  if (!row) throw new Error("audit entry not written");
  const entriesBefore = anchor?.entriesBefore ?? (problem === null ? (previous?.entries ?? 0) : await countBefore(tx, row.seq));
  const checkpoint = nextCheckpoint({
    key,
    previous: anchor ? null : previous,
    head: head ?? null,
    problem,
    entriesBefore,
    appended: { seq: row.seq, hash, at: content.at },
  });
  await tx
    .insert(auditCheckpoints)
    .values({ id: 1, ...checkpoint })
    .onConflictDoUpdate({ target: auditCheckpoints.id, set: { ...checkpoint } });
  return { seq: row.seq, hash };
}

async function countBefore(tx: Database, seq: number): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(auditLog).where(sql`${auditLog.seq} < ${seq}`);
  return r?.n ?? 0;
}

export async function readAuditCheckpoint(db: Database): Promise<SignedAuditCheckpoint | undefined> {
  const [r] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, 1));
  return r ? { lastSeq: r.lastSeq, lastHash: r.lastHash, entries: r.entries, at: r.at, anomaly: r.anomaly ?? null, mac: r.mac } : undefined;
}

/** Which entries to list: all fields optional; `fromAt` is inclusive, `toAt` exclusive (ISO timestamps). */
export type AuditEntryFilter = {
  organisationId?: string | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  fromAt?: string | undefined;
  toAt?: string | undefined;
};

/**
 * Entries newest first, one page: those older than `beforeSeq`, or the page just newer than
 * `afterSeq` (read oldest first from there, then turned), so both directions page by sequence number.
 */
export async function listAuditEntries(
  db: Database,
  opts: AuditEntryFilter & { limit: number; beforeSeq?: number | undefined; afterSeq?: number | undefined },
): Promise<ChainedAuditEntry[]> {
  const where = [
    opts.beforeSeq !== undefined ? sql`${auditLog.seq} < ${opts.beforeSeq}` : undefined,
    opts.afterSeq !== undefined ? sql`${auditLog.seq} > ${opts.afterSeq}` : undefined,
    opts.organisationId ? eq(auditLog.organisationId, opts.organisationId) : undefined,
    opts.actorUserId ? eq(auditLog.actorUserId, opts.actorUserId) : undefined,
    opts.action ? eq(auditLog.action, opts.action) : undefined,
    opts.entityType ? eq(auditLog.entityType, opts.entityType) : undefined,
    // `at` is an ISO timestamp in UTC with a fixed shape, so text order is time order.
    opts.fromAt ? sql`${auditLog.at} >= ${opts.fromAt}` : undefined,
    opts.toAt ? sql`${auditLog.at} < ${opts.toAt}` : undefined,
  ].filter((w) => w !== undefined);
  const newer = opts.afterSeq !== undefined && opts.beforeSeq === undefined;
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? sql.join(where, sql` and `) : undefined)
    .orderBy(newer ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(opts.limit);
  const entries = rows.map(toEntry);
  return newer ? entries.reverse() : entries;
}

/** One record's entries (a document's, say), newest first, at most `limit`: read through audit_log_entity_idx. */
export async function auditEntriesOf(db: Database, entityType: string, entityId: string, limit: number): Promise<ChainedAuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map(toEntry);
}

/** The values the log holds for its filters: who has acted, and which actions on which kinds of entity. */
export async function auditFacets(db: Database): Promise<{ actorUserIds: string[]; actions: string[]; entityTypes: string[] }> {
  const actors = await db.selectDistinct({ v: auditLog.actorUserId }).from(auditLog);
  const actions = await db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  const types = await db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType));
  return {
    actorUserIds: actors.map((r) => r.v).filter((v): v is string => v !== null),
    actions: actions.map((r) => r.v),
    entityTypes: types.map((r) => r.v),
  };
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
