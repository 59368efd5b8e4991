import { and, asc, count, eq, not } from "drizzle-orm";
import type { Database } from "../database.ts";
import { sandboxEnvironments, sandboxEvents } from "../schema.ts";
import { madeByTheEnvironmentsCaller, outsideLoadTests } from "./sandbox-evidence.ts";

const ofInitiative = (initiativeId: string) => and(eq(sandboxEnvironments.initiativeId, initiativeId), madeByTheEnvironmentsCaller);

/**
 * The initiative's test environment's calls made by its own caller (sandbox-evidence.ts) outside
 * its load tests, in time order, with what the volume aggregation reads. A load test can be an
 * hour at hundreds of calls a second: those are counted here, not fetched.
 */
export async function environmentCallsOfInitiative(db: Database, initiativeId: string) {
  const calls = await db
    .select({
      at: sandboxEvents.at,
      endpoint: sandboxEvents.endpoint,
      operation: sandboxEvents.operation,
      outcome: sandboxEvents.outcome,
      operatorId: sandboxEvents.operatorId,
      httpStatus: sandboxEvents.httpStatus,
    })
    .from(sandboxEvents)
    .innerJoin(sandboxEnvironments, eq(sandboxEnvironments.id, sandboxEvents.environmentId))
    .where(and(ofInitiative(initiativeId), outsideLoadTests))
    .orderBy(asc(sandboxEvents.at), asc(sandboxEvents.id));
  const [inLoadTests] = await db
    .select({ n: count() })
    .from(sandboxEvents)
    .innerJoin(sandboxEnvironments, eq(sandboxEnvironments.id, sandboxEvents.environmentId))
    .where(and(ofInitiative(initiativeId), not(outsideLoadTests)));
  return { calls, loadTestCalls: inLoadTests?.n ?? 0 };
}
