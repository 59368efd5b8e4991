import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { documentCollaboration } from "../../../domain/reviews/document-collaboration.ts";

/** A deliverable the actor may read, with the name of its initiative for the way back. */
export async function deliverableContext(db: Database, actor: Actor, deliverableId: string) {
  const deliverable = await getDeliverable({ db, actor, deliverableId });
  const initiative = await readableInitiative({ db, actor }, deliverable.initiativeId);
  return { deliverable, initiative: { id: initiative.id, name: initiative.name } };
}

/** The same with what the document's page shows around the text: reviews' candidates, comments and history. */
export async function documentPageContext(db: Database, actor: Actor, deliverableId: string) {
  const context = await deliverableContext(db, actor, deliverableId);
  return { ...context, collaboration: await documentCollaboration({ db, actor }, context.deliverable) };
}
export type DocumentPageContext = Awaited<ReturnType<typeof documentPageContext>>;
