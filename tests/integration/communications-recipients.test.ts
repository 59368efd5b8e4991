import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type InboxItem = {
  id: string;
  initiativeId: string | null;
  decisionId: string | null;
  audience: string;
  subject: string;
  body: string;
  status: "sent" | "read";
  recipient: { kind: string; organisationId: string | null };
};
type Recipient = { kind: string; organisationId: string | null; name: string; email: string | null; status: string };
type DecisionComms = { decisions: { communications: { audience: string; recipients: Recipient[] }[] }[] };

/**
 * Issue 9 §2.7: who a milestone decision's messages go to, and whose reading marks what read.
 * Organisation A (Sundsvall) decides; B (Region Västernorrland) is a samverkanspart of one initiative.
 */
describe("communications go to their recipients, each with its own read status", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let va: Api;
  let fg: Api;
  let plB: Api;
  const inbox = async (api: Api) => ((await api.get("/api/v1/communications")).json() as { communications: InboxItem[] }).communications;
  const newInitiative = async (name: string) => {
    const res = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    va = await apiAs(t.app, w.emails.vaA);
    fg = await apiAs(t.app, w.emails.fg);
    plB = await apiAs(t.app, w.emails.plB);
  });
  afterAll(async () => t.close());

  it("does not mark a message read for the organisation when the förvaltningsgrupp reads it", async () => {
    const initiativeId = await newInitiative("Läses av förvaltningsgruppen");
    await prepareMilestone(pl, initiativeId, "I", va);
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const forFg = (await inbox(fg)).find((c) => c.subject.includes("Läses av förvaltningsgruppen"));
    expect(forFg?.audience).toBe("forvaltningsgrupp");
    expect((await fg.post(`/api/v1/communications/${forFg?.id}/read`)).statusCode).toBe(200);
    expect((await inbox(fg)).find((c) => c.id === forFg?.id)?.status).toBe("read");

    const ours = (await inbox(pl)).filter((c) => c.subject.includes("Läses av förvaltningsgruppen"));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((c) => c.status === "sent")).toBe(true);
    const sent = (await pl.get(`/api/v1/initiatives/${initiativeId}/milestones/I/decisions`)).json() as DecisionComms;
    const byAudience = Object.fromEntries(sent.decisions[0]?.communications.map((c) => [c.audience, c.recipients]) ?? []);
    expect(byAudience.forvaltningsgrupp).toEqual([expect.objectContaining({ kind: "forvaltningsgrupp", status: "read" })]);
    expect(byAudience.own_organisation).toEqual([
      expect.objectContaining({ kind: "organisation", organisationId: w.orgA.id, status: "sent" }),
    ]);
  });

  it("without samverkansparter, says so and puts no partner message in the organisation's own inbox", async () => {
    const initiativeId = await newInitiative("Utan samverkansparter");
    await prepareMilestone(pl, initiativeId, "I", va);
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const ours = (await inbox(pl)).filter((c) => c.subject.includes("Utan samverkansparter"));
    expect(ours.map((c) => c.audience)).not.toContain("partners");
    const sent = (await pl.get(`/api/v1/initiatives/${initiativeId}/milestones/I/decisions`)).json() as DecisionComms;
    expect(sent.decisions[0]?.communications.find((c) => c.audience === "partners")?.recipients).toEqual([]);

    const page = browser(t.app);
    await page.login(w.emails.plA);
    const html = (await page.get(`/initiatives/${initiativeId}/milestones/I`)).body;
    expect(html).toContain("inga samverkansparter");
    expect(html).not.toMatch(/Samverkansparter:\s*(<[^>]+>\s*)*Skickad/);
  });

  it("sends the partner message to each samverkanspart: an organisation's inbox, an external party's e-mail", async () => {
    const initiativeId = await newInitiative("Med samverkansparter");
    const partners = `/api/v1/initiatives/${initiativeId}/partners`;
    expect((await pl.post(partners, { kind: "organisation", organisationNumber: w.orgB.number })).statusCode).toBe(201);
    expect((await pl.post(partners, { kind: "external", name: "Kim Konsult", email: "kim@formedlare.example" })).statusCode).toBe(201);
    await prepareMilestone(pl, initiativeId, "I", va);
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);

    // B reads the message, never the initiative.
    const theirs = (await inbox(plB)).filter((c) => c.subject.includes("Med samverkansparter"));
    expect(theirs.map((c) => c.audience)).toEqual(["partners"]);
    expect(theirs[0]).toMatchObject({ initiativeId: null, decisionId: null, status: "sent", recipient: { organisationId: w.orgB.id } });
    expect(theirs[0]?.body).toContain("Till samverkansparter");
    expect((await plB.get(`/api/v1/initiatives/${initiativeId}`)).statusCode).toBe(404);
    expect((await plB.post(`/api/v1/communications/${theirs[0]?.id}/read`)).json()).toMatchObject({ status: "read" });
    expect((await inbox(plB)).find((c) => c.id === theirs[0]?.id)?.status).toBe("read");

    // A's own messages stay unread for A; B's reading shows on A's record of what was sent.
    const ours = (await inbox(pl)).filter((c) => c.subject.includes("Med samverkansparter"));
    expect(ours.map((c) => c.audience)).toEqual(["own_organisation"]);
    expect(ours[0]?.status).toBe("sent");
    expect((await pl.post(`/api/v1/communications/${theirs[0]?.id}/read`)).statusCode).toBe(404);
    const sent = (await pl.get(`/api/v1/initiatives/${initiativeId}/milestones/I/decisions`)).json() as DecisionComms;
    const toPartners = sent.decisions[0]?.communications.find((c) => c.audience === "partners")?.recipients;
    expect(toPartners).toEqual([
      expect.objectContaining({ kind: "organisation", organisationId: w.orgB.id, name: "Region Västernorrland", status: "read" }),
      expect.objectContaining({ kind: "external", name: "Kim Konsult", email: "kim@formedlare.example", status: "emailed" }),
    ]);

    const admin = await apiAs(t.app, w.emails.admin);
    const outbox = (await admin.get("/api/v1/outbox")).json() as { messages: { to: string; subject: string; bodyText?: string }[] };
    expect(outbox.messages.filter((m) => m.to === "kim@formedlare.example" && m.subject.includes("Med samverkansparter"))).toHaveLength(1);
    const reads = await t.db.select().from(auditLog).where(eq(auditLog.action, "communication.read"));
    expect(reads.some((r) => r.organisationId === w.orgB.id)).toBe(true);
  });

  it("lets the team name samverkansparter, once each, never its own organisation, with a valid e-mail", async () => {
    const partnerAudit = async () =>
      t.db.select().from(auditLog).where(eq(auditLog.entityType, "initiative_partner")).orderBy(auditLog.seq);
    const auditedBefore = (await partnerAudit()).length;
    const initiativeId = await newInitiative("Parter som valideras");
    const partners = `/api/v1/initiatives/${initiativeId}/partners`;
    const org = await pl.post(partners, { kind: "organisation", organisationNumber: w.orgB.number });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({ kind: "organisation", organisationId: w.orgB.id, name: "Region Västernorrland" });
    expect((await pl.post(partners, { kind: "organisation", organisationNumber: w.orgB.number })).json()).toMatchObject({
      code: "ALREADY_EXISTS",
      fields: [{ path: "organisationNumber", code: "partner_duplicate" }],
    });
    expect((await pl.post(partners, { kind: "organisation", organisationNumber: w.orgA.number })).json()).toMatchObject({
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
    const kim = await pl.post(partners, { kind: "external", name: "Kim Konsult", email: "Kim@Formedlare.example" });
    expect(kim.statusCode).toBe(201);
    expect((await pl.post(partners, { kind: "external", name: "Kim igen", email: "kim@formedlare.example" })).statusCode).toBe(409);

    const listed = (await pl.get(partners)).json() as { partners: { id: string; name: string }[]; canManage: boolean };
    expect(listed.partners.map((p) => p.name)).toEqual(["Region Västernorrland", "Kim Konsult"]);
    expect(listed.canManage).toBe(true);
    const reader = await apiAs(t.app, w.emails.readerA);
    expect((await reader.get(partners)).json()).toMatchObject({ canManage: false });
    expect((await reader.post(partners, { kind: "external", name: "X", email: "x@example.org" })).statusCode).toBe(403);
    expect((await plB.get(partners)).statusCode).toBe(404);

    const kimId = (kim.json() as { id: string }).id;
    expect((await pl.delete(`${partners}/${kimId}`)).statusCode).toBe(204);
    expect((await pl.delete(`${partners}/${kimId}`)).statusCode).toBe(404);
    const audited = (await partnerAudit()).slice(auditedBefore);
    expect(audited.map((a) => a.action)).toEqual(["initiative.partner.add", "initiative.partner.add", "initiative.partner.remove"]);
  });
});
