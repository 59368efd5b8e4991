import { z } from "zod";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { readActualVolumes } from "../../../domain/volumes/read-actual-volumes.ts";
import { VolumesPage } from "../../../ui/pages/volumes/volumes-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { requireSession, sendPage } from "../../render.ts";

/** A malformed id in a page URL is simply something that does not exist. */
function pathId(value: string): string {
  const r = z.uuid().safeParse(value);
  if (!r.success) throw new DomainError("NOT_FOUND", "not found");
  return r.data;
}

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
