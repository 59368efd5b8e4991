import { auditEntriesOf } from "../../db/repositories/audit-repository.ts";
import { membersOfOrganisation, usersByIds } from "../../db/repositories/user-repository.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type CommentView, listComments } from "./document-comments.ts";
import { documentHistory, type HistoryEvent } from "./document-history.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** How much history the document page shows; the audit log keeps all of it. */
export const HISTORY_LIMIT = 100;

export type DocumentCollaboration = {
  comments: CommentView[];
  /** Members the actor may ask to review: everyone in the organisation but the actor. Empty for those who may not ask. */
  candidates: { id: string; name: string }[];
  history: (HistoryEvent & { actorName: string | null })[];
};

/**
 * What the document page shows around the text: comment threads, whom a review can be asked of,
 * and the history. The caller has read the deliverable already (its access is checked there).
 */
export async function documentCollaboration(
  ctx: Ctx,
  deliverable: { id: string; organisationId: string; permissions: { requestReview: boolean } },
): Promise<DocumentCollaboration> {
  const [comments, members, entries] = await Promise.all([
    listComments({ ...ctx, deliverableId: deliverable.id }),
    deliverable.permissions.requestReview ? membersOfOrganisation(ctx.db, deliverable.organisationId) : Promise.resolve([]),
    auditEntriesOf(ctx.db, "deliverable", deliverable.id, HISTORY_LIMIT),
  ]);
  const events = documentHistory(entries);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const names = new Map((await usersByIds(ctx.db, actorIds)).map((u) => [u.id, u.name]));
  return {
    comments,
    candidates: members.filter((m) => m.userId !== ctx.actor.userId).map((m) => ({ id: m.userId, name: m.name })),
    history: events.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null })),
  };
}
