import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, tacticAlternatives } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { TacticAlternative, TacticAlternativeList } from "../../src/http/routes/tactics/tactics.schema.ts";
import { apiAs, PASSWORD } from "../support/test-app.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** Issue 11: connection-tactic alternatives, compared against doing nothing, one recommended with its reason. */
describe("connection-tactic alternatives API", () => {
  const world = useTestWorld();
  beforeAll(async () => {
    await createUser({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "pl2-tactics@test.example",
        name: "pl2-tactics",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: world.orgA.number as OrganisationNumber, roles: ["projektledare"] },
      },
    });
  });

  const tacticsUrl = (id: string) => `/api/v1/initiatives/${id}/tactics`;
  const stored = (initiativeId: string) =>
    world.db
      .select()
      .from(tacticAlternatives)
      .where(eq(tacticAlternatives.initiativeId, initiativeId))
      .orderBy(asc(tacticAlternatives.createdAt));
  const formedlare = {
    tactic: "formedlare",
    name: "Via förmedlare",
    description: "Avtal med en förmedlare via Adda",
    oneOffCostSek: 50_000,
    annualCostSek: 60_000,
    leadTimeMonths: 4,
    risks: "Beroende av leverantör",
  };

  async function initiativeWithFlow(name: string) {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name });
    // In production since 2020: every month of the forecast's five years is digital at the reach curve's share.
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2020-01-01" },
      Flow,
    );
    return { pl, initiative, flow };
  }

  it("adds, lists with the comparison, reads, replaces and removes an alternative", async () => {
    const { pl, initiative, flow } = await initiativeWithFlow("Taktiker");
    const reader = await world.loginAs("readerA");
    const inget = await postJson(
      pl,
      tacticsUrl(initiative.id),
      { tactic: "inget", name: "Fortsätt med papper", annualCostSek: 10_000 },
      TacticAlternative,
    );
    const created = await postJson(pl, tacticsUrl(initiative.id), { ...formedlare, flowIds: [flow.id] }, TacticAlternative);
    expect(created).toMatchObject({
      ...formedlare,
      flowIds: [flow.id],
      fiveYearCostSek: 350_000,
      recommended: false,
      createdBy: world.users.plA,
    });

    const list = await getJson(reader, tacticsUrl(initiative.id), TacticAlternativeList);
    expect(list.canManage).toBe(false);
    expect(list.alternatives).toEqual([inget, created]);
    expect(list.comparison).toMatchObject({ months: 60, baselineId: inget.id });
    const [baseline, compared] = list.comparison.alternatives;
    expect(baseline).toMatchObject({ alternativeId: inget.id, fiveYearCostSek: 50_000, digitalMessages: 0, difference: null });
    // Five years of a flow of 12 000 letters a year, digital at the reach curve's share (0.75–0.87).
    expect(compared?.digitalMessages).toBeGreaterThan(0.7 * 60_000);
    expect(compared?.digitalMessages).toBeLessThan(0.9 * 60_000);
    expect(compared?.flows).toEqual([
      { flowId: flow.id, name: "Beslut om bygglov", annualVolume: 12_000, digitalMessages: compared?.digitalMessages },
    ]);
    expect(compared?.costPerDigitalMessageSek).toBeCloseTo(350_000 / (compared?.digitalMessages ?? 1), 2);
    expect(compared?.difference).toMatchObject({ fiveYearCostSek: 300_000, digitalMessages: compared?.digitalMessages });

    expect(await getJson(reader, `/api/v1/tactics/${created.id}`, TacticAlternative)).toEqual(created);
    const replaced = parseBody(
      await pl.put(`/api/v1/tactics/${created.id}`, { tactic: "egen_integration", name: "Egen integration" }),
      TacticAlternative,
    );
    // PUT replaces the whole alternative: what it leaves out is back at its default.
    expect(replaced).toMatchObject({
      tactic: "egen_integration",
      oneOffCostSek: 0,
      leadTimeMonths: null,
      flowIds: [],
      createdAt: created.createdAt,
    });

    expect((await pl.delete(`/api/v1/tactics/${created.id}`)).statusCode).toBe(204);
    expect((await pl.get(`/api/v1/tactics/${created.id}`)).statusCode).toBe(404);
    expect((await stored(initiative.id)).map((a) => a.id)).toEqual([inget.id]);
  });

  it("keeps one alternative recommended: recommending another withdraws the first, each change audited", async () => {
    const { pl, initiative } = await initiativeWithFlow("Rekommendation");
    const a = await postJson(
      pl,
      tacticsUrl(initiative.id),
      { ...formedlare, recommended: true, recommendationReason: "Billigast" },
      TacticAlternative,
    );
    const b = await postJson(pl, tacticsUrl(initiative.id), { tactic: "egen_integration", name: "Egen" }, TacticAlternative);
    expect(a.recommended).toBe(true);

    const recommended = parseBody(
      await pl.put(`/api/v1/tactics/${b.id}`, {
        tactic: "egen_integration",
        name: "Egen",
        recommended: true,
        recommendationReason: "Snabbast",
      }),
      TacticAlternative,
    );
    expect(recommended).toMatchObject({ recommended: true, recommendationReason: "Snabbast" });
    expect(await getJson(pl, `/api/v1/tactics/${a.id}`, TacticAlternative)).toMatchObject({ recommended: false, recommendationReason: "" });
    expect((await stored(initiative.id)).filter((r) => r.recommended).map((r) => r.id)).toEqual([b.id]);

    const withdrawn = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, "tactic_alternative.unrecommend")));
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]?.after).toMatchObject({ recommended: false, replacedBy: b.id });

    // A new alternative recommended on creation takes the recommendation too.
    const c = await postJson(
      pl,
      tacticsUrl(initiative.id),
      { tactic: "inget", name: "Inget", recommended: true, recommendationReason: "Ingen budget" },
      TacticAlternative,
    );
    expect((await stored(initiative.id)).filter((r) => r.recommended).map((r) => r.id)).toEqual([c.id]);
  });

  it("stores the largest cost numeric(14,2) holds, one-off and annual", async () => {
    const { pl, initiative } = await initiativeWithFlow("Taktik med största kostnaden");
    const largest = { ...formedlare, oneOffCostSek: 999_999_999_999, annualCostSek: 999_999_999_999 };
    const created = await postJson(pl, tacticsUrl(initiative.id), largest, TacticAlternative);
    expect([created.oneOffCostSek, created.annualCostSek]).toEqual([999_999_999_999, 999_999_999_999]);
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    ["a recommendation without reason", { recommended: true }, "recommendationReason", "required"],
    ["a recommendation with a blank reason", { recommended: true, recommendationReason: " " }, "recommendationReason", "required"],
    ["an unknown tactic", { tactic: "fax" }, "tactic", "invalid_choice"],
    ["no name", { name: "" }, "name", "required"],
    ["a negative one-off cost", { oneOffCostSek: -1 }, "oneOffCostSek", "negative"],
    ["a negative annual cost", { annualCostSek: -0.01 }, "annualCostSek", "negative"],
    ["a cost as text", { annualCostSek: "1000" }, "annualCostSek", "number"],
    // One past what numeric(14,2) holds: refused at the edge, never a 500 from the database.
    ["a cost of a trillion", { oneOffCostSek: 1_000_000_000_000 }, "oneOffCostSek", "too_large"],
    ["a lead time over 240 months", { leadTimeMonths: 241 }, "leadTimeMonths", "too_large"],
    ["a fractional lead time", { leadTimeMonths: 1.5 }, "leadTimeMonths", "whole_number"],
    ["a flow id that is no uuid", { flowIds: ["bygglov"] }, "flowIds.0", "invalid_id"],
  ];
  for (const [what, change, path, code] of BAD) {
    it(`refuses ${what} with 400 at ${path} on create and on change, and stores nothing`, async () => {
      const { pl, initiative } = await initiativeWithFlow(`Taktik fel: ${what}`);
      const refused = parseBody(await pl.post(tacticsUrl(initiative.id), { ...formedlare, ...change }), ErrorBody, 400);
      expect(refused.fields).toContainEqual(expect.objectContaining({ path, code }));
      expect(await stored(initiative.id)).toEqual([]);
      const alternative = await postJson(pl, tacticsUrl(initiative.id), formedlare, TacticAlternative);
      const changed = parseBody(await pl.put(`/api/v1/tactics/${alternative.id}`, { ...formedlare, ...change }), ErrorBody, 400);
      expect(changed.fields).toContainEqual(expect.objectContaining({ path, code }));
      expect(await getJson(pl, `/api/v1/tactics/${alternative.id}`, TacticAlternative)).toEqual(alternative);
    });
  }

  it("refuses a flow of another initiative at its index in flowIds, and stores nothing", async () => {
    const { pl, initiative, flow } = await initiativeWithFlow("Egna flöden");
    const other = await initiativeWithFlow("Andras flöden");
    const refused = parseBody(
      await pl.post(tacticsUrl(initiative.id), { ...formedlare, flowIds: [flow.id, other.flow.id] }),
      ErrorBody,
      400,
    );
    expect(refused.fields).toEqual([expect.objectContaining({ path: "flowIds.1", code: "unknown_flow" })]);
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("lets the team write, a läsare read, and hides the alternatives from another organisation", async () => {
    const { pl, initiative } = await initiativeWithFlow("Taktik roller");
    const [consultant, reader, plB] = [await world.loginAs("consultant"), await world.loginAs("readerA"), await world.loginAs("plB")];
    const alternative = await postJson(pl, tacticsUrl(initiative.id), formedlare, TacticAlternative);
    expect((await postJson(consultant, tacticsUrl(initiative.id), formedlare, TacticAlternative)).createdBy).toBe(world.users.consultant);
    expect((await reader.post(tacticsUrl(initiative.id), formedlare)).statusCode).toBe(403);
    expect((await reader.put(`/api/v1/tactics/${alternative.id}`, formedlare)).statusCode).toBe(403);
    expect((await reader.delete(`/api/v1/tactics/${alternative.id}`)).statusCode).toBe(403);
    for (const res of [
      await plB.get(tacticsUrl(initiative.id)),
      await plB.post(tacticsUrl(initiative.id), formedlare),
      await plB.get(`/api/v1/tactics/${alternative.id}`),
      await plB.put(`/api/v1/tactics/${alternative.id}`, formedlare),
      await plB.delete(`/api/v1/tactics/${alternative.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(formedlare.name);
    }
    expect(await stored(initiative.id)).toHaveLength(2);
  });

  it("stores exactly one recommendation when two people recommend different alternatives at once, and both answers were true when given", async () => {
    const { pl, initiative } = await initiativeWithFlow("Samtidiga rekommendationer");
    const pl2 = await apiAs(world.app, "pl2-tactics@test.example");
    for (let round = 0; round < 5; round++) {
      const a = await postJson(pl, tacticsUrl(initiative.id), { ...formedlare, name: `A${round}` }, TacticAlternative);
      const b = await postJson(pl, tacticsUrl(initiative.id), { ...formedlare, name: `B${round}` }, TacticAlternative);
      const auditedBefore = (await world.db.select().from(auditLog).where(eq(auditLog.action, "tactic_alternative.unrecommend"))).length;
      const answers = await Promise.all([
        pl.put(`/api/v1/tactics/${a.id}`, { ...formedlare, name: `A${round}`, recommended: true, recommendationReason: "A är bäst" }),
        pl2.put(`/api/v1/tactics/${b.id}`, { ...formedlare, name: `B${round}`, recommended: true, recommendationReason: "B är bäst" }),
      ]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
      for (const r of answers) expect(TacticAlternative.parse(r.json()).recommended).toBe(true);
      const recommended = (await stored(initiative.id)).filter((r) => r.recommended);
      expect(recommended).toHaveLength(1);
      expect([a.id, b.id]).toContain(recommended[0]?.id);
      // The one that lost its recommendation was withdrawn by the other, in the audit, exactly once
      // (from the second round on the previous round's winner is withdrawn as well).
      const withdrawn = await world.db.select().from(auditLog).where(eq(auditLog.action, "tactic_alternative.unrecommend"));
      expect(withdrawn.length - auditedBefore).toBe(round === 0 ? 1 : 2);
      const loser = recommended[0]?.id === a.id ? b.id : a.id;
      expect(withdrawn.filter((e) => e.entityId === loser)).toHaveLength(1);
    }
  });
});
