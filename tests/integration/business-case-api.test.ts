import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, businessCases } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { BusinessCaseBody } from "../../src/http/routes/business-case/business-case.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** The discount rate recorded in an audit entry's before or after. */
const rateIn = (state: unknown) => (state as { discountRate: number } | null | undefined)?.discountRate;

/** The business case API of issue 12: stated by the team, computed benefits from the flows' forecast. */
describe("business case API", () => {
  const world = useTestWorld();

  const stated = {
    startYear: 2027,
    horizonYears: 3,
    discountRate: 0.03,
    costs: [
      { category: "utveckling", year: 2027, low: 80_000, expected: 100_000, high: 150_000 },
      { category: "drift", year: 2028, low: 15_000, expected: 20_000, high: 30_000, note: "Förmedlarens avgift" },
      { category: "drift", year: 2029, low: 15_000, expected: 20_000, high: 30_000 },
    ],
    benefits: [{ category: "omfordelad_tid", beneficiary: "organisation", year: 2028, low: 30_000, expected: 50_000, high: 60_000 }],
  };
  /** 12,000 letters a year at 11.50 kr from January 2027, at 75 % reach: the worked example. */
  const bygglov = {
    name: "Beslut om bygglov",
    recipientType: "privatperson",
    annualVolume: 12_000,
    costPerLetterSek: 11.5,
    plannedProductionDate: "2027-01-01",
    status: "i_produktion",
  };
  async function withReach(initiativeId: string) {
    // The reach curve held at 75 % over the horizon, as in the worked example.
    const { flowPlanSettings } = await import("../../src/db/schema.ts");
    await world.db
      .insert(flowPlanSettings)
      .values({ initiativeId, reachOverrides: { privatperson: { "2027": 0.75, "2028": 0.75, "2029": 0.75 } } });
  }

  it("states a business case and answers NPV, payback and three scenarios with benefits computed from the flows", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Business case" });
    await withReach(id);
    const flow = await postJson(pl, `/api/v1/initiatives/${id}/flows`, bygglov, Flow);

    const result = parseBody(await pl.put(`/api/v1/initiatives/${id}/business-case`, stated), BusinessCaseBody);
    expect(result.years).toEqual([
      { year: 2027, costs: 100_000, benefits: 0, computedBenefits: 103_500, net: 3_500 },
      { year: 2028, costs: 20_000, benefits: 50_000, computedBenefits: 103_500, net: 133_500 },
      { year: 2029, costs: 20_000, benefits: 0, computedBenefits: 103_500, net: 83_500 },
    ]);
    expect(result.scenarios.expected).toMatchObject({ npv: 211_818.41, paybackYear: 2027 });
    expect(result.scenarios.low).toMatchObject({ npv: 83_060.35, paybackYear: 2028 });
    expect(result.scenarios.low.npv).toBeLessThanOrEqual(result.scenarios.expected.npv);
    expect(result.scenarios.expected.npv).toBeLessThanOrEqual(result.scenarios.high.npv);
    expect(result.computed[0]?.flows).toEqual([
      expect.objectContaining({ flowId: flow.id, name: bygglov.name, digital: { low: 7_800, expected: 9_000, high: 10_200 } }),
    ]);
    expect(result.sensitivity.rows[0]?.input).toMatchObject({ kind: "flow", flowId: flow.id });
    expect(result.costs[1]?.note).toBe("Förmedlarens avgift");
    expect(await getJson(pl, `/api/v1/initiatives/${id}/business-case`, BusinessCaseBody)).toMatchObject({
      scenarios: { expected: { npv: 211_818.41 } },
      canManage: true,
    });

    // The computed benefit follows the flow: half the volume, half the benefit.
    await pl.put(`/api/v1/flows/${flow.id}`, { ...bygglov, annualVolume: 6_000 });
    const after = await getJson(pl, `/api/v1/initiatives/${id}/business-case`, BusinessCaseBody);
    expect(after.years.map((y) => y.computedBenefits)).toEqual([51_750, 51_750, 51_750]);
  });

  it("answers a default case before anyone stated one: this year, five years, 3 %", async () => {
    const reader = await world.loginAs("readerA");
    const { id } = await world.seedInitiative({ name: "Tomt" });
    const result = await getJson(reader, `/api/v1/initiatives/${id}/business-case`, BusinessCaseBody);
    expect(result).toMatchObject({ horizonYears: 5, discountRate: 0.03, costs: [], benefits: [], updatedAt: null, canManage: false });
    expect(result.years).toHaveLength(5);
    expect(result.scenarios.expected).toMatchObject({ npv: 0, paybackYear: result.startYear });
  });

  it("refuses bad input with the field path and saves nothing", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Fel" });
    const url = `/api/v1/initiatives/${id}/business-case`;
    // The code is the business case's own where it has one (what the page translates), not `invalid`.
    const cases: [unknown, string, string | null][] = [
      [{ ...stated, costs: [{ ...stated.costs[0], low: 200_000 }] }, "costs.0.low", "low_above_expected"],
      [{ ...stated, benefits: [{ ...stated.benefits[0], high: 1 }] }, "benefits.0.high", "high_below_expected"],
      [{ ...stated, costs: [{ ...stated.costs[0], year: 2031 }] }, "costs.0.year", "year_outside_horizon"],
      [{ ...stated, discountRate: 1.5 }, "discountRate", "discount_rate_range"],
      [{ ...stated, discountRate: -0.1 }, "discountRate", "discount_rate_range"],
      [{ ...stated, horizonYears: 16 }, "horizonYears", "horizon_range"],
      [{ ...stated, costs: [{ ...stated.costs[0], expected: "mycket" }] }, "costs.0.expected", null],
      [{ ...stated, costs: Array.from({ length: 10_000 }, () => stated.costs[0]) }, "costs", null],
    ];
    for (const [body, path, code] of cases) {
      const res = await pl.put(url, body);
      expect(res.statusCode, path).toBe(400);
      const fields = parseBody(res, ErrorBody, 400).fields ?? [];
      expect(fields.map((f) => f.path)).toContain(path);
      if (code) expect(fields.find((f) => f.path === path)?.code, path).toBe(code);
    }
    expect(await world.db.select().from(businessCases).where(eq(businessCases.initiativeId, id))).toEqual([]);
  });

  it("lets the team write, a läsare read, hides it from another organisation, and audits each save", async () => {
    const [pl, consultant, reader, plB] = await Promise.all([
      world.loginAs("plA"),
      world.loginAs("consultant"),
      world.loginAs("readerA"),
      world.loginAs("plB"),
    ]);
    const { id } = await world.seedInitiative({ name: "Roller i kalkylen" });
    const url = `/api/v1/initiatives/${id}/business-case`;
    expect((await pl.put(url, stated)).statusCode).toBe(200);
    expect((await consultant.put(url, { ...stated, discountRate: 0.04 })).statusCode).toBe(200);
    expect((await reader.put(url, stated)).statusCode).toBe(403);
    expect((await getJson(reader, url, BusinessCaseBody)).discountRate).toBe(0.04);
    for (const res of [await plB.get(url), await plB.put(url, stated)]) expect(res.statusCode).toBe(404);

    const entries = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "business_case.save")));
    expect(entries).toHaveLength(2);
    expect(rateIn(entries[1]?.before)).toBe(0.03);
    expect(rateIn(entries[1]?.after)).toBe(0.04);
  });

  it("stores the last of several saves at once, each audited against the one it replaced", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidiga kalkyler" });
    const url = `/api/v1/initiatives/${id}/business-case`;
    const rates = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06];
    const answers = await Promise.all(rates.map((discountRate, i) => (i % 2 ? consultant : pl).put(url, { ...stated, discountRate })));
    expect(answers.map((a) => a.statusCode)).toEqual(rates.map(() => 200));
    const entries = (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "business_case.save")))
    ).sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(entries).toHaveLength(6);
    expect(entries[0]?.before).toBeNull();
    for (let k = 1; k < entries.length; k++) expect(rateIn(entries[k]?.before)).toBe(rateIn(entries[k - 1]?.after));
    const [row] = await world.db.select().from(businessCases).where(eq(businessCases.initiativeId, id));
    expect(row?.discountRate).toBe(rateIn(entries.at(-1)?.after));
  });
});
