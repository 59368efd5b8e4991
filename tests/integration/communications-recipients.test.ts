import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema.ts";
import { Outbox } from "../../src/http/routes/audit/audit.schema.ts";
import { CommunicationList, CommunicationRead } from "../../src/http/routes/communications/communications.schema.ts";
import { DecisionHistory } from "../../src/http/routes/milestones/milestones.schema.ts";
import { Partner, PartnerList } from "../../src/http/routes/partners/partners.schema.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Issue 9 §2.7: who a milestone decision's messages go to, and whose reading marks what read.
 * Organisation A (Sundsvall) decides; B (Region Västernorrland) is a samverkanspart of one initiative.
 */
describe("communications go to their recipients, each with its own read status", () => {
  const world = useTestWorld();
  const inbox = async (api: Api) => (await getJson(api, "/api/v1/communications", CommunicationList)).communications;
  const sentFor = async (api: Api, initiativeId: string) =>
    getJson(api, `/api/v1/initiatives/${initiativeId}/milestones/I/decisions`, DecisionHistory);

  it("does not mark a message read for the organisation when the förvaltningsgrupp reads it", async () => {
    const [pl, va, fg] = [await world.loginAs("plA"), await world.loginAs("vaA"), await world.loginAs("fg")];
    const { id: initiativeId } = await world.seedInitiative({ name: "Läses av förvaltningsgruppen", ready: true });
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const forFg = (await inbox(fg)).find((c) => c.subject.includes("Läses av förvaltningsgruppen"));
    expect(forFg?.audience).toBe("forvaltningsgrupp");
    parseBody(await fg.post(`/api/v1/communications/${forFg?.id}/read`), CommunicationRead);
    expect((await inbox(fg)).find((c) => c.id === forFg?.id)?.status).toBe("read");

    const ours = (await inbox(pl)).filter((c) => c.subject.includes("Läses av förvaltningsgruppen"));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((c) => c.status === "sent")).toBe(true);
    const sent = await sentFor(pl, initiativeId);
    const byAudience = Object.fromEntries(sent.decisions[0]?.communications.map((c) => [c.audience, c.recipients]) ?? []);
    expect(byAudience.forvaltningsgrupp).toEqual([expect.objectContaining({ kind: "forvaltningsgrupp", status: "read" })]);
    expect(byAudience.own_organisation).toEqual([
      expect.objectContaining({ kind: "organisation", organisationId: world.orgA.id, status: "sent" }),
    ]);
  });

  it("without samverkansparter, says so and puts no partner message in the organisation's own inbox", async () => {
    const [pl, va] = [await world.loginAs("plA"), await world.loginAs("vaA")];
    const { id: initiativeId } = await world.seedInitiative({ name: "Utan samverkansparter", ready: true });
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const ours = (await inbox(pl)).filter((c) => c.subject.includes("Utan samverkansparter"));
    expect(ours.map((c) => c.audience)).not.toContain("partners");
    const sent = await sentFor(pl, initiativeId);
    expect(sent.decisions[0]?.communications.find((c) => c.audience === "partners")?.recipients).toEqual([]);

    const page = await world.browserAs("plA");
    const html = (await page.get(`/initiatives/${initiativeId}/milestones/I`)).body;
    expect(html).toContain("inga samverkansparter");
    expect(html).not.toMatch(/Samverkansparter:\s*(<[^>]+>\s*)*Skickad/);
  });

  it("sends the partner message to each samverkanspart: an organisation's inbox, an external party's e-mail", async () => {
    const [pl, va, plB] = [await world.loginAs("plA"), await world.loginAs("vaA"), await world.loginAs("plB")];
    const { id: initiativeId } = await world.seedInitiative({ name: "Med samverkansparter" });
    const partners = `/api/v1/initiatives/${initiativeId}/partners`;
    await postJson(pl, partners, { kind: "organisation", organisationNumber: world.orgB.number }, Partner);
    await postJson(pl, partners, { kind: "external", name: "Kim Konsult", email: "kim@formedlare.example" }, Partner);
    await prepareMilestone(pl, initiativeId, "I", va);
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);

    // B reads the message, never the initiative.
    const theirs = (await inbox(plB)).filter((c) => c.subject.includes("Med samverkansparter"));
    expect(theirs.map((c) => c.audience)).toEqual(["partners"]);
    expect(theirs[0]).toMatchObject({ initiativeId: null, decisionId: null, status: "sent", recipient: { organisationId: world.orgB.id } });
    expect(theirs[0]?.body).toContain("Till samverkansparter");
    expect((await plB.get(`/api/v1/initiatives/${initiativeId}`)).statusCode).toBe(404);
    expect(parseBody(await plB.post(`/api/v1/communications/${theirs[0]?.id}/read`), CommunicationRead)).toMatchObject({ status: "read" });
    expect((await inbox(plB)).find((c) => c.id === theirs[0]?.id)?.status).toBe("read");

    // A's own messages stay unread for A; B's reading shows on A's record of what was sent.
    const ours = (await inbox(pl)).filter((c) => c.subject.includes("Med samverkansparter"));
    expect(ours.map((c) => c.audience)).toEqual(["own_organisation"]);
    expect(ours[0]?.status).toBe("sent");
    expect((await pl.post(`/api/v1/communications/${theirs[0]?.id}/read`)).statusCode).toBe(404);
    const sent = await sentFor(pl, initiativeId);
    const toPartners = sent.decisions[0]?.communications.find((c) => c.audience === "partners")?.recipients;
    expect(toPartners).toEqual([
      expect.objectContaining({ kind: "organisation", organisationId: world.orgB.id, name: "Region Västernorrland", status: "read" }),
      expect.objectContaining({ kind: "external", name: "Kim Konsult", email: "kim@formedlare.example", status: "emailed" }),
    ]);

    const outbox = await getJson(await world.loginAs("admin"), "/api/v1/outbox", Outbox);
    expect(outbox.messages.filter((m) => m.to === "kim@formedlare.example" && m.subject.includes("Med samverkansparter"))).toHaveLength(1);
    const reads = await world.db.select().from(auditLog).where(eq(auditLog.action, "communication.read"));
    expect(reads.some((r) => r.organisationId === world.orgB.id && r.entityId === theirs[0]?.id)).toBe(true);
  });

  it("lets the team name samverkansparter, once each, never its own organisation, with a valid e-mail", async () => {
    const [pl, plB] = [await world.loginAs("plA"), await world.loginAs("plB")];
    const partnerAudit = async () =>
      world.db.select().from(auditLog).where(eq(auditLog.entityType, "initiative_partner")).orderBy(auditLog.seq);
    const auditedBefore = (await partnerAudit()).length;
    const { id: initiativeId } = await world.seedInitiative({ name: "Parter som valideras" });
    const partners = `/api/v1/initiatives/${initiativeId}/partners`;
    const org = await postJson(pl, partners, { kind: "organisation", organisationNumber: world.orgB.number }, Partner);
    expect(org).toMatchObject({ kind: "organisation", organisationId: world.orgB.id, name: "Region Västernorrland" });
    expect((await pl.post(partners, { kind: "organisation", organisationNumber: world.orgB.number })).json()).toMatchObject({
      code: "ALREADY_EXISTS",
      fields: [{ path: "organisationNumber", code: "partner_duplicate" }],
    });
    expect((await pl.post(partners, { kind: "organisation", organisationNumber: world.orgA.number })).json()).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "organisationNumber", code: "partner_own_organisation" }],
    });
    expect((await pl.post(partners, { kind: "organisation", organisationNumber: "2021005448" })).json()).toMatchObject({
      fields: [{ path: "organisationNumber", code: "partner_unknown_organisation" }],
    });
    expect((await pl.post(partners, { kind: "external", name: "Kim", email: "inte-en-adress" })).json()).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "email" }],
    });
    const kim = await postJson(pl, partners, { kind: "external", name: "Kim Konsult", email: "Kim@Formedlare.example" }, Partner);
    expect((await pl.post(partners, { kind: "external", name: "Kim igen", email: "kim@formedlare.example" })).statusCode).toBe(409);

    const listed = await getJson(pl, partners, PartnerList);
    expect(listed.partners.map((p) => p.name)).toEqual(["Region Västernorrland", "Kim Konsult"]);
    expect(listed.canManage).toBe(true);
    const reader = await world.loginAs("readerA");
    expect(await getJson(reader, partners, PartnerList)).toMatchObject({ canManage: false });
    expect((await reader.post(partners, { kind: "external", name: "X", email: "x@example.org" })).statusCode).toBe(403);
    expect((await plB.get(partners)).statusCode).toBe(404);

    expect((await pl.delete(`${partners}/${kim.id}`)).statusCode).toBe(204);
    expect((await pl.delete(`${partners}/${kim.id}`)).statusCode).toBe(404);
    const audited = (await partnerAudit()).slice(auditedBefore);
    expect(audited.map((a) => a.action)).toEqual(["initiative.partner.add", "initiative.partner.add", "initiative.partner.remove"]);
  });
});
