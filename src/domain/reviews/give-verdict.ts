import { findReview, writeVerdict } from "../../db/repositories/review-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { lockedLatest, readableDeliverable } from "../deliverables/deliverables.ts";
import { DomainError, forbidden, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { VerdictInput } from "./review-input.ts";

/**
 * A reviewer asked answers: approved, or changes requested (with a note). The answer is about the
 * text as it is under the document's lock at that moment, and its hash is kept with it; answering
 * again replaces the earlier answer. Only while the version asked about is the latest and not yet
 * fastställd (REVIEW_CLOSED otherwise): an answer on a text nobody will decide on counts for nothing.
 */
export async function giveVerdict({ db, actor, now, reviewId, input }: UseCaseContext & { reviewId: string; input: VerdictInput }) {
  const review = await findReview(db, reviewId);
  if (!review) throw notFound("review");
  // Another organisation's review is not found, as its document is not.
  const { initiative } = await readableDeliverable({ db, actor }, review.deliverableId);
  if (!review.reviewers.some((r) => r.reviewerId === actor.userId)) throw forbidden("only the reviewers asked may give a verdict");
  return db.transaction(async (tx) => {
    const latest = await lockedLatest(tx, review.deliverableId);
    if (latest.version !== review.version || latest.status === "faststalld") {
      throw new DomainError(
        "REVIEW_CLOSED",
        latest.version !== review.version
          ? `the review was of version ${review.version}; the document is at version ${latest.version} now`
          : "the version has been fastställd since the review was asked for",
      );
    }
    const answer = { verdict: input.verdict, note: input.note ?? null, contentHash: latest.contentHash, decidedAt: now };
    if (!(await writeVerdict(tx, reviewId, actor.userId, answer))) throw forbidden("only the reviewers asked may give a verdict");
    await recordAudit(
      tx,
      actor,
      {
        action: "deliverable.review_verdict",
        entityType: "deliverable",
        entityId: review.deliverableId,
        organisationId: initiative.organisationId,
        before: { reviewId, verdict: review.reviewers.find((r) => r.reviewerId === actor.userId)?.verdict ?? null },
        after: { reviewId, version: review.version, ...answer },
      },
      now,
    );
    return { reviewId, reviewerId: actor.userId, version: review.version, ...answer };
  });
}
