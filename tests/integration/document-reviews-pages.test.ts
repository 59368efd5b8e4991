import { describe, expect, it } from "vitest";
import { CommentList } from "../../src/http/routes/reviews/reviews.schema.ts";
import { newDocument, writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { getJson, useTestWorld } from "../support/test-world.ts";

/** The review and comment forms of a document's page, without JavaScript: plain POSTs and redirects. */
describe("reviewing and commenting on the document's page", () => {
  const world = useTestWorld();

  async function writtenDocument() {
    const pl = await world.loginAs("plA");
    const created = await newDocument(world, pl, "idebeskrivning");
    await writeRequiredSections(pl, created, { bakgrund: "Kommunen skickar i dag alla beslut på papper." });
    return created.id;
  }

  it("asks named reviewers, takes a reviewer's answer, and shows both with the history", async () => {
    const id = await writtenDocument();
    const pl = await world.browserAs("plA");
    const page = (await pl.get(`/deliverables/${id}`)).body;
    // The form offers the organisation's other members, not the person asking.
    expect(page).toContain('name="reviewerIds"');
    expect(page).toContain(`value="${world.users.sgA}"`);
    expect(page).not.toContain(`name="reviewerIds" value="${world.users.plA}"`);

    // Nobody chosen: the form again with the error on the group, nothing asked.
    const none = await pl.post(`/deliverables/${id}/reviews`, { version: "1" });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Fältet måste fyllas i.");

    const asked = await pl.post(`/deliverables/${id}/reviews`, { version: "1", reviewerIds: [world.users.sgA, world.users.consultant] });
    expect([asked.statusCode, asked.headers.location]).toEqual([303, `/deliverables/${id}#reviewers`]);
    const after = (await pl.get(`/deliverables/${id}`)).body;
    expect(after).toContain("Granskning begärd av 2 personer.");
    expect(after.match(/data-testid="review-row"/g)).toHaveLength(2);
    expect(after).toContain("Väntar på svar");

    // The reviewer sees the answer form; an answer without a choice is refused with the form kept.
    const sg = await world.browserAs("sgA");
    const sgPage = (await sg.get(`/deliverables/${id}`)).body;
    const action = sgPage.match(/action="(\/reviews\/[^"]+\/verdict)"/)?.[1] ?? "";
    expect(action).not.toBe("");
    const noChoice = await sg.post(action, { note: "Oklart." });
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.body).toContain("Oklart.");
    const answered = await sg.post(action, { verdict: "changes_requested", note: "Beskriv målgrupperna." });
    expect(answered.statusCode).toBe(303);
    const shown = (await pl.get(`/deliverables/${id}`)).body;
    expect(shown).toContain("Ändringar begärda");
    expect(shown).toContain("Beskriv målgrupperna.");
    expect(shown).toContain("Begärde ändringar i granskning");
    expect(shown).toContain("Bad om granskning");
    // The projektledare was not asked: no answer form for her.
    expect(shown).not.toMatch(/action="\/reviews\/[^"]+\/verdict"/);
  });

  it("comments on a section with a quote, answers and resolves the thread, and shows a wrong quote's error in its form", async () => {
    const id = await writtenDocument();
    const dt = await world.browserAs("consultant");
    const wrong = await dt.post(`/deliverables/${id}/comments`, {
      version: "1",
      sectionId: "bakgrund",
      "quote-bakgrund": "inte i texten",
      "text-bakgrund": "Min fråga.",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Citatet finns inte i avsnittet");
    // What was typed is kept in the form that was sent.
    expect(wrong.body).toContain("Min fråga.");

    const sent = await dt.post(`/deliverables/${id}/comments`, {
      version: "1",
      sectionId: "bakgrund",
      "quote-bakgrund": "alla beslut på papper",
      "text-bakgrund": "Gäller det alla beslut?",
    });
    expect(sent.statusCode).toBe(303);
    const threadId = String(sent.headers.location).split("#thread-")[1] ?? "";
    expect(threadId).not.toBe("");

    const pl = await world.browserAs("plA");
    const withThread = (await pl.get(`/deliverables/${id}`)).body;
    expect(withThread).toContain(`id="thread-${threadId}"`);
    expect(withThread).toContain("1 öppen kommentar");
    expect(withThread).toContain("alla beslut på papper");

    const emptyAnswer = await pl.post(`/deliverables/${id}/comments`, {
      version: "1",
      sectionId: "bakgrund",
      replyTo: threadId,
      [`text-${threadId}`]: " ",
    });
    expect(emptyAnswer.statusCode).toBe(400);
    const answer = await pl.post(`/deliverables/${id}/comments`, {
      version: "1",
      sectionId: "bakgrund",
      replyTo: threadId,
      [`text-${threadId}`]: "Nej, bara bygglov.",
    });
    expect([answer.statusCode, answer.headers.location]).toEqual([303, `/deliverables/${id}#thread-${threadId}`]);
    const resolved = await pl.post(`/comments/${threadId}/resolve`, {});
    expect(resolved.statusCode).toBe(303);
    const done = (await pl.get(`/deliverables/${id}`)).body;
    expect(done).toContain("1 lösta kommentarer");
    expect(done).toContain("Löst av pl-a");
    const api = await getJson(await world.loginAs("plA"), `/api/v1/deliverables/${id}/comments`, CommentList);
    expect(api.comments.map((c) => [c.text, c.resolvedAt !== null])).toEqual([
      ["Gäller det alla beslut?", true],
      ["Nej, bara bygglov.", true],
    ]);
  });

  it("shows a läsare the threads but no comment forms", async () => {
    const id = await writtenDocument();
    await (await world.browserAs("plA")).post(`/deliverables/${id}/comments`, {
      version: "1",
      sectionId: "bakgrund",
      "text-bakgrund": "Synlig för alla som läser.",
    });
    const reader = (await (await world.browserAs("readerA")).get(`/deliverables/${id}`)).body;
    expect(reader).toContain("Synlig för alla som läser.");
    expect(reader).not.toContain(`action="/deliverables/${id}/comments"`);
    expect(reader).not.toContain(`action="/deliverables/${id}/reviews"`);
  });
});
