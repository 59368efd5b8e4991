import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { sandboxEnvironments, sandboxEvents } from "../schema.ts";
import { loadTestHoldingTheCall, madeByTheEnvironmentsCaller } from "./sandbox-evidence.ts";

/**
 * The initiative's test environment's calls made by its own caller (sandbox-evidence.ts), in time
 * order, with what the volume aggregation reads; a call inside a load test's window names the test.
 */
export const environmentCallsOfInitiative = (db: Database, initiativeId: string) =>
  db
    .select({
      at: sandboxEvents.at,
      endpoint: sandboxEvents.endpoint,
      operation: sandboxEvents.operation,
      outcome: sandboxEvents.outcome,
      operatorId: sandboxEvents.operatorId,
      httpStatus: sandboxEvents.httpStatus,
      loadTestId: loadTestHoldingTheCall,
    })
    .from(sandboxEvents)
    .innerJoin(sandboxEnvironments, eq(sandboxEnvironments.id, sandboxEvents.environmentId))
    .where(and(eq(sandboxEnvironments.initiativeId, initiativeId), madeByTheEnvironmentsCaller))
    .orderBy(asc(sandboxEvents.at), asc(sandboxEvents.id));
