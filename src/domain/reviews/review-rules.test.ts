import { describe, expect, it } from "vitest";
import { approvalsOfText, hasNamedReviewers, pendingReviewers, type Review, reviewRequestProblems } from "./review-rules.ts";

const at = new Date("2026-12-06T10:00:00Z");
const review = (version: number, reviewers: Review["reviewers"]): Review => ({
  id: `r-${version}-${reviewers.length}`,
  deliverableId: "d",
  version,
  requestedBy: "pl",
  requestedAt: at,
  reviewers,
});
const approved = (reviewerId: string, contentHash = "h1") =>
  ({ reviewerId, verdict: "approved", note: null, contentHash, decidedAt: at }) as const;
const changes = (reviewerId: string) =>
  ({ reviewerId, verdict: "changes_requested", note: "Nej", contentHash: "h1", decidedAt: at }) as const;
const pending = (reviewerId: string) => ({ reviewerId, verdict: null }) as const;

const version = { version: 2, contentHash: "h1", createdBy: "pl", lastEditedBy: "pl" };

const MEMBERS = new Set(["sg", "dt", "va", "pl"]);

describe("approvals that speak for a version's text", () => {
  it("counts approvals on this version and this very text, by someone who did not write it", () => {
    expect(approvalsOfText([review(2, [approved("sg"), changes("dt"), pending("va")])], version, MEMBERS)).toEqual(["sg"]);
  });

  it("does not count an approval of an earlier text, an earlier version, or by an author", () => {
    expect(approvalsOfText([review(2, [approved("sg", "h0")])], version, MEMBERS)).toEqual([]);
    expect(approvalsOfText([review(1, [approved("sg")])], version, MEMBERS)).toEqual([]);
    expect(approvalsOfText([review(2, [approved("dt")])], { ...version, lastEditedBy: "dt" }, MEMBERS)).toEqual([]);
  });

  it("does not count an approval by someone no longer a member of the document's organisation", () => {
    expect(approvalsOfText([review(2, [approved("sg"), approved("va")])], version, new Set(["va"]))).toEqual(["va"]);
    expect(approvalsOfText([review(2, [approved("sg")])], version, new Set())).toEqual([]);
  });

  it("names a reviewer once however many requests approved it", () => {
    expect(approvalsOfText([review(2, [approved("sg")]), review(2, [approved("sg"), approved("va")])], version, MEMBERS)).toEqual([
      "sg",
      "va",
    ]);
  });
});

describe("who a review still waits for", () => {
  it("is everyone asked on the version who has not answered, each once", () => {
    const reviews = [review(2, [pending("sg"), approved("dt")]), review(2, [pending("sg"), pending("va")]), review(1, [pending("x")])];
    expect(pendingReviewers(reviews, 2)).toEqual(["sg", "va"]);
    expect(hasNamedReviewers(reviews, 2)).toBe(true);
    expect(hasNamedReviewers(reviews, 3)).toBe(false);
  });

  it("does not wait for someone asked twice who answered one of the requests", () => {
    expect(pendingReviewers([review(2, [approved("sg")]), review(2, [pending("sg")])], 2)).toEqual([]);
  });
});

describe("a request for review", () => {
  const memberIds = new Set(["pl", "sg", "dt"]);
  it("names other members, each once", () => {
    expect(reviewRequestProblems({ requesterId: "pl", reviewerIds: ["sg", "dt"], memberIds })).toEqual([]);
    expect(reviewRequestProblems({ requesterId: "pl", reviewerIds: ["sg", "sg", "pl", "outsider"], memberIds })).toEqual([
      { reviewerId: "sg", code: "duplicate_reviewer" },
      { reviewerId: "pl", code: "self_review" },
      { reviewerId: "outsider", code: "not_member" },
    ]);
  });
});
