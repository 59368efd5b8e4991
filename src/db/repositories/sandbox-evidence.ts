import { and, eq, gte, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import { sandboxEvents, sandboxLoadTests } from "../schema.ts";

/**
 * Which recorded calls count as an environment's evidence (conformance, load tests, actual
 * volumes): those made with a client certificate the environment accepted, its organisation's
 * or its förmedlare's. An environment's address is not a secret, so anyone can send it calls
 * without a certificate or with another organisation's; those are recorded and shown in the
 * test-run view, but they must not fail the organisation's report or swell its volumes.
 */
export const madeByTheEnvironmentsCaller: SQL = isNotNull(sandboxEvents.clientOrgNr);

/** A load test's window: from its start until it was stopped, or until it closed by itself. */
export type LoadTestWindow = { environmentId: string; startedAt: Date; endsAt: Date; stoppedAt: Date | null };

/**
 * The calls of a load test, by its window rather than by the tag the emulator wrote: the emulator
 * learns of a start or a stop only when its environment cache refreshes (within seconds), so the
 * window is what the organisation asked for.
 */
export function withinLoadTest(window: LoadTestWindow): SQL {
  const end = window.stoppedAt && window.stoppedAt < window.endsAt ? window.stoppedAt : window.endsAt;
  return and(
    eq(sandboxEvents.environmentId, window.environmentId),
    gte(sandboxEvents.at, window.startedAt),
    lt(sandboxEvents.at, end),
    madeByTheEnvironmentsCaller,
  ) as SQL;
}

/** Outside every load test's window of the call's environment. */
export const outsideLoadTests: SQL = sql`not exists (
  select 1 from ${sandboxLoadTests}
  where ${sandboxLoadTests.environmentId} = ${sandboxEvents.environmentId}
    and ${sandboxEvents.at} >= ${sandboxLoadTests.startedAt}
    and ${sandboxEvents.at} < least(${sandboxLoadTests.stoppedAt}, ${sandboxLoadTests.endsAt})
)`;
