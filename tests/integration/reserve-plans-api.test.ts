import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, reservePlans } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { ReservePlan, ReservePlanItem, ReservePlanList } from "../../src/http/routes/risks/reserve-plans.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** The reserve-operation plans (reservdrift) of issue 12: per flow or all flows, kept by the team, read by every member. */
describe("reserve-operation plans API", () => {
  const world = useTestWorld();
  const paper = {
    outage: "mina_meddelanden",
    duration: "lang",
    fallbackAfterHours: 48,
    fallback: "Papperspost via tryckeriet",
    decidedBy: "Förvaltningsledaren",
  };
  const stored = (initiativeId: string) => world.db.select().from(reservePlans).where(eq(reservePlans.initiativeId, initiativeId));
  const newFlow = async (initiativeId: string, name = "Beslut om bygglov") =>
    postJson(
      await world.loginAs("plA"),
      `/api/v1/initiatives/${initiativeId}/flows`,
      { name, recipientType: "privatperson", annualVolume: 1200 },
      Flow,
    );

  it("adds plans for a flow and for all flows, lists them with the flows still without one, replaces and removes them, auditing each", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Reservdrift" });
    const [bygglov, fakturor] = [await newFlow(id), await newFlow(id, "Fakturor")];
    const url = `/api/v1/initiatives/${id}/reserve-plans`;
    expect((await getJson(pl, url, ReservePlanList)).missingFlowIds.sort()).toEqual([bygglov.id, fakturor.id].sort());

    const forFlow = await postJson(pl, url, { ...paper, flowId: bygglov.id }, ReservePlan);
    expect(forFlow).toMatchObject({ ...paper, flowId: bygglov.id, initiativeId: id });
    const listed = await getJson(pl, url, ReservePlanList);
    expect(listed).toMatchObject({ canManage: true, missingFlowIds: [fakturor.id] });
    expect(listed.flows.map((f) => f.name)).toEqual(["Beslut om bygglov", "Fakturor"]);

    const shared = await postJson(pl, url, { outage: "egen_integration", duration: "kort", fallback: "Vänta" }, ReservePlan);
    expect(shared).toMatchObject({ flowId: null, fallbackAfterHours: null, decidedBy: "" });
    expect((await getJson(pl, url, ReservePlanList)).missingFlowIds).toEqual([]);

    const replaced = parseBody(
      await pl.put(`/api/v1/reserve-plans/${forFlow.id}`, { outage: "mina_meddelanden", duration: "kort", fallback: "Vänta en dag" }),
      ReservePlan,
    );
    expect(replaced).toMatchObject({ flowId: null, duration: "kort", fallbackAfterHours: null, decidedBy: "" });
    expect(await getJson(pl, `/api/v1/reserve-plans/${forFlow.id}`, ReservePlanItem)).toMatchObject({
      fallback: "Vänta en dag",
      canManage: true,
    });
    expect((await pl.delete(`/api/v1/reserve-plans/${shared.id}`)).statusCode).toBe(204);
    expect((await pl.get(`/api/v1/reserve-plans/${shared.id}`)).statusCode).toBe(404);

    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.organisationId, world.orgA.id)))
      .filter((e) => e.entityType === "reserve_plan")
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["reserve_plan.create", "reserve_plan.create", "reserve_plan.update", "reserve_plan.delete"]),
    );
  });

  it("refuses bad input with the field path and saves nothing", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Felaktig reservdrift" });
    const other = await world.seedInitiative({ name: "Annat initiativ" });
    const foreignFlow = await newFlow(other.id);
    const url = `/api/v1/initiatives/${id}/reserve-plans`;
    const cases: [unknown, string][] = [
      [{ ...paper, outage: "elavbrott" }, "outage"],
      [{ ...paper, duration: "medel" }, "duration"],
      [{ ...paper, fallbackAfterHours: -1 }, "fallbackAfterHours"],
      [{ ...paper, fallbackAfterHours: 8761 }, "fallbackAfterHours"],
      [{ ...paper, fallbackAfterHours: 1.5 }, "fallbackAfterHours"],
      [{ ...paper, fallbackAfterHours: "två" }, "fallbackAfterHours"],
      [{ ...paper, fallback: " " }, "fallback"],
      [{ ...paper, fallback: undefined }, "fallback"],
      [{ ...paper, flowId: "inte-ett-id" }, "flowId"],
      [{ ...paper, flowId: foreignFlow.id }, "flowId"],
    ];
    for (const [body, path] of cases) {
      const res = await pl.post(url, body);
      expect(res.statusCode, path).toBe(400);
      expect(
        parseBody(res, ErrorBody, 400).fields?.map((f) => f.path),
        path,
      ).toContain(path);
    }
    const plan = await postJson(pl, url, paper, ReservePlan);
    const put = await pl.put(`/api/v1/reserve-plans/${plan.id}`, { ...paper, fallbackAfterHours: 9000 });
    expect(put.statusCode).toBe(400);
    expect(parseBody(put, ErrorBody, 400).fields?.map((f) => f.path)).toContain("fallbackAfterHours");
    expect((await stored(id)).map((r) => r.fallbackAfterHours)).toEqual([48]);
  });

  it("lets the team write, a läsare read, and hides the plans from another organisation", async () => {
    const [consultant, reader, plB] = [await world.loginAs("consultant"), await world.loginAs("readerA"), await world.loginAs("plB")];
    const { id } = await world.seedInitiative({ name: "Roller i reservdriften" });
    const url = `/api/v1/initiatives/${id}/reserve-plans`;
    const plan = await postJson(consultant, url, paper, ReservePlan);
    expect((await getJson(reader, url, ReservePlanList)).canManage).toBe(false);
    expect((await getJson(reader, `/api/v1/reserve-plans/${plan.id}`, ReservePlanItem)).canManage).toBe(false);
    expect((await reader.post(url, paper)).statusCode).toBe(403);
    expect((await reader.put(`/api/v1/reserve-plans/${plan.id}`, paper)).statusCode).toBe(403);
    expect((await reader.delete(`/api/v1/reserve-plans/${plan.id}`)).statusCode).toBe(403);
    for (const res of [
      await plB.get(url),
      await plB.post(url, paper),
      await plB.get(`/api/v1/reserve-plans/${plan.id}`),
      await plB.put(`/api/v1/reserve-plans/${plan.id}`, paper),
      await plB.delete(`/api/v1/reserve-plans/${plan.id}`),
    ])
      expect(res.statusCode).toBe(404);
    expect(await stored(id)).toHaveLength(1);
  });

  it("audits several changes to one plan at once as a chain, and stores the last", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidig reservdrift" });
    const plan = await postJson(pl, `/api/v1/initiatives/${id}/reserve-plans`, paper, ReservePlan);
    const hours = [1, 2, 3, 4, 5];
    const answers = await Promise.all(
      hours.map((h, i) => (i % 2 ? consultant : pl).put(`/api/v1/reserve-plans/${plan.id}`, { ...paper, fallbackAfterHours: h })),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(hours.length);
    const entries = (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, "reserve_plan.update")))
    ).sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(entries).toHaveLength(hours.length);
    const hoursOf = (state: unknown) => (state as { fallbackAfterHours: number } | null | undefined)?.fallbackAfterHours;
    expect(hoursOf(entries[0]?.before)).toBe(48);
    for (let k = 1; k < entries.length; k++) expect(hoursOf(entries[k]?.before)).toBe(hoursOf(entries[k - 1]?.after));
    const [row] = await stored(id);
    expect(row?.fallbackAfterHours).toBe(hoursOf(entries.at(-1)?.after));
  });
});
