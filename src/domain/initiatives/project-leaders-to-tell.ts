import type { Database } from "../../db/database.ts";
import { recipientsByIds } from "../../db/repositories/follow-up-repository.ts";
import { projectLeadersOf } from "../../db/repositories/reporting-repository.ts";

/** Whom a mail about an initiative reaches: address, name and language. */
export type ProjectLeader = { id: string; email: string; name: string; locale: string };

type Initiative = { organisationId: string; projectManagerId: string | null };

/**
 * Who hears about an initiative on its projektledare's behalf: the projektledare it names, while she
 * still holds that role in the organisation; else every projektledare of the organisation (one who
 * left, or an initiative that names none, must not leave the message unread). Two reads for any
 * number of initiatives; the answer is a lookup per initiative.
 */
export async function projectLeadersToTell(
  db: Database,
  initiatives: readonly Initiative[],
): Promise<(initiative: Initiative) => ProjectLeader[]> {
  const named = await recipientsByIds(db, [...new Set(initiatives.flatMap((i) => (i.projectManagerId ? [i.projectManagerId] : [])))]);
  const leaders = await projectLeadersOf(db, [...new Set(initiatives.map((i) => i.organisationId))]);
  return (initiative) => {
    const pm = named.find((p) => p.id === initiative.projectManagerId);
    if (pm?.roles.get(initiative.organisationId)?.includes("projektledare")) return [pm];
    return leaders.filter((l) => l.organisationId === initiative.organisationId);
  };
}
