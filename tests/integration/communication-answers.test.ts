import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { listOutbox } from "../../src/domain/mail/list-outbox.ts";
import { CommunicationAnswer, CommunicationList } from "../../src/http/routes/communications/communications.schema.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

/** The förvaltningsgrupp answers an organisation's communication; the answer reaches the projektledare (issue 14). */
describe("answers to communications", () => {
  const world = useTestWorld();

  const toForvaltningsgrupp = async (initiativeName: string) => {
    const list = await getJson(await world.loginAs("fg"), "/api/v1/communications", CommunicationList);
    const c = list.communications.find((x) => x.initiativeName === initiativeName && x.recipient.kind === "forvaltningsgrupp");
    if (!c) throw new Error(`no communication to the förvaltningsgrupp about ${initiativeName}`);
    return c;
  };

  it("keeps the answer with the message, mails the initiative's projektledare and audits it", async () => {
    const initiative = await world.seedInitiative({ name: "Svar: bygglov", phase: 3 });
    const message = await toForvaltningsgrupp("Svar: bygglov");
    expect(message.canAnswer).toBe(true);
    const fg = await world.loginAs("fg");
    const answer = await postJson(
      fg,
      `/api/v1/communications/${message.id}/answers`,
      { text: "Tack! Vi planerar in er produktionsstart i kvartalets kapacitet." },
      CommunicationAnswer,
    );
    expect(answer).toMatchObject({ communicationId: message.id, createdByName: expect.any(String) });
    const after = await toForvaltningsgrupp("Svar: bygglov");
    expect(after.answers.map((a) => a.text)).toEqual(["Tack! Vi planerar in er produktionsstart i kvartalets kapacitet."]);
    const mails = (await listOutbox({ db: world.db, actor: SYSTEM_ACTOR, limit: 1000 })).filter(
      (m) => m.to === world.emails.plA && m.subject.startsWith("Svar från förvaltningsgruppen"),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("Tack! Vi planerar in er produktionsstart");
    const audit = await (await world.loginAs("admin")).get(`/api/v1/audit?entityId=${message.id}`);
    expect(audit.body).toContain("communication.answer");
    // The organisation reads it beside what its decision sent.
    const decisionPage = await (await world.browserAs("plA")).get(`/initiatives/${initiative.id}/milestones/II`);
    expect(decisionPage.body).toContain("Tack! Vi planerar in er produktionsstart i kvartalets kapacitet.");
  });

  it("is the förvaltningsgrupp's alone; an empty or too long answer is refused and nothing is kept", async () => {
    await world.seedInitiative({ name: "Svar: behörighet", phase: 3 });
    const message = await toForvaltningsgrupp("Svar: behörighet");
    const url = `/api/v1/communications/${message.id}/answers`;
    for (const person of ["admin", "plA", "vaA", "plB"] as const) {
      const res = await (await world.loginAs(person)).post(url, { text: "Obehörigt svar" });
      expect(res.statusCode, person).toBe(404);
    }
    const fg = await world.loginAs("fg");
    for (const text of ["", "   ", "x".repeat(5001)]) {
      const res = await fg.post(url, { text });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].path).toBe("text");
    }
    expect((await toForvaltningsgrupp("Svar: behörighet")).answers).toEqual([]);
  });

  it("is answered from the inbox page without JavaScript; a refused answer shows the form again with the text", async () => {
    await world.seedInitiative({ name: "Svar: sidan", phase: 3 });
    const message = await toForvaltningsgrupp("Svar: sidan");
    const b = await world.browserAs("fg");
    const inbox = await b.get("/inbox");
    expect(inbox.body).toContain(`action="/inbox/${message.id}/answers"`);
    const refused = await b.post(`/inbox/${message.id}/answers`, { [`answer-${message.id}`]: "  " });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/aria-invalid="true"/);
    // The refused form is open again, its field named after the message.
    expect(refused.body).toContain(`id="f-answer-${message.id}"`);
    await world.seedInitiative({ name: "Svar: en till", phase: 3 });
    const second = await toForvaltningsgrupp("Svar: en till");
    const both = await b.get("/inbox");
    // Every answer form has its own field id, so each label names one control.
    const ids = [...both.body.matchAll(/<textarea[^>]* id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(expect.arrayContaining([`f-answer-${message.id}`, `f-answer-${second.id}`]));
    expect(new Set(ids).size).toBe(ids.length);
    const sent = await b.post(`/inbox/${message.id}/answers`, { [`answer-${message.id}`]: "Vi återkommer om volymerna." });
    expect(sent.statusCode).toBe(303);
    const page = await b.get("/inbox");
    expect(page.body).toContain("Svaret är skickat till initiativets projektledare.");
    expect(page.body).toContain("Vi återkommer om volymerna.");
    // The organisation's own members see no answer form.
    expect((await (await world.browserAs("plA")).get("/inbox")).body).not.toContain("/answers");
  });
});
