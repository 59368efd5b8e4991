import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DocumentComment } from "../../domain/reviews/comment-threads.ts";
import type { Database } from "../database.ts";
import { deliverableComments, deliverables } from "../schema.ts";

/** Every comment on these deliverables, oldest first. */
export const commentsOf = (db: Database, deliverableIds: readonly string[]): Promise<DocumentComment[]> =>
  deliverableIds.length
    ? db
        .select()
        .from(deliverableComments)
        .where(inArray(deliverableComments.deliverableId, [...deliverableIds]))
        .orderBy(asc(deliverableComments.createdAt), asc(deliverableComments.id))
    : Promise.resolve([]);

/** The open threads' first comments on the documents of these initiatives: what the task list counts. */
export const openCommentsOfInitiatives = (db: Database, initiativeIds: readonly string[]): Promise<DocumentComment[]> =>
  initiativeIds.length
    ? db
        .select({ comment: deliverableComments })
        .from(deliverableComments)
        .innerJoin(deliverables, eq(deliverables.id, deliverableComments.deliverableId))
        .where(
          and(
            inArray(deliverables.initiativeId, [...initiativeIds]),
            isNull(deliverableComments.replyTo),
            isNull(deliverableComments.resolvedAt),
          ),
        )
        .then((rows) => rows.map((r) => r.comment))
    : Promise.resolve([]);

export const findComment = async (db: Database, id: string): Promise<DocumentComment | undefined> =>
  (await db.select().from(deliverableComments).where(eq(deliverableComments.id, id)).limit(1))[0];

export async function insertComment(tx: Database, values: typeof deliverableComments.$inferInsert): Promise<DocumentComment> {
  const [row] = await tx.insert(deliverableComments).values(values).returning();
  if (!row) throw new Error("insert deliverable_comments returned nothing");
  return row;
}

/**
 * Marks a thread resolved, only while it is open: of two people resolving at once one writes it and
 * the other finds it done (undefined), so the record names who resolved it first.
 */
export const resolveThread = async (tx: Database, firstCommentId: string, by: string, at: Date): Promise<DocumentComment | undefined> =>
  (
    await tx
      .update(deliverableComments)
      .set({ resolvedAt: at, resolvedBy: by })
      .where(and(eq(deliverableComments.id, firstCommentId), isNull(deliverableComments.resolvedAt)))
      .returning()
  )[0];
