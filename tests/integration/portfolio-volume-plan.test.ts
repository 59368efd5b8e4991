import { describe, expect, it } from "vitest";
import { currentForecastMonth } from "../../src/domain/flows/initiative-forecast.ts";
import { monthIndexOf, yearMonthAt } from "../../src/domain/forecast/calendar-month.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import {
  FlowActuals,
  ForecastVersion,
  ForecastVersionList,
  FrozenForecast,
  InitiativeActuals,
} from "../../src/http/routes/forecast-versions/forecast-versions.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { PortfolioBody, PortfolioForecastBody, PortfolioVolumePlanBody } from "../../src/http/routes/portfolio/portfolio.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * GET /api/v1/portfolio/volume-plan (issue 14): per month the sums of the initiatives' current
 * forecasts, latest baselines, latest re-forecasts and actuals — the same numbers as each
 * initiative's own endpoints, whatever changes between two reads.
 */
describe("the national volume plan", () => {
  const world = useTestWorld();

  const thisMonth = () => currentForecastMonth(new Date());
  const monthsFromNow = (n: number) => yearMonthAt(monthIndexOf(thisMonth()) + n);
  const from = () => monthsFromNow(-3);
  const MONTHS = 24;
  const url = () => `/api/v1/portfolio/volume-plan?from=${from()}&months=${MONTHS}`;

  type Counts = { volume: number; digital: number; paper: number };
  type Expected = { month: string; current: Counts; baseline: Counts; reforecast: Counts; actual: Counts | null };

  /** Each initiative's own numbers for the plan's months, from its own endpoints, added up. */
  async function ownNumbersAddedUp(fg: Api): Promise<Expected[]> {
    const labels = Array.from({ length: MONTHS }, (_, i) => yearMonthAt(monthIndexOf(from()) + i));
    const zero = () => ({ volume: 0, digital: 0, paper: 0 });
    const expected: Expected[] = labels.map((month) => ({
      month,
      current: zero(),
      baseline: zero(),
      reforecast: zero(),
      actual: month <= thisMonth() ? zero() : null,
    }));
    const add = (target: Counts | null, m: { digital: number; paper: number; volume?: number }) => {
      if (!target) return;
      target.volume += m.volume ?? m.digital + m.paper;
      target.digital += m.digital;
      target.paper += m.paper;
    };
    const national = await getJson(fg, `/api/v1/portfolio/forecast?from=${from()}&months=${MONTHS}`, PortfolioForecastBody);
    national.months.forEach((m, i) => {
      add(expected[i]!.current, m);
    });
    const { initiatives } = await getJson(fg, "/api/v1/portfolio?pageSize=500", PortfolioBody);
    for (const { initiativeId } of initiatives) {
      const base = `/api/v1/initiatives/${initiativeId}`;
      const { versions } = await getJson(fg, `${base}/forecast/versions`, ForecastVersionList);
      const baseline = versions.find((v) => v.kind === "baseline");
      const newest = versions[0];
      for (const [version, key] of [
        [baseline, "baseline"],
        [newest, "reforecast"],
      ] as const) {
        if (!version) continue;
        const frozen = await getJson(fg, `${base}/forecast/versions/${version.id}`, FrozenForecast);
        for (const m of frozen.months) {
          const target = expected.find((e) => e.month === m.month);
          if (target) add(target[key], m);
        }
      }
      const actuals = await getJson(fg, `${base}/actuals`, InitiativeActuals);
      for (const m of actuals.months) add(expected.find((e) => e.month === m.month)?.actual ?? null, m);
    }
    return expected;
  }

  /** An initiative whose milestone II waits for the styrgrupp, with one flow digital since 2025. */
  async function withFlow(name: string) {
    const initiative = await world.seedInitiative({ name, phase: 2, ready: true });
    const pl = await world.loginAs("plA");
    const body = { name: "Beslut", recipientType: "privatperson", annualVolume: 120_000, plannedProductionDate: "2025-01-01" };
    const flow = await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, body, Flow);
    return { initiativeId: initiative.id, flow, body, pl };
  }

  it("adds up the initiatives' own latest baseline, latest re-forecast and actuals, and follows each change at once", async () => {
    const { initiativeId, flow, body, pl } = await withFlow("Volymplan: kommunens beslut");
    const other = await world.seedInitiative({ name: "Volymplan: regionens kallelser", by: "plB" });
    const plB = await world.loginAs("plB");
    await postJson(
      plB,
      `/api/v1/initiatives/${other.id}/flows`,
      { name: "Kallelser", recipientType: "foretag", annualVolume: 24_000, plannedProductionDate: "2025-06-01" },
      Flow,
    );
    const fg = await world.loginAs("fg");
    const read = () => getJson(fg, url(), PortfolioVolumePlanBody);
    const expectOwnNumbers = async () => {
      const plan = await read();
      expect(plan.months).toEqual(await ownNumbersAddedUp(fg));
      return plan;
    };

    const before = await expectOwnNumbers();
    expect(before.from).toBe(from());
    expect(before.months).toHaveLength(MONTHS);
    expect(before.months.every((m) => m.current.digital >= 0)).toBe(true);

    // Milestone II freezes a baseline; without a re-forecast the baseline is the initiative's newest estimate.
    const sg = await world.loginAs("sgA");
    const decision = await postJson(
      sg,
      `/api/v1/initiatives/${initiativeId}/milestones/II/decision`,
      decisionBody("II"),
      DecisionWithCommunications,
    );
    expect(decision.baselineId).toEqual(expect.any(String));
    const decided = await expectOwnNumbers();
    const now = decided.months.find((m) => m.month === thisMonth())!;
    expect(now.baseline.volume).toBe(before.months.find((m) => m.month === thisMonth())!.baseline.volume + 10_000);
    expect(now.reforecast).toEqual(now.baseline);
    expect(decided.initiatives.withBaseline).toBe(before.initiatives.withBaseline + 1);
    expect(decided.initiatives.estimateIsBaseline).toBe(before.initiatives.estimateIsBaseline + 1);

    // The flow doubles: the current forecast moves, the frozen series do not…
    expect((await pl.put(`/api/v1/flows/${flow.id}`, { ...body, annualVolume: 240_000 })).statusCode).toBe(200);
    const changed = await expectOwnNumbers();
    const nowChanged = changed.months.find((m) => m.month === thisMonth())!;
    expect(nowChanged.current.volume).toBe(now.current.volume + 10_000);
    expect(nowChanged.reforecast).toEqual(now.reforecast);

    // …until the team saves a re-forecast: the next read has it (forecast_versions advance the generation).
    await postJson(pl, `/api/v1/initiatives/${initiativeId}/forecast/versions`, { reason: "Fler beslut än väntat." }, ForecastVersion);
    const reforecast = await expectOwnNumbers();
    const nowReforecast = reforecast.months.find((m) => m.month === thisMonth())!;
    expect(nowReforecast.reforecast.volume).toBe(now.reforecast.volume + 10_000);
    expect(nowReforecast.baseline).toEqual(now.baseline);
    expect(reforecast.initiatives.estimateIsBaseline).toBe(decided.initiatives.estimateIsBaseline - 1);

    // Actuals entered for last month show on the next read (flow_actuals advance the generation too).
    const lastMonth = monthsFromNow(-1);
    const put = await pl.put(`/api/v1/flows/${flow.id}/actuals`, [{ month: lastMonth, digital: 7_000, paper: 1_500 }]);
    expect(parseBody(put, FlowActuals).months.map((m) => m.month)).toContain(lastMonth);
    const actual = await expectOwnNumbers();
    const sent = (plan: typeof actual) => plan.months.find((m) => m.month === lastMonth)!.actual!;
    expect(sent(actual)).toEqual({
      digital: sent(reforecast).digital + 7_000,
      paper: sent(reforecast).paper + 1_500,
      volume: sent(reforecast).volume + 8_500,
    });
    // A month that has not begun has no actuals.
    expect(actual.months.find((m) => m.month === monthsFromNow(1))?.actual).toBeNull();

    // Every series splits exactly by organisation kind and by recipient type.
    for (const parts of [actual.byKind, actual.byRecipientType]) {
      actual.months.forEach((m, k) => {
        for (const series of ["current", "baseline", "reforecast", "actual"] as const) {
          const sum = Object.values(parts).reduce((s, p) => s + (p[k]?.[series]?.digital ?? 0), 0);
          expect(sum, `${m.month} ${series}`).toBe(m[series]?.digital ?? 0);
        }
      });
    }
    expect(actual.byKind.kommun?.find((m) => m.month === lastMonth)?.actual?.digital).toBe(sent(actual).digital);
    expect(actual.byRecipientType.foretag?.find((m) => m.month === thisMonth())?.current.volume).toBeGreaterThan(0);
  });

  it("looks back a year and five years ahead unless asked", async () => {
    const plan = await getJson(await world.loginAs("fg"), "/api/v1/portfolio/volume-plan", PortfolioVolumePlanBody);
    expect(plan.from).toBe(monthsFromNow(-12));
    expect(plan.months).toHaveLength(72);
    expect(plan.months[12]?.month).toBe(thisMonth());
    expect(plan.months[12]?.actual).not.toBeNull();
    expect(plan.months[13]?.actual).toBeNull();
  });

  it("downloads the plan as Swedish CSV: the country, then each kind and recipient type, month by month", async () => {
    await withFlow("Volymplan: export");
    const res = await (await world.loginAs("fg")).get(`/api/v1/portfolio/volume-plan.csv?from=${thisMonth()}&months=2`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toContain(".csv");
    const text = res.rawPayload.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Indelning;Månad;Aktuell prognos, digitala;Aktuell prognos, alla;Senaste baslinje, digitala;Senaste baslinje, alla;" +
        "Senaste omprognos, digitala;Senaste omprognos, alla;Utfall, digitala;Utfall, alla",
    );
    expect(lines[1]).toMatch(new RegExp(`^Hela landet;${thisMonth()};\\d+;\\d+;\\d+;\\d+;\\d+;\\d+;\\d+;\\d+$`));
    // Next month has not begun: its actuals are empty, not 0.
    expect(lines[2]).toMatch(/;;$/);
    expect(lines.some((l) => l.startsWith("Kommuner;"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Privatpersoner;"))).toBe(true);
  });

  it("is the förvaltningsgrupp's alone: every other role gets 403, nobody signed in 401", async () => {
    for (const person of ["admin", "plA", "vaA", "sgA", "readerA", "consultant", "plB"] as const) {
      const api = await world.loginAs(person);
      for (const path of ["/api/v1/portfolio/volume-plan", "/api/v1/portfolio/volume-plan.csv"]) {
        expect((await api.get(path)).statusCode, `${person} ${path}`).toBe(403);
      }
    }
    expect((await world.app.inject({ method: "GET", url: "/api/v1/portfolio/volume-plan" })).statusCode).toBe(401);
  });

  it("refuses a period it cannot plan with 400 naming the field", async () => {
    const fg = await world.loginAs("fg");
    for (const [query, field] of [
      ["months=0", "months"],
      ["months=241", "months"],
      ["months=zwölf", "months"],
      ["from=2027-13", "from"],
      ["from=2027", "from"],
    ] as const) {
      for (const path of ["/api/v1/portfolio/volume-plan", "/api/v1/portfolio/volume-plan.csv"]) {
        const res = await fg.get(`${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        expect(parseBody(res, ErrorBody, 400)).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: field }] });
      }
    }
  });

  it("shows the plan on the national plan page: a chart, its table by year, and tables by kind and recipient type", async () => {
    await withFlow("Volymplan: sidan");
    const res = await (await world.browserAs("fg")).get("/portfolio/plan");
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('id="volume-plan-heading"');
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="volume-plan-chart-title volume-plan-chart-desc"/);
    expect(html).toContain("Digitala meddelanden per år, hela landet");
    expect(html).toMatch(/Digitala meddelanden \d{4}-\d{2} till \d{4}-\d{2} per typ av organisation/);
    expect(html).toMatch(/Digitala meddelanden \d{4}-\d{2} till \d{4}-\d{2} per mottagartyp/);
    expect(html).toMatch(/href="\/api\/v1\/portfolio\/volume-plan\.csv\?from=\d{4}-\d{2}&amp;months=72"/);
    expect(html).toMatch(/<th scope="row"[^>]*>Kommuner<\/th>/);
  });
});
