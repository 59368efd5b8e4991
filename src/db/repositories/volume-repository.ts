import { and, asc, count, eq, not } from "drizzle-orm";
import type { VolumeObservation } from "../../domain/volumes/volume-observation.ts";
import type { Endpoint, EventOutcome } from "../../sandbox/emulator/events.ts";
import type { Database } from "../database.ts";
import { sandboxEnvironments, sandboxEvents } from "../schema.ts";
import { madeByTheEnvironmentsCaller, outsideLoadTests } from "./sandbox-evidence.ts";
import { volumeObservationsOf } from "./sandbox-volume-mapper.ts";

const ofInitiative = (initiativeId: string) => and(eq(sandboxEnvironments.initiativeId, initiativeId), madeByTheEnvironmentsCaller);

/**
 * The initiative's test environment's calls made by its own caller (sandbox-evidence.ts) outside
 * its load tests, in time order, as volume observations. A load test can be an hour at hundreds
 * of calls a second: those are counted here, not fetched.
 */
export async function testVolumeObservationsOfInitiative(
  db: Database,
  initiativeId: string,
): Promise<{ observations: VolumeObservation[]; loadTestCalls: number }> {
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
  // The recorder writes these columns from EmulatorEvent values only (database-recorder.ts).
  const { observations } = volumeObservationsOf(
    calls.map((r) => ({ ...r, endpoint: r.endpoint as Endpoint, outcome: r.outcome as EventOutcome, loadTestId: null })),
  );
  return { observations, loadTestCalls: inLoadTests?.n ?? 0 };
}
