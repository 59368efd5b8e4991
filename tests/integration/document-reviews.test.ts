import { describe, expect, it } from "vitest";
import { AuditEntries } from "../../src/http/routes/audit/audit.schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Comment, CommentList, Review, VerdictAnswer } from "../../src/http/routes/reviews/reviews.schema.ts";
import { MyTasks } from "../../src/http/routes/tasks/tasks.schema.ts";
import { newDocument, writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

type World = ReturnType<typeof useTestWorld>;

/** An idébeskrivning written by plA with every required section, still an utkast (version 1). */
async function writtenDocument(world: World, pl: Api) {
  const created = await newDocument(world, pl, "idebeskrivning");
  await writeRequiredSections(pl, created, { bakgrund: "Kommunen skickar i dag alla beslut på papper till invånarna." });
  return created.id;
}

const askReview = (api: Api, id: string, reviewerIds: string[], version = 1) =>
  api.post(`/api/v1/deliverables/${id}/reviews`, { version, reviewerIds });

const deliverable = async (api: Api, id: string) => getJson(api, `/api/v1/deliverables/${id}`, Deliverable);

const tasksOf = async (api: Api) => (await getJson(api, "/api/v1/me/tasks", MyTasks)).tasks;

describe("review with named reviewers", () => {
  const world = useTestWorld();

  it("asks named members, sends an utkast för granskning, and takes each reviewer's verdict on the text as it is", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const { consultant, sgA } = world.users;
    const review = parseBody(await askReview(pl, id, [consultant, sgA]), Review, 201);
    expect(review).toMatchObject({ deliverableId: id, version: 1, requestedBy: world.users.plA, reviewerIds: [consultant, sgA] });

    const asked = await deliverable(pl, id);
    expect(asked.versions[0]?.status).toBe("for_granskning");
    expect(asked.reviews).toHaveLength(1);
    expect(asked.reviews[0]?.reviewers.map((r) => [r.reviewer?.id, r.verdict])).toEqual([
      [consultant, null],
      [sgA, null],
    ]);

    // Each reviewer finds the document in their task list; the author does not.
    const dt = await world.loginAs("consultant");
    const sg = await world.loginAs("sgA");
    expect((await tasksOf(dt)).filter((t) => t.kind === "review_document").map((t) => t.href)).toEqual([`/deliverables/${id}`]);
    expect((await tasksOf(sg)).filter((t) => t.kind === "review_document").map((t) => t.href)).toEqual([`/deliverables/${id}`]);
    expect((await deliverable(dt, id)).permissions.answerReviews).toEqual([review.id]);

    const approved = parseBody(await dt.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" }), VerdictAnswer);
    expect(approved).toMatchObject({
      reviewerId: consultant,
      verdict: "approved",
      note: null,
      contentHash: asked.versions[0]?.contentHash,
    });
    const changes = parseBody(
      await sg.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "changes_requested", note: "Beskriv målgrupperna tydligare." }),
      VerdictAnswer,
    );
    expect(changes.note).toBe("Beskriv målgrupperna tydligare.");

    const answered = await deliverable(pl, id);
    expect(answered.reviews[0]?.reviewers.map((r) => [r.verdict, r.onCurrentText])).toEqual([
      ["approved", true],
      ["changes_requested", true],
    ]);
    // Answered: the review waits for nobody any more.
    expect((await tasksOf(dt)).filter((t) => t.kind === "review_document")).toEqual([]);
    expect((await deliverable(dt, id)).permissions.answerReviews).toEqual([]);
  });

  it("counts a reviewer's approval of the very text as the second person, so its author may fastställa it", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    // Without a review, the author is refused: the organisation requires a second person.
    expect(await deliverable(pl, id)).toMatchObject({ permissions: { approve: false }, approvalBlockers: { secondPersonRequired: true } });
    expect((await pl.post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" })).json().code).toBe("SECOND_PERSON_REQUIRED");

    const review = parseBody(await askReview(pl, id, [world.users.consultant]), Review, 201);
    const dt = await world.loginAs("consultant");
    expect((await dt.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" })).statusCode).toBe(200);
    // Approved för granskning: the author's task list offers fastställa.
    expect((await tasksOf(pl)).some((t) => t.kind === "approve_document" && t.href === `/deliverables/${id}`)).toBe(true);
    // An edit after the approval: the approval is about an earlier text and counts no more.
    await writeRequiredSections(pl, await deliverable(pl, id), { bakgrund: "En ny bakgrund efter granskningen." });
    const edited = await deliverable(pl, id);
    expect(edited.reviews[0]?.reviewers[0]?.onCurrentText).toBe(false);
    expect(edited.approvalBlockers?.secondPersonRequired).toBe(true);
    expect((await pl.post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" })).statusCode).toBe(403);

    // Approved again on the new text: now the author may fastställa, and the version names the second person.
    expect((await dt.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved", note: "Bra nu." })).statusCode).toBe(200);
    const ready = await deliverable(pl, id);
    expect(ready.permissions.approve).toBe(true);
    const done = parseBody(await pl.post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" }), Deliverable);
    expect(done.versions[0]).toMatchObject({
      status: "faststalld",
      approvedBy: { id: world.users.plA },
      secondApprover: { id: world.users.consultant },
    });

    // The review is closed once the version is fastställd.
    const late = await dt.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "changes_requested" });
    expect([late.statusCode, late.json().code]).toEqual([409, "REVIEW_CLOSED"]);
  });

  it("does not count an approval by someone who wrote the text", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const dt = await world.loginAs("consultant");
    // The consultant writes a sentence too: they are an author of the version now.
    await writeRequiredSections(dt, await deliverable(dt, id), { malgrupper: "Invånare." });
    const review = parseBody(await askReview(pl, id, [world.users.consultant]), Review, 201);
    expect((await dt.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" })).statusCode).toBe(200);
    expect((await deliverable(pl, id)).approvalBlockers?.secondPersonRequired).toBe(true);
  });

  it("refuses reviewers who are not other members, each once, and a version that is not the latest or does not exist", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const codes = async (reviewerIds: string[]) => {
      const res = await askReview(pl, id, reviewerIds);
      expect(res.statusCode).toBe(400);
      return res.json().fields.map((f: { path: string; code: string }) => [f.path, f.code]);
    };
    expect(await codes([world.users.plB])).toEqual([["reviewerIds.0", "not_member"]]);
    expect(await codes([world.users.plA])).toEqual([["reviewerIds.0", "self_review"]]);
    expect(await codes([world.users.sgA, world.users.sgA])).toEqual([["reviewerIds.0", "duplicate_reviewer"]]);
    expect((await askReview(pl, id, [])).statusCode).toBe(400);
    expect((await askReview(pl, id, [world.users.sgA], 9)).statusCode).toBe(404);
    expect(await (await world.loginAs("vaA")).post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" })).toMatchObject({
      statusCode: 200,
    });
    const fastställd = await askReview(pl, id, [world.users.sgA]);
    expect([fastställd.statusCode, fastställd.json().code]).toEqual([409, "STATUS_CHANGE_NOT_ALLOWED"]);
    await writeRequiredSections(pl, await deliverable(pl, id), { bakgrund: "Version två." });
    const old = await askReview(pl, id, [world.users.sgA], 1);
    expect([old.statusCode, old.json().code]).toEqual([409, "EDIT_CONFLICT"]);
    expect((await askReview(pl, id, [world.users.sgA], 2)).statusCode).toBe(201);
    // Nothing of the refused requests was stored.
    expect((await deliverable(pl, id)).reviews.map((r) => r.version)).toEqual([2]);
  });

  it("keeps reviews to those asked and to the organisation", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const review = parseBody(await askReview(pl, id, [world.users.sgA]), Review, 201);
    // Someone not asked, even in the team: 403. Another organisation: the review is not found.
    const notAsked = await (await world.loginAs("consultant")).post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" });
    expect(notAsked.statusCode).toBe(403);
    const plB = await world.loginAs("plB");
    expect((await plB.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" })).statusCode).toBe(404);
    expect((await askReview(plB, id, [world.users.plB])).statusCode).toBe(404);
    expect((await askReview(await world.loginAs("readerA"), id, [world.users.sgA])).statusCode).toBe(403);
    expect((await pl.post(`/api/v1/reviews/00000000-0000-4000-8000-000000000000/verdict`, { verdict: "approved" })).statusCode).toBe(404);
    const bad = await (await world.loginAs("sgA")).post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "maybe" });
    expect(bad.statusCode).toBe(400);
  });
});

describe("comments on a document's sections", () => {
  const world = useTestWorld();

  it("keeps threads on a section and a quoted passage, answered and resolved, and in the author's task list while open", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const dt = await world.loginAs("consultant");
    const first = await postJson(
      dt,
      `/api/v1/deliverables/${id}/comments`,
      { version: 1, sectionId: "bakgrund", quote: "alla beslut  på papper", text: "Gäller det verkligen alla beslut?" },
      Comment,
    );
    expect(first).toMatchObject({ version: 1, sectionId: "bakgrund", quote: "alla beslut  på papper", replyTo: null, threadId: first.id });
    expect(first.author?.id).toBe(world.users.consultant);

    // The author sees the open thread in the task list.
    expect((await tasksOf(pl)).filter((t) => t.kind === "answer_comments").map((t) => [t.title, t.href])).toEqual([
      ["Besvara en öppen kommentar på Idébeskrivning", `/deliverables/${id}#comments`],
    ]);

    const answer = await postJson(
      pl,
      `/api/v1/deliverables/${id}/comments`,
      { version: 1, sectionId: "forslag", text: "Nej, bygglov går redan digitalt.", replyTo: first.id },
      Comment,
    );
    // An answer joins the thread where it sits, whatever section was sent.
    expect(answer).toMatchObject({ replyTo: first.id, sectionId: "bakgrund", threadId: first.id, quote: null });
    const again = await postJson(
      dt,
      `/api/v1/deliverables/${id}/comments`,
      { version: 1, sectionId: "x", text: "Tack!", replyTo: answer.id },
      Comment,
    );
    expect(again.replyTo).toBe(first.id);
    const second = await postJson(
      pl,
      `/api/v1/deliverables/${id}/comments`,
      { version: 1, sectionId: "forslag", text: "Egen anteckning." },
      Comment,
    );

    const listed = await getJson(pl, `/api/v1/deliverables/${id}/comments`, CommentList);
    expect(listed.comments.map((c) => c.id)).toEqual([first.id, answer.id, again.id, second.id]);

    const resolved = parseBody(await dt.post(`/api/v1/comments/${answer.id}/resolve`), Comment);
    expect(resolved).toMatchObject({ id: first.id, resolvedBy: { id: world.users.consultant } });
    const twice = parseBody(await pl.post(`/api/v1/comments/${first.id}/resolve`), Comment);
    expect(twice.resolvedBy?.id).toBe(world.users.consultant);
    const after = await getJson(pl, `/api/v1/deliverables/${id}/comments`, CommentList);
    expect(after.comments.filter((c) => c.threadId === first.id).every((c) => c.resolvedAt !== null)).toBe(true);
    // Resolved: the task is gone; the author's own thread never made one.
    expect((await tasksOf(pl)).filter((t) => t.kind === "answer_comments")).toEqual([]);

    const audit = await getJson(await world.loginAs("admin"), "/api/v1/audit?entityType=deliverable&limit=50", AuditEntries);
    const actions = audit.entries.map((e) => e.action);
    expect(actions.filter((a) => a === "deliverable.comment")).toHaveLength(4);
    expect(actions.filter((a) => a === "deliverable.comment_resolved")).toHaveLength(1);
  });

  it("refuses a quote not in the section, an unknown section or version, and comments from outside", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const post = (api: Api, body: object) =>
      api.post(`/api/v1/deliverables/${id}/comments`, { version: 1, sectionId: "bakgrund", text: "Hm.", ...body });
    const field = async (body: object) => {
      const res = await post(pl, body);
      expect(res.statusCode).toBe(400);
      return res.json().fields[0].code;
    };
    expect(await field({ quote: "står inte här" })).toBe("quote_not_in_section");
    expect(await field({ sectionId: "finns-inte" })).toBe("unknown_section");
    expect(await field({ text: "  " })).toBe("required");
    expect((await post(pl, { version: 7 })).statusCode).toBe(404);
    expect((await post(pl, { replyTo: "00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
    // Another organisation's document is not found; a läsare who was not asked to review may not comment.
    expect((await post(await world.loginAs("plB"), {})).statusCode).toBe(404);
    const reader = await world.loginAs("readerA");
    expect((await post(reader, {})).statusCode).toBe(403);
    // A styrgrupp member asked to review may comment, and may not resolve another's thread.
    parseBody(await askReview(pl, id, [world.users.sgA]), Review, 201);
    const sg = await world.loginAs("sgA");
    const fromSg = parseBody(await post(sg, { text: "Som granskare undrar jag…" }), Comment, 201);
    const byPl = parseBody(await post(pl, { text: "Projektledarens tråd." }), Comment, 201);
    expect((await sg.post(`/api/v1/comments/${byPl.id}/resolve`)).statusCode).toBe(403);
    expect((await sg.post(`/api/v1/comments/${fromSg.id}/resolve`)).statusCode).toBe(200);
    expect((await (await world.loginAs("plB")).post(`/api/v1/comments/${byPl.id}/resolve`)).statusCode).toBe(404);
    expect((await (await world.loginAs("plB")).get(`/api/v1/deliverables/${id}/comments`)).statusCode).toBe(404);
    // Nothing refused was stored.
    expect((await getJson(pl, `/api/v1/deliverables/${id}/comments`, CommentList)).comments).toHaveLength(2);
  });
});

describe("a reviewer who leaves the organisation", () => {
  // Its own world: the reviewer's membership is removed.
  const world = useTestWorld();

  it("does not count an approval by a reviewer who has left the organisation since", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const review = parseBody(await askReview(pl, id, [world.users.consultant]), Review, 201);
    const dt = await world.loginAs("consultant");
    expect((await dt.post(`/api/v1/reviews/${review.id}/verdict`, { verdict: "approved" })).statusCode).toBe(200);
    expect((await deliverable(pl, id)).permissions.approve).toBe(true);

    expect((await pl.delete(`/api/v1/organisations/${world.orgA.id}/members/${world.users.consultant}`)).statusCode).toBe(204);
    const left = await deliverable(pl, id);
    expect(left).toMatchObject({ permissions: { approve: false }, approvalBlockers: { secondPersonRequired: true } });
    expect((await tasksOf(pl)).some((t) => t.kind === "approve_document" && t.href === `/deliverables/${id}`)).toBe(false);
    const refused = await pl.post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" });
    expect([refused.statusCode, refused.json().code]).toEqual([403, "SECOND_PERSON_REQUIRED"]);
    expect((await deliverable(pl, id)).versions[0]?.status).toBe("for_granskning");
  });
});
