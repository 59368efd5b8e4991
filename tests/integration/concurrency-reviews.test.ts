import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, deliverableComments, deliverableReviewers } from "../../src/db/schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Comment, Review } from "../../src/http/routes/reviews/reviews.schema.ts";
import { newDocument, writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Reviews and comments written by several people at once: every 2xx answer is stored, nothing
 * twice, and the audit log holds one entry per change that happened. On PostgreSQL the requests
 * overlap for real (PGlite runs one transaction at a time, so there these pass trivially).
 */
describe("concurrent reviews and comments", () => {
  const world = useTestWorld();

  async function documentInReview() {
    const pl = await world.loginAs("plA");
    const created = await newDocument(world, pl, "idebeskrivning");
    await writeRequiredSections(pl, created);
    const review = await postJson(
      pl,
      `/api/v1/deliverables/${created.id}/reviews`,
      { version: 1, reviewerIds: [world.users.sgA, world.users.consultant, world.users.vaA] },
      Review,
    );
    return { pl, id: created.id, review };
  }

  const auditCount = async (deliverableId: string, action: string) =>
    (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, deliverableId), eq(auditLog.action, action)))
    ).length;

  it("keeps every reviewer's verdict given at once, each once, on the text as it was", async () => {
    const { id, review } = await documentInReview();
    const reviewers = await Promise.all((["sgA", "consultant", "vaA"] as const).map((p) => world.loginAs(p)));
    const answers = await Promise.all(
      reviewers.flatMap((api) => [
        api.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" }),
        api.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "changes_requested", note: "Samtidigt." }),
      ]),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const stored = await world.db.select().from(deliverableReviewers).where(eq(deliverableReviewers.reviewId, review.id));
    expect(stored).toHaveLength(3);
    expect(stored.every((r) => r.verdict !== null && r.contentHash !== null)).toBe(true);
    expect(await auditCount(id, "deliverable.review_verdict")).toBe(6);
  });

  it("does not let an approval count for a text that an edit at the same moment replaced", async () => {
    const { pl, id, review } = await documentInReview();
    const sg = await world.loginAs("sgA");
    const [verdict, edit] = await Promise.all([
      sg.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" }),
      pl.put(`/api/v1/deliverables/${id}/sections`, { sections: { bakgrund: "Ändrat under granskningen." } }),
    ]);
    expect([verdict.statusCode, edit.statusCode]).toEqual([200, 200]);
    const doc = await getJson(pl, `/api/v1/deliverables/${id}`, Deliverable);
    const latest = doc.versions.at(-1);
    const answer = doc.reviews[0]?.reviewers.find((r) => r.reviewer?.id === world.users.sgA);
    // Whichever came first under the document's lock, the approval speaks for the current text only if it was given on it.
    const [stored] = await world.db
      .select()
      .from(deliverableReviewers)
      .where(and(eq(deliverableReviewers.reviewId, review.id), eq(deliverableReviewers.reviewerId, world.users.sgA)));
    expect(answer?.onCurrentText).toBe(stored?.contentHash === latest?.contentHash);
    expect(doc.approvalBlockers?.secondPersonRequired).toBe(!answer?.onCurrentText);
  });

  it("stores every comment sent at once and resolves a thread once however many press at once", async () => {
    const { pl, id } = await documentInReview();
    const people = [pl, ...(await Promise.all((["sgA", "consultant", "vaA"] as const).map((p) => world.loginAs(p))))];
    const first = await postJson(pl, `/api/v1/deliverables/${id}/comments`, { version: 1, sectionId: "bakgrund", text: "Start." }, Comment);
    const sent = await Promise.all(
      people.flatMap((api, i) =>
        [0, 1, 2].map((j) =>
          api.post(`/api/v1/deliverables/${id}/comments`, {
            version: 1,
            sectionId: "bakgrund",
            text: `Svar ${i}-${j}.`,
            ...(j === 0 ? {} : { replyTo: first.id }),
          }),
        ),
      ),
    );
    expect(sent.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const ids = sent.map((r) => parseBody(r, Comment, 201).id);
    const stored = await world.db.select().from(deliverableComments).where(inArray(deliverableComments.id, ids));
    expect(stored).toHaveLength(12);

    // The team resolves (the styrgrupp member, a reviewer, may only resolve threads of their own).
    const team = people.filter((_, i) => i !== 1);
    const resolving = await Promise.all(team.map((api) => api.post(`/api/v1/comments/${first.id}/resolve`)));
    expect(resolving.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const resolvedBy = new Set(resolving.map((r) => parseBody(r, Comment).resolvedBy?.id));
    expect(resolvedBy.size).toBe(1);
    expect(await auditCount(id, "deliverable.comment_resolved")).toBe(1);
    expect(await auditCount(id, "deliverable.comment")).toBe(13);
  });
});
