import { and, asc, eq, inArray } from "drizzle-orm";
import type { Review, ReviewerAnswer, Verdict } from "../../domain/reviews/review-rules.ts";
import type { Database } from "../database.ts";
import { deliverableReviewers, deliverableReviews, deliverables } from "../schema.ts";

type ReviewRow = typeof deliverableReviews.$inferSelect;
type ReviewerRow = typeof deliverableReviewers.$inferSelect;

/** A stored answer as the rules see it: whole or absent (the table's check keeps it so). */
function answerOf(row: ReviewerRow): ReviewerAnswer {
  if (row.verdict === null || row.contentHash === null || row.decidedAt === null) return { reviewerId: row.reviewerId, verdict: null };
  return { reviewerId: row.reviewerId, verdict: row.verdict, note: row.note, contentHash: row.contentHash, decidedAt: row.decidedAt };
}

const reviewOf = (row: ReviewRow, reviewers: readonly ReviewerRow[]): Review => ({
  ...row,
  reviewers: reviewers.filter((r) => r.reviewId === row.id).map(answerOf),
});

/** The reviews of these deliverables with their reviewers, oldest request first. */
export async function reviewsOf(db: Database, deliverableIds: readonly string[]): Promise<Review[]> {
  if (!deliverableIds.length) return [];
  const reviews = await db
    .select()
    .from(deliverableReviews)
    .where(inArray(deliverableReviews.deliverableId, [...deliverableIds]))
    .orderBy(asc(deliverableReviews.requestedAt), asc(deliverableReviews.id));
  if (!reviews.length) return [];
  const reviewers = await db
    .select()
    .from(deliverableReviewers)
    .where(
      inArray(
        deliverableReviewers.reviewId,
        reviews.map((r) => r.id),
      ),
    );
  return reviews.map((r) => reviewOf(r, reviewers));
}

export async function findReview(db: Database, reviewId: string): Promise<Review | undefined> {
  const [row] = await db.select().from(deliverableReviews).where(eq(deliverableReviews.id, reviewId)).limit(1);
  if (!row) return undefined;
  return reviewOf(row, await db.select().from(deliverableReviewers).where(eq(deliverableReviewers.reviewId, row.id)));
}

export async function insertReview(
  tx: Database,
  values: { deliverableId: string; version: number; requestedBy: string; requestedAt: Date },
  reviewerIds: readonly string[],
): Promise<Review> {
  const [row] = await tx.insert(deliverableReviews).values(values).returning();
  if (!row) throw new Error("insert deliverable_reviews returned nothing");
  const reviewers = await tx
    .insert(deliverableReviewers)
    .values(reviewerIds.map((reviewerId) => ({ reviewId: row.id, reviewerId })))
    .returning();
  return reviewOf(row, reviewers);
}

/**
 * Writes a reviewer's answer (a new one replaces the one before); false when the person is not a
 * reviewer of that review, so nothing is recorded that did not happen.
 */
export async function writeVerdict(
  tx: Database,
  reviewId: string,
  reviewerId: string,
  answer: { verdict: Verdict; note: string | null; contentHash: string; decidedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(deliverableReviewers)
    .set(answer)
    .where(and(eq(deliverableReviewers.reviewId, reviewId), eq(deliverableReviewers.reviewerId, reviewerId)))
    .returning({ reviewId: deliverableReviewers.reviewId });
  return rows.length > 0;
}

/** The reviews of every document of these initiatives, for the task list. */
export async function reviewsOfInitiatives(db: Database, initiativeIds: readonly string[]): Promise<Review[]> {
  if (!initiativeIds.length) return [];
  const docs = await db
    .select({ id: deliverables.id })
    .from(deliverables)
    .where(inArray(deliverables.initiativeId, [...initiativeIds]));
  return reviewsOf(
    db,
    docs.map((d) => d.id),
  );
}
