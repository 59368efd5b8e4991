import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, initiatives, messageFlows } from "../../src/db/schema.ts";
import { DEFAULT_COST_PER_LETTER_SEK } from "../../src/domain/flows/flow-input.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Flow, FlowList } from "../../src/http/routes/flows/flows.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** The meddelandeflöden API of issue 11: stored as the contract names them, written by the team, read by every member. */
describe("message flows API", () => {
  const world = useTestWorld();

  const bygglov = {
    name: "Beslut om bygglov",
    recipientType: "privatperson",
    annualVolume: 12_000,
    seasonality: [0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1],
    costPerLetterSek: 21.5,
    plannedTestDate: "2027-03-01",
    plannedProductionDate: "2027-06-01",
    tactic: "formedlare",
    status: "prioriterad",
  };

  const storedFlows = (initiativeId: string) => world.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, initiativeId));

  it("creates a flow with every field, lists it, reads, replaces and deletes it", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Flöden" });
    const created = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { ...bygglov, sourceSystem: "Castor", needsReceipts: true, informationSecurityClass: "K2" },
      Flow,
    );
    expect(created).toMatchObject({
      ...bygglov,
      initiativeId: initiative.id,
      sourceSystem: "Castor",
      needsReceipts: true,
      needsReplies: false,
    });
    expect(created.informationSecurityClass).toBe("K2");
    expect(created.createdBy).toBe(world.users.plA);

    const list = await getJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, FlowList);
    expect(list).toEqual({ flows: [created], canManage: true });
    expect(await getJson(pl, `/api/v1/flows/${created.id}`, Flow)).toEqual(created);

    const replaced = parseBody(
      await pl.put(`/api/v1/flows/${created.id}`, {
        name: "Beslut om bygglov och marklov",
        recipientType: "blandat",
        annualVolume: 15_000,
      }),
      Flow,
    );
    // PUT replaces the whole flow: what it leaves out is back at its default.
    expect(replaced).toMatchObject({
      id: created.id,
      name: "Beslut om bygglov och marklov",
      recipientType: "blandat",
      annualVolume: 15_000,
      costPerLetterSek: DEFAULT_COST_PER_LETTER_SEK,
      tactic: null,
      plannedTestDate: null,
      status: "identifierad",
      createdAt: created.createdAt,
    });
    expect(replaced.seasonality).toHaveLength(12);
    expect(replaced.seasonality.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);

    expect((await pl.delete(`/api/v1/flows/${created.id}`)).statusCode).toBe(204);
    expect((await pl.get(`/api/v1/flows/${created.id}`)).statusCode).toBe(404);
    expect(await storedFlows(initiative.id)).toEqual([]);
  });

  it("gives a flow with only the required fields the documented defaults", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Standardvärden" });
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Kallelse till utvecklingssamtal", recipientType: "foretag", annualVolume: 0 },
      Flow,
    );
    expect(flow).toMatchObject({
      costPerLetterSek: 15,
      status: "identifierad",
      tactic: null,
      plannedTestDate: null,
      plannedProductionDate: null,
      informationSecurityClass: null,
      description: "",
    });
    expect(flow.seasonality).toEqual(Array.from({ length: 12 }, () => 1 / 12));
  });

  it("allows a production date before the initiative existed: a flow already connected", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Redan anslutet" });
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { ...bygglov, plannedTestDate: "2019-01-15", plannedProductionDate: "2019-02-01", status: "i_produktion" },
      Flow,
    );
    expect(flow.plannedProductionDate).toBe("2019-02-01");
  });

  const twelve = (share: number) => Array.from({ length: 12 }, () => share);
  const BAD_INPUT: [string, Record<string, unknown>, string, string][] = [
    ["eleven months of seasonality", { seasonality: twelve(1 / 11).slice(0, 11) }, "seasonality", "seasonality_months"],
    ["thirteen months of seasonality", { seasonality: [...twelve(1 / 13), 1 / 13] }, "seasonality", "seasonality_months"],
    ["seasonality that is not numbers", { seasonality: [...twelve(1 / 12).slice(0, 11), "1/12"] }, "seasonality.11", "number"],
    ["a negative month", { seasonality: [-0.1, 0.2, ...twelve(0.09).slice(0, 10)] }, "seasonality.0", "negative"],
    ["shares summing to 0.9", { seasonality: twelve(0.075) }, "seasonality", "seasonality_sum"],
    ["shares summing to 1.002", { seasonality: [0.082, ...twelve(0.0838181818).slice(0, 11)] }, "seasonality", "seasonality_sum"],
    ["a negative annual volume", { annualVolume: -1 }, "annualVolume", "negative"],
    ["a fractional annual volume", { annualVolume: 1200.5 }, "annualVolume", "whole_number"],
    ["an annual volume above 10⁹", { annualVolume: 1_000_000_001 }, "annualVolume", "too_large"],
    ["an annual volume as text", { annualVolume: "12000" }, "annualVolume", "number"],
    ["an impossible test date", { plannedTestDate: "2027-02-30" }, "plannedTestDate", "date"],
    ["an impossible production date", { plannedProductionDate: "2027-13-01" }, "plannedProductionDate", "date"],
    [
      "a test after production",
      { plannedTestDate: "2027-07-01", plannedProductionDate: "2027-06-01" },
      "plannedTestDate",
      "test_after_production",
    ],
    ["an unknown recipient type", { recipientType: "kommun" }, "recipientType", "invalid_choice"],
    ["an unknown tactic", { tactic: "fax" }, "tactic", "invalid_choice"],
    ["an unknown status", { status: "klar" }, "status", "invalid_choice"],
    ["a negative cost per letter", { costPerLetterSek: -2 }, "costPerLetterSek", "negative"],
    ["no name", { name: " " }, "name", "required"],
  ];

  for (const [what, change, path, code] of BAD_INPUT) {
    it(`refuses ${what} with 400 naming ${path}, and stores nothing`, async () => {
      const pl = await world.loginAs("plA");
      const initiative = await world.seedInitiative({ name: `Fel: ${what}` });
      const created = parseBody(await pl.post(`/api/v1/initiatives/${initiative.id}/flows`, { ...bygglov, ...change }), ErrorBody, 400);
      expect(created.code).toBe("VALIDATION_FAILED");
      expect(created.fields).toContainEqual(expect.objectContaining({ path, code }));
      expect(await storedFlows(initiative.id)).toEqual([]);

      // The same input refused on a change, and the flow as it was.
      const flow = await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, bygglov, Flow);
      const changed = parseBody(await pl.put(`/api/v1/flows/${flow.id}`, { ...bygglov, ...change }), ErrorBody, 400);
      expect(changed.fields).toContainEqual(expect.objectContaining({ path, code }));
      expect(await getJson(pl, `/api/v1/flows/${flow.id}`, Flow)).toEqual(flow);
    });
  }

  it("lets the projektledare and a deltagare write, a läsare read only, and hides the flows from another organisation", async () => {
    const initiative = await world.seedInitiative({ name: "Roller" });
    const [pl, consultant, reader, plB] = await Promise.all([
      world.loginAs("plA"),
      world.loginAs("consultant"),
      world.loginAs("readerA"),
      world.loginAs("plB"),
    ]);
    const url = `/api/v1/initiatives/${initiative.id}/flows`;
    const byPl = await postJson(pl, url, bygglov, Flow);
    const byConsultant = await postJson(consultant, url, { ...bygglov, name: "Fakturor" }, Flow);
    expect(byConsultant.createdBy).toBe(world.users.consultant);
    expect(parseBody(await consultant.put(`/api/v1/flows/${byPl.id}`, { ...bygglov, annualVolume: 1 }), Flow).annualVolume).toBe(1);

    expect(await getJson(reader, url, FlowList)).toMatchObject({ canManage: false, flows: [{ id: byPl.id }, { id: byConsultant.id }] });
    expect((await getJson(reader, `/api/v1/flows/${byPl.id}`, Flow)).id).toBe(byPl.id);
    expect((await reader.post(url, bygglov)).statusCode).toBe(403);
    expect((await reader.put(`/api/v1/flows/${byPl.id}`, bygglov)).statusCode).toBe(403);
    expect((await reader.delete(`/api/v1/flows/${byPl.id}`)).statusCode).toBe(403);

    for (const res of [
      await plB.get(url),
      await plB.post(url, bygglov),
      await plB.get(`/api/v1/flows/${byPl.id}`),
      await plB.put(`/api/v1/flows/${byPl.id}`, bygglov),
      await plB.delete(`/api/v1/flows/${byPl.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(bygglov.name);
    }
    expect((await storedFlows(initiative.id)).map((f) => f.annualVolume).sort()).toEqual([1, 12_000]);
  });

  it("audits every write with the flow before and after", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Granskning" });
    const flow = await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, bygglov, Flow);
    const changed = parseBody(await pl.put(`/api/v1/flows/${flow.id}`, { ...bygglov, annualVolume: 20_000 }), Flow);
    expect((await pl.delete(`/api/v1/flows/${flow.id}`)).statusCode).toBe(204);

    const entries = await world.db.select().from(auditLog).where(eq(auditLog.entityId, flow.id)).orderBy(asc(auditLog.seq));
    expect(entries.map((e) => [e.action, e.entityType, e.actorUserId, e.organisationId])).toEqual([
      ["message_flow.create", "message_flow", world.users.plA, world.orgA.id],
      ["message_flow.update", "message_flow", world.users.plA, world.orgA.id],
      ["message_flow.delete", "message_flow", world.users.plA, world.orgA.id],
    ]);
    const Snapshot = Flow.partial();
    expect(Snapshot.parse(entries[0]?.after)).toMatchObject({ annualVolume: 12_000, name: bygglov.name });
    expect(Snapshot.parse(entries[1]?.before).annualVolume).toBe(12_000);
    expect(Snapshot.parse(entries[1]?.after).annualVolume).toBe(changed.annualVolume);
    expect(Snapshot.parse(entries[2]?.before).annualVolume).toBe(20_000);
    expect(entries[2]?.after).toBeNull();

    // A refused write leaves no entry.
    const flowEntries = async () => (await world.db.select().from(auditLog).where(eq(auditLog.entityType, "message_flow"))).length;
    const before = await flowEntries();
    expect((await pl.post(`/api/v1/initiatives/${initiative.id}/flows`, { ...bygglov, annualVolume: -1 })).statusCode).toBe(400);
    expect(await flowEntries()).toBe(before);
  });

  it("removes an initiative's flows with the initiative", async () => {
    const initiative = await world.seedInitiative({ name: "Kaskad" });
    const pl = await world.loginAs("plA");
    await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, bygglov, Flow);
    await world.db.delete(initiatives).where(eq(initiatives.id, initiative.id));
    expect(await storedFlows(initiative.id)).toEqual([]);
  });
});
