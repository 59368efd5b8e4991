import { describe, expect, it } from "vitest";
import { type DocumentComment, openThreadsFor, quoteInSection, threadOf, threadsOf } from "./comment-threads.ts";

const comment = (id: string, minute: number, over: Partial<DocumentComment> = {}): DocumentComment => ({
  id,
  deliverableId: "d",
  version: 1,
  sectionId: "bakgrund",
  quote: null,
  text: id,
  replyTo: null,
  authorId: "dt",
  createdAt: new Date(Date.UTC(2026, 11, 6, 10, minute)),
  resolvedAt: null,
  resolvedBy: null,
  ...over,
});

describe("comment threads", () => {
  it("groups answers under their first comment, both in the order written", () => {
    const threads = threadsOf([
      comment("b-reply", 5, { replyTo: "b" }),
      comment("b", 2),
      comment("a", 1, { resolvedAt: new Date(), resolvedBy: "pl" }),
      comment("b-first-reply", 3, { replyTo: "b" }),
    ]);
    expect(threads.map((t) => [t.first.id, t.replies.map((r) => r.id), t.resolved])).toEqual([
      ["a", [], true],
      ["b", ["b-first-reply", "b-reply"], false],
    ]);
    expect(threadOf(comment("x", 0, { replyTo: "b" }))).toBe("b");
    expect(threadOf(comment("b", 0))).toBe("b");
  });

  it("waits for a person's answer on open threads others started", () => {
    const threads = threadsOf([
      comment("mine", 1, { authorId: "pl" }),
      comment("theirs", 2),
      comment("done", 3, { resolvedAt: new Date() }),
    ]);
    expect(openThreadsFor(threads, "pl").map((t) => t.first.id)).toEqual(["theirs"]);
  });

  it("finds a quote in the section's text, white space compared loosely", () => {
    expect(quoteInSection("alla  beslut\npå papper", "Kommunen skickar alla beslut på papper.")).toBe(true);
    expect(quoteInSection("digitalt", "Kommunen skickar alla beslut på papper.")).toBe(false);
    expect(quoteInSection("   ", "Något")).toBe(false);
  });
});
