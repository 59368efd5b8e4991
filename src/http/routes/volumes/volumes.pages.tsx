import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { readActualVolumes } from "../../../domain/volumes/read-actual-volumes.ts";
import { VolumesPage } from "../../../ui/pages/volumes/volumes-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { ids } from "../../path-id.ts";

export function volumesPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/initiatives/:initiativeId/volumes",
    access: "session",
    params: ids("initiativeId"),
    render: async ({ actor, params: { initiativeId } }) => {
      const [initiative, { series }] = await Promise.all([
        readableInitiative({ db, actor }, initiativeId),
        readActualVolumes({ db, actor, initiativeId }),
      ]);
      return (ctx) => <VolumesPage ctx={ctx} initiative={initiative} series={series} />;
    },
  });
}
