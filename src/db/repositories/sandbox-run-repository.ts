import { and, asc, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { sandboxEnvironments, sandboxEvents, sandboxLoadTests, sandboxMessages } from "../schema.ts";
import { type LoadTestWindow, withinLoadTest } from "./sandbox-evidence.ts";
import type { SandboxEnvironmentRow } from "./sandbox-setup-repository.ts";

/**
 * What the test-run view and load tests read and write: an environment's recorded calls with
 * the messages they carried, and its load tests. Every query names the environment, so a call or
 * a run of another environment is simply not found.
 */

export type SandboxCallRow = typeof sandboxEvents.$inferSelect;
export type SandboxMessageRow = typeof sandboxMessages.$inferSelect;
export type SandboxLoadTestRow = typeof sandboxLoadTests.$inferSelect;

/** Holds the environment's row until the transaction ends, so two starts cannot both see no running test. */
export async function lockEnvironment(tx: Database, environmentId: string): Promise<SandboxEnvironmentRow | null> {
  return (await tx.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.id, environmentId)).for("update"))[0] ?? null;
}

/**
 * A load test in the environment whose window is not over at `now`: running, or begun by a request
 * that took the environment's lock after this one arrived (so its start lies after this `now`).
 */
export async function openLoadTest(tx: Database, environmentId: string, now: Date): Promise<SandboxLoadTestRow | null> {
  const [row] = await tx
    .select()
    .from(sandboxLoadTests)
    .where(and(eq(sandboxLoadTests.environmentId, environmentId), isNull(sandboxLoadTests.stoppedAt), gt(sandboxLoadTests.endsAt, now)))
    .orderBy(desc(sandboxLoadTests.startedAt))
    .limit(1);
  return row ?? null;
}

/** A page of the environment's calls, newest first, those older than `before` (a call's time and id) when given. */
export function environmentCalls(
  db: Database,
  environmentId: string,
  { before, outcome, limit }: { before?: { at: Date; id: string } | undefined; outcome?: string | undefined; limit: number },
) {
  const conditions = [eq(sandboxEvents.environmentId, environmentId)];
  if (outcome) conditions.push(eq(sandboxEvents.outcome, outcome));
  if (before) {
    const older = or(lt(sandboxEvents.at, before.at), and(eq(sandboxEvents.at, before.at), lt(sandboxEvents.id, before.id)));
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(sandboxEvents)
    .where(and(...conditions))
    .orderBy(desc(sandboxEvents.at), desc(sandboxEvents.id))
    .limit(limit);
}

export const environmentCall = async (db: Database, environmentId: string, callId: string): Promise<SandboxCallRow | null> =>
  (
    await db
      .select()
      .from(sandboxEvents)
      .where(and(eq(sandboxEvents.environmentId, environmentId), eq(sandboxEvents.id, callId)))
      .limit(1)
  )[0] ?? null;

export const messagesOfCall = (db: Database, callId: string) =>
  db.select().from(sandboxMessages).where(eq(sandboxMessages.eventId, callId)).orderBy(asc(sandboxMessages.position));

export const messageOfCall = async (db: Database, callId: string, position: number): Promise<SandboxMessageRow | null> =>
  (
    await db
      .select()
      .from(sandboxMessages)
      .where(and(eq(sandboxMessages.eventId, callId), eq(sandboxMessages.position, position)))
      .limit(1)
  )[0] ?? null;

export const loadTestsOf = (db: Database, environmentId: string) =>
  db
    .select()
    .from(sandboxLoadTests)
    .where(eq(sandboxLoadTests.environmentId, environmentId))
    .orderBy(desc(sandboxLoadTests.startedAt), desc(sandboxLoadTests.id));

export const loadTestOf = async (db: Database, environmentId: string, loadTestId: string): Promise<SandboxLoadTestRow | null> =>
  (
    await db
      .select()
      .from(sandboxLoadTests)
      .where(and(eq(sandboxLoadTests.environmentId, environmentId), eq(sandboxLoadTests.id, loadTestId)))
      .limit(1)
  )[0] ?? null;

export const insertLoadTest = async (tx: Database, values: typeof sandboxLoadTests.$inferInsert): Promise<SandboxLoadTestRow> => {
  const [row] = await tx.insert(sandboxLoadTests).values(values).returning();
  if (!row) throw new Error("insert returned no load test");
  return row;
};

/** Closes the window of a load test that is still open at `at`; null when it had already ended or been stopped. */
export const stopLoadTest = async (tx: Database, loadTestId: string, at: Date): Promise<SandboxLoadTestRow | null> => {
  const [row] = await tx
    .update(sandboxLoadTests)
    .set({ stoppedAt: at })
    .where(and(eq(sandboxLoadTests.id, loadTestId), isNull(sandboxLoadTests.stoppedAt), gt(sandboxLoadTests.endsAt, at)))
    .returning();
  return row ?? null;
};

/**
 * The calls in a load test's window made by the environment's own caller (sandbox-evidence.ts),
 * as the summary reads them. Whether a check failed is asked in SQL: a long test has many calls,
 * each with some forty checks, that need not travel.
 */
export const loadTestCalls = (db: Database, loadTest: LoadTestWindow) =>
  db
    .select({
      receivedAt: sandboxEvents.at,
      durationMs: sandboxEvents.durationMs,
      operation: sandboxEvents.operation,
      outcome: sandboxEvents.outcome,
      faultCode: sandboxEvents.faultCode,
      failsACheck: sql<boolean>`jsonb_path_exists(${sandboxEvents.checks}, '$[*] ? (@.status == "fail")')`,
    })
    .from(sandboxEvents)
    .where(withinLoadTest(loadTest))
    .orderBy(asc(sandboxEvents.at));
