import { testVolumeObservationsOfInitiative } from "../../db/repositories/volume-repository.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { testSeries } from "./test-series.ts";
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
  const { observations, loadTestCalls } = await testVolumeObservationsOfInitiative(db, initiative.id);
  return { series: [testSeries(observations, { excludedLoadTestCalls: loadTestCalls })] };
}
