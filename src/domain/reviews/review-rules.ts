import { versionAuthors } from "../deliverables/deliverable-status.ts";

/**
 * Review of a document version by named members: who was asked, what each answered, and on which
 * text. Plain data and plain functions; the use cases (request-review.ts, give-verdict.ts) read and
 * write it under the document's lock.
 */

export const VERDICTS = ["approved", "changes_requested"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A reviewer's answer: null until given. The content hash is the text the answer was given on. */
export type ReviewerAnswer =
  | { reviewerId: string; verdict: null }
  | { reviewerId: string; verdict: Verdict; note: string | null; contentHash: string; decidedAt: Date };

export type Review = {
  id: string;
  deliverableId: string;
  version: number;
  requestedBy: string | null;
  requestedAt: Date;
  reviewers: readonly ReviewerAnswer[];
};

/** What a version is to the rules: its number, its text's hash and who wrote it. */
export type ReviewedVersion = { version: number; contentHash: string; createdBy: string | null; lastEditedBy: string | null };

/**
 * The reviewers whose approval speaks for this version's text as it is now: approved on this
 * version, on this very text (an edit since makes the approval about another text), not one of
 * the text's authors (nobody is the second person for what they wrote), and still a member of the
 * document's organisation (`members`): someone who has left it answers for nothing there any more.
 * In the order asked.
 */
export function approvalsOfText(reviews: readonly Review[], version: ReviewedVersion, members: ReadonlySet<string>): string[] {
  const authors = versionAuthors(version);
  const approving = reviews
    .filter((r) => r.version === version.version)
    .flatMap((r) => r.reviewers)
    .filter(
      (a) =>
        a.verdict === "approved" && a.contentHash === version.contentHash && !authors.includes(a.reviewerId) && members.has(a.reviewerId),
    )
    .map((a) => a.reviewerId);
  return [...new Set(approving)];
}

/**
 * The reviewers still to answer on this version: asked and without a verdict. Someone asked twice
 * (in two requests) who has answered one of them is not waited for again.
 */
export function pendingReviewers(reviews: readonly Review[], version: number): string[] {
  const own = reviews.filter((r) => r.version === version).flatMap((r) => r.reviewers);
  const answered = new Set(own.filter((a) => a.verdict !== null).map((a) => a.reviewerId));
  return [...new Set(own.filter((a) => a.verdict === null && !answered.has(a.reviewerId)).map((a) => a.reviewerId))];
}

/** A person's membership of an organisation as one value, for sets of memberships. */
export const membershipKey = (organisationId: string, userId: string) => `${organisationId}:${userId}`;

/** Everyone who approved any of these reviews: whose membership approvalsOfText needs to know. */
export const approvers = (reviews: readonly Review[]) => [
  ...new Set(reviews.flatMap((r) => r.reviewers.filter((a) => a.verdict === "approved").map((a) => a.reviewerId))),
];

/** Whether anyone asked on this version is a reviewer at all: named reviews replace the team-wide "granska" task. */
export const hasNamedReviewers = (reviews: readonly Review[], version: number) =>
  reviews.some((r) => r.version === version && r.reviewers.length > 0);

/** Why a request for review cannot be made as asked; each names the reviewer id it is about. */
export type ReviewRequestProblem = { reviewerId: string; code: "not_member" | "self_review" | "duplicate_reviewer" };

/**
 * A request names members of the document's organisation, each once, and not the person asking:
 * asking oneself is no second look.
 */
export function reviewRequestProblems(input: {
  requesterId: string;
  reviewerIds: readonly string[];
  memberIds: ReadonlySet<string>;
}): ReviewRequestProblem[] {
  const seen = new Set<string>();
  return input.reviewerIds.flatMap((reviewerId): ReviewRequestProblem[] => {
    if (seen.has(reviewerId)) return [{ reviewerId, code: "duplicate_reviewer" }];
    seen.add(reviewerId);
    if (!input.memberIds.has(reviewerId)) return [{ reviewerId, code: "not_member" }];
    if (reviewerId === input.requesterId) return [{ reviewerId, code: "self_review" }];
    return [];
  });
}
