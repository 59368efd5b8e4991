import { describe, expect, it } from "vitest";
import { documentHistory } from "./document-history.ts";

describe("a document's history from its audit entries", () => {
  it("says what each change was, with its version, and leaves out what the history does not show", () => {
    const entry = (seq: number, action: string, after: unknown) => ({
      seq,
      at: `2026-12-06T10:0${seq}:00Z`,
      actorUserId: "pl",
      action,
      after,
    });
    expect(
      documentHistory([
        entry(9, "deliverable.comment_resolved", { commentId: "c" }),
        entry(8, "deliverable.comment", { version: 1, replyTo: "c" }),
        entry(7, "deliverable.comment", { version: 1, replyTo: null }),
        entry(6, "deliverable.review_verdict", { version: 1, verdict: "changes_requested" }),
        entry(5, "deliverable.review_verdict", { version: 1, verdict: "approved" }),
        entry(4, "deliverable.review_requested", { version: 1 }),
        entry(3, "deliverable.status", { version: 1, status: "faststalld" }),
        entry(2, "deliverable.edit", { version: 1 }),
        entry(1, "deliverable.create", { id: "d", version: { version: 1 } }),
        entry(0, "initiative.update", {}),
      ]).map((e) => [e.seq, e.kind, e.version]),
    ).toEqual([
      [9, "resolved", null],
      [8, "replied", 1],
      [7, "commented", 1],
      [6, "changes_requested", 1],
      [5, "approved_review", 1],
      [4, "review_requested", 1],
      [3, "approved", 1],
      [2, "edited", 1],
      [1, "created", 1],
    ]);
  });
});
