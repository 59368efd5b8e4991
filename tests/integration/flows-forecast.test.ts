import { describe, expect, it } from "vitest";
import { Flow, ForecastBody } from "../../src/http/routes/flows/flows.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** GET …/forecast over the flows stored for an initiative: the pure forecast's numbers, through the API. */
describe("the initiative's volume forecast", () => {
  const world = useTestWorld();

  it("forecasts the stored flows month by month, totals the sums of the flows, digital from the production month", async () => {
    const initiative = await world.seedInitiative({ name: "Prognos för bygglov" });
    const pl = await world.loginAs("plA");
    const flows = `/api/v1/initiatives/${initiative.id}/flows`;
    const beslut = await postJson(
      pl,
      flows,
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2027-03-15" },
      Flow,
    );
    const faktura = await postJson(pl, flows, { name: "Fakturor", recipientType: "foretag", annualVolume: 2_400 }, Flow);

    const reader = await world.loginAs("readerA");
    const body = await getJson(reader, `/api/v1/initiatives/${initiative.id}/forecast?from=2027-01&months=24`, ForecastBody);
    expect(body.from).toBe("2027-01");
    expect(body.months).toHaveLength(24);
    expect(body.months[0]).toEqual({ month: "2027-01", volume: 1_200, digital: 0, paper: 1_200 });
    const byFlow = new Map(body.flows.map((f) => [f.flowId, f.months]));
    const beslutMonths = byFlow.get(beslut.id) ?? [];
    expect(beslutMonths.slice(0, 2).map((m) => m.digital)).toEqual([0, 0]);
    const march = beslutMonths[2];
    expect(march?.month).toBe("2027-03");
    expect(march?.digital).toBe(Math.round(1_000 * (march?.reachShare ?? 0)));
    expect(march?.digital).toBeGreaterThan(0);
    // Without a production date the invoices never go digital.
    expect((byFlow.get(faktura.id) ?? []).every((m) => m.digital === 0 && m.volume === 200)).toBe(true);
    for (const [i, total] of body.months.entries()) {
      const cells = body.flows.map((f) => f.months[i]);
      expect(total.volume).toBe(cells.reduce((sum, c) => sum + (c?.volume ?? 0), 0));
      expect(total.digital).toBe(cells.reduce((sum, c) => sum + (c?.digital ?? 0), 0));
      expect(total.paper).toBe(total.volume - total.digital);
    }
  });

  it("starts this month and runs 60 months unless asked, and refuses a period it cannot forecast", async () => {
    const initiative = await world.seedInitiative({ name: "Prognos med standardperiod" });
    const pl = await world.loginAs("plA");
    const body = await getJson(pl, `/api/v1/initiatives/${initiative.id}/forecast`, ForecastBody);
    const now = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date()).slice(0, 7);
    expect(body.from).toBe(now);
    expect(body.months).toHaveLength(60);
    expect(body.flows).toEqual([]);
    for (const [query, field] of [
      ["months=241", "months"],
      ["months=0", "months"],
      ["months=2.5", "months"],
      ["from=2027-13", "from"],
      ["from=juni", "from"],
    ] as const) {
      const res = await pl.get(`/api/v1/initiatives/${initiative.id}/forecast?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json()), query).toContain(`"${field}"`);
    }
  });

  it("is read by members only: to another organisation the initiative does not exist", async () => {
    const initiative = await world.seedInitiative({ name: "Prognos i A" });
    const other = await world.loginAs("plB");
    const res = await other.get(`/api/v1/initiatives/${initiative.id}/forecast`);
    expect(res.statusCode).toBe(404);
    parseBody(await (await world.loginAs("consultant")).get(`/api/v1/initiatives/${initiative.id}/forecast?months=1`), ForecastBody);
  });
});
