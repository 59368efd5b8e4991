import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Flow, ForecastBody } from "../../src/http/routes/flows/flows.schema.ts";
import { PortfolioBody, PortfolioForecastBody, ProcessMetricsBody } from "../../src/http/routes/portfolio/portfolio.schema.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

const thisMonth = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date()).slice(0, 7);

/** GET /api/v1/portfolio and /portfolio/forecast: the förvaltningsgrupp's view across organisations (issue 14). */
describe("the portfolio", () => {
  const world = useTestWorld();

  it("lists every organisation's initiatives with phase, last decision, dates, next year's digital messages and flags", async () => {
    const decided = await world.seedInitiative({ name: "Portfölj: bygglov i fas 2", phase: 2 });
    const inB = await world.seedInitiative({ name: "Portfölj: regionens kallelser", by: "plB" });
    const pl = await world.loginAs("plA");
    await postJson(
      pl,
      `/api/v1/initiatives/${decided.id}/flows`,
      {
        name: "Beslut",
        recipientType: "privatperson",
        annualVolume: 120_000,
        plannedTestDate: "2026-01-10",
        plannedProductionDate: "2026-02-01",
      },
      Flow,
    );
    await postJson(
      pl,
      `/api/v1/initiatives/${decided.id}/flows`,
      { name: "Fakturor", recipientType: "foretag", annualVolume: 2_400, plannedProductionDate: "2026-09-01", status: "avvecklad" },
      Flow,
    );
    const fg = await world.loginAs("fg");
    const body = await getJson(fg, "/api/v1/portfolio", PortfolioBody);
    const row = body.initiatives.find((i) => i.initiativeId === decided.id);
    expect(row).toMatchObject({
      organisationId: world.orgA.id,
      organisationName: "Sundsvalls kommun",
      organisationKind: "kommun",
      name: "Portfölj: bygglov i fas 2",
      currentPhase: 2,
      lastDecision: { numeral: "I", outcome: "go" },
      // The decommissioned flow's dates do not count.
      plannedTestDate: "2026-01-10",
      plannedProductionDate: "2026-02-01",
      flags: [],
    });
    const forecast = await getJson(fg, `/api/v1/initiatives/${decided.id}/forecast?months=12`, ForecastBody);
    expect(row?.digitalNext12Months).toBe(forecast.months.reduce((s, m) => s + m.digital, 0));
    expect(row?.digitalNext12Months).toBeGreaterThan(0);
    expect(body.initiatives.find((i) => i.initiativeId === inB.id)).toMatchObject({
      organisationKind: "region",
      currentPhase: 1,
      lastDecision: null,
      digitalNext12Months: 0,
    });
    expect(body.total).toBe(body.initiatives.length);
  });

  it("is the förvaltningsgrupp's alone: every other role gets 403, nobody signed in 401", async () => {
    for (const person of ["admin", "plA", "vaA", "sgA", "readerA", "consultant", "plB"] as const) {
      const api = await world.loginAs(person);
      for (const url of [
        "/api/v1/portfolio",
        "/api/v1/portfolio/forecast",
        "/api/v1/portfolio/metrics",
        "/api/v1/portfolio.csv",
        "/api/v1/portfolio.xlsx",
      ]) {
        const res = await api.get(url);
        expect(res.statusCode, `${person} ${url}`).toBe(403);
      }
    }
    const anonymous = await world.app.inject({ method: "GET", url: "/api/v1/portfolio" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("filters by kind, phase, flag and text, sorts and pages; refuses a filter it does not know with the field", async () => {
    await world.seedInitiative({ name: "Filter: kommunens första", phase: 3 });
    await world.seedInitiative({ name: "Filter: regionens", by: "plB" });
    const fg = await world.loginAs("fg");
    const regions = await getJson(fg, "/api/v1/portfolio?kind=region", PortfolioBody);
    expect(regions.initiatives.length).toBeGreaterThan(0);
    expect(regions.initiatives.every((i) => i.organisationKind === "region")).toBe(true);
    const phase3 = await getJson(fg, "/api/v1/portfolio?phase=3&q=filter", PortfolioBody);
    expect(phase3.initiatives.map((i) => i.name)).toEqual(["Filter: kommunens första"]);
    const all = await getJson(fg, "/api/v1/portfolio?sort=phase&order=desc", PortfolioBody);
    const phases = all.initiatives.map((i) => i.currentPhase);
    expect(phases).toEqual([...phases].sort((a, b) => b - a));
    const page = await getJson(fg, "/api/v1/portfolio?page=2&pageSize=1&sort=initiative", PortfolioBody);
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: all.total, pages: all.total });
    expect(page.initiatives).toHaveLength(1);
    for (const [query, field] of [
      ["kind=kommuner", "kind"],
      ["phase=9", "phase"],
      ["flag=late", "flag"],
      ["county=XX", "county"],
      ["sort=size", "sort"],
      ["page=0", "page"],
      ["pageSize=5000", "pageSize"],
    ] as const) {
      const res = await fg.get(`/api/v1/portfolio?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(
        res.json().fields.map((f: { path: string }) => f.path),
        query,
      ).toContain(field);
    }
  });

  it("flags an initiative whose report to an open round past its deadline is missing, and not once it is sent", async () => {
    const initiative = await world.seedInitiative({ name: "Rapport saknas" });
    await world.db.execute(sql`insert into reporting_rounds (name, deadline) values ('Halvårsrapport 2020-1', '2020-06-30')`);
    const fg = await world.loginAs("fg");
    const flagged = await getJson(fg, "/api/v1/portfolio?flag=reportMissing", PortfolioBody);
    expect(flagged.initiatives.map((i) => i.initiativeId)).toContain(initiative.id);
    await world.db.execute(sql`
      insert into reporting_submissions (round_id, initiative_id, organisation_id, snapshot, submitted_by_name)
      select r.id, ${initiative.id}, ${world.orgA.id}, '{}'::jsonb, 'Test' from reporting_rounds r where r.name = 'Halvårsrapport 2020-1'`);
    const after = await getJson(fg, "/api/v1/portfolio?flag=reportMissing", PortfolioBody);
    expect(after.initiatives.map((i) => i.initiativeId)).not.toContain(initiative.id);
    await world.db.execute(sql`delete from reporting_rounds where name = 'Halvårsrapport 2020-1'`);
  });

  it("adds up the initiatives' own forecasts nationally, by kind and recipient type, and follows a flow's change at once", async () => {
    const a = await world.seedInitiative({ name: "Nationell prognos A" });
    const b = await world.seedInitiative({ name: "Nationell prognos B", by: "plB" });
    const plA = await world.loginAs("plA");
    const plB = await world.loginAs("plB");
    const flow = await postJson(
      plA,
      `/api/v1/initiatives/${a.id}/flows`,
      { name: "Bygglov", recipientType: "privatperson", annualVolume: 60_000, plannedProductionDate: "2027-01-01" },
      Flow,
    );
    await postJson(
      plB,
      `/api/v1/initiatives/${b.id}/flows`,
      { name: "Kallelser", recipientType: "blandat", annualVolume: 36_000, plannedProductionDate: "2027-06-01" },
      Flow,
    );
    const fg = await world.loginAs("fg");
    const url = "/api/v1/portfolio/forecast?from=2027-01&months=24";
    const national = await getJson(fg, url, PortfolioForecastBody);
    const portfolio = await getJson(fg, "/api/v1/portfolio", PortfolioBody);
    const own = await Promise.all(
      portfolio.initiatives.map((i) => getJson(fg, `/api/v1/initiatives/${i.initiativeId}/forecast?from=2027-01&months=24`, ForecastBody)),
    );
    expect(national.from).toBe("2027-01");
    expect(national.months).toHaveLength(24);
    national.months.forEach((m, k) => {
      expect(m.digital).toBe(own.reduce((s, f) => s + (f.months[k]?.digital ?? 0), 0));
      expect(m.volume).toBe(own.reduce((s, f) => s + (f.months[k]?.volume ?? 0), 0));
      expect((national.byKind.kommun?.[k]?.digital ?? 0) + (national.byKind.region?.[k]?.digital ?? 0)).toBe(m.digital);
    });
    expect(national.byRecipientType.blandat?.[0]?.volume).toBeGreaterThan(0);

    // A change shows in the next answer: the cached national forecast knows it is stale.
    const res = await plA.put(`/api/v1/flows/${flow.id}`, {
      name: "Bygglov",
      recipientType: "privatperson",
      annualVolume: 120_000,
      plannedProductionDate: "2027-01-01",
    });
    expect(res.statusCode).toBe(200);
    const changed = await getJson(fg, url, PortfolioForecastBody);
    expect(changed.months[0]!.volume).toBe(national.months[0]!.volume + 5_000);
  });

  it("starts this month and runs 60 months unless asked; refuses a period it cannot forecast", async () => {
    const fg = await world.loginAs("fg");
    const body = await getJson(fg, "/api/v1/portfolio/forecast", PortfolioForecastBody);
    expect(body.from).toBe(thisMonth());
    expect(body.months).toHaveLength(60);
    for (const [query, field] of [
      ["months=241", "months"],
      ["from=2027-13", "from"],
    ] as const) {
      const res = await fg.get(`/api/v1/portfolio/forecast?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json())).toContain(`"${field}"`);
    }
  });

  it("downloads the filtered portfolio as Swedish CSV and as an XLSX with real numbers", async () => {
    const initiative = await world.seedInitiative({ name: "=SUMMA(A1) Export" });
    const pl = await world.loginAs("plA");
    await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Beslut", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2024-01-01" },
      Flow,
    );
    const fg = await world.loginAs("fg");
    const csv = await fg.get("/api/v1/portfolio.csv?q=Export");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const text = csv.rawPayload.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toContain("Organisation;Typ;Län;Initiativ;Fas;Senaste beslut");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(";'=SUMMA(A1) Export;");
    const xlsx = await fg.get("/api/v1/portfolio.xlsx?q=Export");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Portfölj");
    expect(sheet?.getRow(1).getCell(9).value).toBe("Digitala meddelanden 12 mån");
    expect(typeof sheet?.getRow(2).getCell(9).value).toBe("number");
    expect(sheet?.getRow(2).getCell(9).value).toBeGreaterThan(0);
  });

  it("measures lead time per phase across organisations: those done and those in the phase now", async () => {
    const initiative = await world.seedInitiative({ name: "Ledtid: fas 3", phase: 3 });
    // Started before its decisions (the fixtures decide on 2026-11-27); a decision dated before the start is not a lead time.
    await world.db.execute(sql`update initiatives set created_at = '2026-10-01T08:00:00Z' where id = ${initiative.id}`);
    const body = await getJson(await world.loginAs("fg"), "/api/v1/portfolio/metrics", ProcessMetricsBody);
    expect(body.phases.map((p) => p.milestone)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    expect(body.phases[0]?.completed.count).toBeGreaterThan(0);
    expect(body.phases[0]?.completed.median).toBeGreaterThanOrEqual(0);
    expect(body.phases[2]?.inProgress.count).toBeGreaterThan(0);
    expect(body.phases[7]?.completed).toEqual({ count: 0, median: null, q1: null, q3: null });
  });
});
