import { readActualVolumes } from "../../../domain/volumes/read-actual-volumes.ts";
import { seriesLabel } from "../../../ui/pages/volumes/series-label.ts";
import type { AppScope } from "../../app-scope.ts";
import { ActualVolumes, VolumesParams } from "./volumes.schema.ts";

export function volumesApi({ api, db }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/volumes/actual",
    summary:
      "The initiative's actual message volumes by calendar month (Stockholm time), for the benefit follow-up. Today only a test series from the emulator's calls to the initiative's test environment (kind: test, not real volumes; load tests left out); every reader of the initiative",
    tag: "volumes",
    access: "authenticated",
    params: VolumesParams,
    response: { status: 200, schema: ActualVolumes },
    handler: async ({ actor, params, request }) => {
      const { series } = await readActualVolumes({ db, actor, initiativeId: params.initiativeId });
      return { series: series.map((s) => ({ ...s, label: seriesLabel(request.locale, s) })) };
    },
  });
}
