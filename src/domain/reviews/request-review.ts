import { setVersionStatus } from "../../db/repositories/deliverable-repository.ts";
import { insertReview } from "../../db/repositories/review-repository.ts";
import { membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { lockedLatest, readableDeliverable } from "../deliverables/deliverables.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { RequestReviewInput } from "./review-input.ts";
import { reviewRequestProblems } from "./review-rules.ts";

/**
 * The team asks named members of the organisation to review the latest version. An utkast goes to
 * "för granskning" with it; a fastställd version is not reviewed (an edit starts the next one). The
 * version asked about must be the latest under the document's lock, so nobody is asked to review a
 * text that an edit replaced a moment before.
 */
export async function requestReview({
  db,
  actor,
  now,
  deliverableId,
  input,
}: UseCaseContext & { deliverableId: string; input: RequestReviewInput }) {
  const { initiative } = await readableDeliverable({ db, actor }, deliverableId);
  authorize(actor, { action: "initiative:work", organisationId: initiative.organisationId });
  const members = await membersOfOrganisation(db, initiative.organisationId);
  const problems = reviewRequestProblems({
    requesterId: actor.userId,
    reviewerIds: input.reviewerIds,
    memberIds: new Set(members.map((m) => m.userId)),
  });
  if (problems.length) {
    throw new DomainError("VALIDATION_FAILED", "the reviewers must be other members of the organisation, each named once", {
      fields: problems.map((p) => ({
        path: ["reviewerIds", input.reviewerIds.indexOf(p.reviewerId)],
        code: p.code,
        message: p.code.replaceAll("_", " "),
      })),
    });
  }
  return db.transaction(async (tx) => {
    const latest = await lockedLatest(tx, deliverableId);
    // Versions are numbered 1, 2, … without gaps: one past the latest does not exist.
    if (input.version > latest.version) throw notFound("deliverable version");
    if (input.version !== latest.version) {
      throw new DomainError(
        "EDIT_CONFLICT",
        `version ${input.version} is not the latest (${latest.version}): ask for a review of the latest`,
      );
    }
    if (latest.status === "faststalld") {
      throw new DomainError("STATUS_CHANGE_NOT_ALLOWED", "a fastställd version is not reviewed: edit it to start the next version");
    }
    const review = await insertReview(
      tx,
      { deliverableId, version: latest.version, requestedBy: actor.userId, requestedAt: now },
      input.reviewerIds,
    );
    if (latest.status === "utkast") await setVersionStatus(tx, latest.id, { status: "for_granskning" }, "utkast");
    await recordAudit(
      tx,
      actor,
      {
        action: "deliverable.review_requested",
        entityType: "deliverable",
        entityId: deliverableId,
        organisationId: initiative.organisationId,
        before: { version: latest.version, status: latest.status },
        after: { reviewId: review.id, version: review.version, reviewerIds: input.reviewerIds, status: "for_granskning" },
      },
      now,
    );
    return review;
  });
}
