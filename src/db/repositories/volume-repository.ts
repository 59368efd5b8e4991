import { asc, eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { sandboxEnvironments, sandboxEvents } from "../schema.ts";

/** The initiative's test environment's recorded calls, in time order, with what the volume aggregation reads. */
export const environmentCallsOfInitiative = (db: Database, initiativeId: string) =>
  db
    .select({
      at: sandboxEvents.at,
      endpoint: sandboxEvents.endpoint,
      operation: sandboxEvents.operation,
      outcome: sandboxEvents.outcome,
      operatorId: sandboxEvents.operatorId,
      httpStatus: sandboxEvents.httpStatus,
      loadTestId: sandboxEvents.loadTestId,
    })
    .from(sandboxEvents)
    .innerJoin(sandboxEnvironments, eq(sandboxEnvironments.id, sandboxEvents.environmentId))
    .where(eq(sandboxEnvironments.initiativeId, initiativeId))
    .orderBy(asc(sandboxEvents.at), asc(sandboxEvents.id));
