import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, communicationRecipients, initiativePartners } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, PASSWORD, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Two people naming the same samverkanspart at once, and several readers of one organisation
 * marking the same message read at once: every 2xx is what is stored, and the audit records only
 * what happened. PGlite runs one transaction at a time, so there these pass trivially.
 */
describe("concurrent partners and readings", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let pl2: Api;
  let initiativeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "pl2-a@test.example",
        name: "pl2-a",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: w.orgA.number as OrganisationNumber, roles: ["projektledare"] },
      },
    });
    pl = await apiAs(t.app, w.emails.plA);
    pl2 = await apiAs(t.app, "pl2-a@test.example");
    const res = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Samtidiga parter" });
    expect(res.statusCode).toBe(201);
    initiativeId = (res.json() as { id: string }).id;
  });
  afterAll(async () => t.close());

  const partnersUrl = () => `/api/v1/initiatives/${initiativeId}/partners`;
  const audited = async (action: string) => (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

  it("adds a partner named by several people at the same moment exactly once", async () => {
    const bodies = [
      { kind: "organisation", organisationNumber: w.orgB.number },
      { kind: "external", name: "Kim Konsult", email: "kim@formedlare.example" },
    ];
    for (const body of bodies) {
      const answers = await Promise.all([pl, pl2, pl, pl2].map((who) => who.post(partnersUrl(), body)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
      for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: "ALREADY_EXISTS" });
    }
    const rows = await t.db.select().from(initiativePartners).where(eq(initiativePartners.initiativeId, initiativeId));
    expect(rows).toHaveLength(2);
    expect(await audited("initiative.partner.add")).toBe(2);
  });

  it("records one reading when several readers of the recipient mark a message read at once", async () => {
    const va = await apiAs(t.app, w.emails.vaA);
    await prepareMilestone(pl, initiativeId, "I", va);
    expect((await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const readers = [pl, pl2, await apiAs(t.app, w.emails.readerA), await apiAs(t.app, w.emails.sgA)];
    const inbox = (await pl.get("/api/v1/communications")).json() as { communications: { id: string; audience: string }[] };
    const own = inbox.communications.find((c) => c.audience === "own_organisation");
    if (!own) throw new Error("no message to the own organisation");

    const answers = await Promise.all(readers.map((r) => r.post(`/api/v1/communications/${own.id}/read`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const readAts = new Set(answers.map((a) => (a.json() as { readAt: string }).readAt));
    expect(readAts.size).toBe(1);
    const [stored] = await t.db
      .select()
      .from(communicationRecipients)
      .where(and(eq(communicationRecipients.communicationId, own.id), eq(communicationRecipients.organisationId, w.orgA.id)));
    expect(stored?.readAt?.toISOString()).toBe([...readAts][0]);
    expect(await audited("communication.read")).toBe(1);

    // B, a samverkanspart, reads its own copy of the partners' message; A's reading did not touch it.
    const plB = await apiAs(t.app, w.emails.plB);
    const theirs = (await plB.get("/api/v1/communications")).json() as { communications: { id: string; status: string }[] };
    expect(theirs.communications.map((c) => c.status)).toEqual(["sent"]);
  });
});
