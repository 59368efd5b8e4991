import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, communicationRecipients, initiativePartners } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { CommunicationList, CommunicationRead } from "../../src/http/routes/communications/communications.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { Partner } from "../../src/http/routes/partners/partners.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { apiAs, PASSWORD } from "../support/test-app.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Two people naming the same samverkanspart at once, and several readers of one organisation
 * marking the same message read at once: every 2xx is what is stored, and the audit records only
 * what happened. PGlite runs one transaction at a time, so there these pass trivially.
 */
describe("concurrent partners and readings", () => {
  const world = useTestWorld();
  // A second projektledare of organisation A, so two different people act at once.
  beforeAll(async () => {
    await createUser({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "pl2-a@test.example",
        name: "pl2-a",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: world.orgA.number as OrganisationNumber, roles: ["projektledare"] },
      },
    });
  });

  const secondProjektledare = () => apiAs(world.app, "pl2-a@test.example");
  const partnersUrl = (initiativeId: string) => `/api/v1/initiatives/${initiativeId}/partners`;
  const audited = async (action: string) => (await world.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

  it("adds a partner named by several people at the same moment exactly once", async () => {
    const [pl, pl2] = [await world.loginAs("plA"), await secondProjektledare()];
    const { id: initiativeId } = await world.seedInitiative({ name: "Samtidiga parter" });
    const auditedBefore = await audited("initiative.partner.add");
    const bodies = [
      { kind: "organisation", organisationNumber: world.orgB.number },
      { kind: "external", name: "Kim Konsult", email: "kim@formedlare.example" },
    ];
    for (const body of bodies) {
      const answers = await Promise.all([pl, pl2, pl, pl2].map((who) => who.post(partnersUrl(initiativeId), body)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
      for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: "ALREADY_EXISTS" });
    }
    const rows = await world.db.select().from(initiativePartners).where(eq(initiativePartners.initiativeId, initiativeId));
    expect(rows).toHaveLength(2);
    expect(await audited("initiative.partner.add")).toBe(auditedBefore + 2);
  });

  it("records one reading when several readers of the recipient mark a message read at once", async () => {
    const [pl, pl2, va] = [await world.loginAs("plA"), await secondProjektledare(), await world.loginAs("vaA")];
    const { id: initiativeId } = await world.seedInitiative({ name: "Samtidiga läsningar", ready: true });
    // B is a samverkanspart, so it receives its own copy of the partners' message.
    await postJson(pl, partnersUrl(initiativeId), { kind: "organisation", organisationNumber: world.orgB.number }, Partner);
    await postJson(va, `/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"), DecisionWithCommunications);
    const readers = [pl, pl2, await world.loginAs("readerA"), await world.loginAs("sgA")];
    const inbox = await getJson(pl, "/api/v1/communications", CommunicationList);
    const own = inbox.communications.find((c) => c.audience === "own_organisation" && c.initiativeId === initiativeId);
    if (!own) throw new Error("no message to the own organisation");

    const readsBefore = await audited("communication.read");
    const answers = await Promise.all(readers.map((r) => r.post(`/api/v1/communications/${own.id}/read`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const readAts = new Set(answers.map((a) => parseBody(a, CommunicationRead).readAt));
    expect(readAts.size).toBe(1);
    const [stored] = await world.db
      .select()
      .from(communicationRecipients)
      .where(and(eq(communicationRecipients.communicationId, own.id), eq(communicationRecipients.organisationId, world.orgA.id)));
    expect(stored?.readAt?.toISOString()).toBe([...readAts][0]);
    expect(await audited("communication.read")).toBe(readsBefore + 1);

    // B, a samverkanspart, reads its own copy of the partners' message; A's reading did not touch it.
    const theirs = await getJson(await world.loginAs("plB"), "/api/v1/communications", CommunicationList);
    expect(theirs.communications.filter((c) => c.subject.includes("Samtidiga läsningar")).map((c) => c.status)).toEqual(["sent"]);
  });
});
