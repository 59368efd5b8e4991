import { environmentCallsOfInitiative } from "../../db/repositories/volume-repository.ts";
import type { Endpoint, EventOutcome } from "../../sandbox/emulator/events.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { testSeriesFromEvents } from "./test-series-from-events.ts";
import type { VolumeSeries } from "./volume-series.ts";

/**
 * The initiative's actual message volumes, for comparing with its forecast. Until production
 * volumes are reported, the only series is the test series made from the calls to the
 * initiative's test environment in the emulator. Every reader of the initiative may see it:
 * volumes are not secret within the organisation; an outsider gets 404.
 */
export async function readActualVolumes({
  db,
  actor,
  initiativeId,
}: Pick<UseCaseContext, "db" | "actor"> & { initiativeId: string }): Promise<{ series: VolumeSeries[] }> {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const { calls, loadTestCalls } = await environmentCallsOfInitiative(db, initiative.id);
  // The recorder writes these columns from EmulatorEvent values only (database-recorder.ts).
  const events = calls.map((r) => ({ ...r, endpoint: r.endpoint as Endpoint, outcome: r.outcome as EventOutcome, loadTestId: null }));
  return { series: [testSeriesFromEvents(events, { loadTestCallsLeftOut: loadTestCalls })] };
}
