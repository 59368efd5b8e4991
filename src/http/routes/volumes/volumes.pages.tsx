import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { readActualVolumes } from "../../../domain/volumes/read-actual-volumes.ts";
import { VolumesPage } from "../../../ui/pages/volumes/volumes-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";

export function volumesPages({ app, db }: AppScope) {
  app.get<{ Params: { initiativeId: string } }>("/initiatives/:initiativeId/volumes", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    const [initiative, { series }] = await Promise.all([
      readableInitiative({ db, actor: auth.actor }, initiativeId),
      readActualVolumes({ db, actor: auth.actor, initiativeId }),
    ]);
    return sendPage(request, reply, (ctx) => <VolumesPage ctx={ctx} initiative={initiative} series={series} />);
  });
}
