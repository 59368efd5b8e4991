import { addComment, listComments, resolveComment } from "../../../domain/reviews/document-comments.ts";
import { giveVerdict } from "../../../domain/reviews/give-verdict.ts";
import { requestReview } from "../../../domain/reviews/request-review.ts";
import { CommentInput, RequestReviewInput, VerdictInput } from "../../../domain/reviews/review-input.ts";
import type { AppScope } from "../../app-scope.ts";
import { DeliverableParams } from "../deliverables/deliverables.schema.ts";
import { Comment, CommentList, CommentParams, Review, ReviewParams, VerdictAnswer } from "./reviews.schema.ts";

/** Review with named reviewers and comment threads on a document's sections. */
export function reviewsApi({ db, api }: AppScope) {
  api({
    method: "POST",
    url: "/api/v1/deliverables/:deliverableId/reviews",
    summary:
      "Ask named members of the organisation to review the latest version (an utkast goes to för granskning). 409 EDIT_CONFLICT when the version is not the latest, STATUS_CHANGE_NOT_ALLOWED when it is fastställd; 404 for a version that does not exist",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    body: RequestReviewInput,
    conflict: "EDIT_CONFLICT: the version is no longer the latest; STATUS_CHANGE_NOT_ALLOWED: the version is fastställd",
    response: { status: 201, schema: Review },
    handler: async ({ actor, now, params, body }) => {
      const review = await requestReview({ db, actor, now, deliverableId: params.deliverableId, input: body });
      return {
        id: review.id,
        deliverableId: review.deliverableId,
        version: review.version,
        requestedBy: review.requestedBy,
        requestedAt: review.requestedAt.toISOString(),
        reviewerIds: review.reviewers.map((r) => r.reviewerId),
      };
    },
  });

  api({
    method: "POST",
    url: "/api/v1/reviews/:reviewId/verdict",
    summary:
      "A reviewer asked gives (or changes) their verdict on the version as it is now; 403 for anyone not asked, 409 REVIEW_CLOSED when the version is no longer the latest or has been fastställd",
    tag: "deliverables",
    access: "authenticated",
    params: ReviewParams,
    body: VerdictInput,
    conflict: "REVIEW_CLOSED: the version asked about is no longer the latest, or has been fastställd",
    response: { status: 200, schema: VerdictAnswer },
    handler: async ({ actor, now, params, body }) => {
      const answer = await giveVerdict({ db, actor, now, reviewId: params.reviewId, input: body });
      return { ...answer, decidedAt: answer.decidedAt.toISOString() };
    },
  });

  api({
    method: "GET",
    url: "/api/v1/deliverables/:deliverableId/comments",
    summary: "Every comment on the document, as threads",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    response: { status: 200, schema: CommentList },
    handler: async ({ actor, params }) => ({ comments: await listComments({ db, actor, deliverableId: params.deliverableId }) }),
  });

  api({
    method: "POST",
    url: "/api/v1/deliverables/:deliverableId/comments",
    summary:
      "Comment on a section of a version (optionally on a passage quoted from it), or answer a thread with replyTo; the team and the reviewers asked may comment",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    body: CommentInput,
    response: { status: 201, schema: Comment },
    handler: async ({ actor, now, params, body }) => addComment({ db, actor, now, deliverableId: params.deliverableId, input: body }),
  });

  api({
    method: "POST",
    url: "/api/v1/comments/:commentId/resolve",
    summary: "Resolve the thread the comment belongs to (the team, or whoever started it); resolving a resolved thread changes nothing",
    tag: "deliverables",
    access: "authenticated",
    params: CommentParams,
    response: { status: 200, schema: Comment },
    handler: async ({ actor, now, params }) => resolveComment({ db, actor, now, commentId: params.commentId }),
  });
}
