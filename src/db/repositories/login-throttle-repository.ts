import { inArray, sql } from "drizzle-orm";
import type { ThrottleCounter } from "../../domain/identity/login-throttle.ts";
import type { Database } from "../database.ts";
import { loginThrottle } from "../schema.ts";

/**
 * The counters under these keys, created when missing and locked FOR UPDATE until the transaction
 * ends, always in key order so that two attempts sharing counters cannot deadlock.
 */
export async function lockThrottleCounters(tx: Database, keys: readonly string[]): Promise<Map<string, ThrottleCounter>> {
  const sorted = [...new Set(keys)].sort();
  await tx
    .insert(loginThrottle)
    .values(sorted.map((key) => ({ key })))
    .onConflictDoNothing();
  const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, sorted)).orderBy(loginThrottle.key).for("update");
  return new Map(rows.map((r) => [r.key, r]));
}

export async function saveThrottleCounters(tx: Database, counters: readonly ThrottleCounter[]) {
  for (const c of counters) {
    await tx
      .update(loginThrottle)
      .set({ failures: c.failures, lastFailureAt: c.lastFailureAt, pending: c.pending, pendingSince: c.pendingSince })
      .where(sql`${loginThrottle.key} = ${c.key}`);
  }
}

/**
 * Settles a check that was admitted: it gives back its pending place everywhere, and either counts
 * a failure everywhere or clears the counters the right password clears. The rows are locked in key
 * order first, as lockThrottleCounters locks them: an UPDATE of several rows locks them in whatever
 * order it scans them, and two attempts sharing counters deadlocked (PostgreSQL, 16 logins at once).
 */
export async function settleThrottleCounters(
  db: Database,
  { keys, clear, failed, now }: { keys: readonly string[]; clear: readonly string[]; failed: boolean; now: Date },
) {
  const sorted = [...new Set(keys)].sort();
  const release = sql`greatest(${loginThrottle.pending} - 1, 0)`;
  const cleared = clear.length ? inArray(loginThrottle.key, [...clear]) : sql`false`;
  await db.transaction(async (tx) => {
    await tx
      .select({ key: loginThrottle.key })
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, sorted))
      .orderBy(loginThrottle.key)
      .for("update");
    await tx
      .update(loginThrottle)
      .set(
        failed
          ? { failures: sql`${loginThrottle.failures} + 1`, lastFailureAt: now, pending: release }
          : {
              failures: sql`case when ${cleared} then 0 else ${loginThrottle.failures} end`,
              lastFailureAt: sql`case when ${cleared} then null else ${loginThrottle.lastFailureAt} end`,
              pending: release,
            },
      )
      .where(inArray(loginThrottle.key, sorted));
  });
}

/**
 * Deletes up to `limit` counters with no failure and nothing pending since `olderThan`: they say
 * nothing any more. Bounded, so it can run beside every successful login and still keep the table
 * small after a spraying attack left a row per made-up e-mail. Rows another attempt holds are
 * skipped, never waited for: a prune must not take part in the attempts' lock order.
 */
export async function pruneThrottleCounters(db: Database, olderThan: Date, limit = 100) {
  const before = olderThan.toISOString();
  await db.execute(sql`
    delete from login_throttle where key in (
      select key from login_throttle
      where coalesce(last_failure_at, '-infinity') < ${before}::timestamptz
        and coalesce(pending_since, '-infinity') < ${before}::timestamptz
      limit ${limit}
      for update skip locked
    )`);
}
