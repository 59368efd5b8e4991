import { describe, expect, it } from "vitest";
import type { Realisation } from "../../src/domain/benefits/benefit-evaluation.ts";
import { unitKey } from "../../src/domain/portfolio/national-benefits.ts";
import { Benefit, BenefitList, Measurement } from "../../src/http/routes/benefits/benefits.schema.ts";
import { BusinessCaseBody } from "../../src/http/routes/business-case/business-case.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { NationalBenefitsBody, PortfolioBody } from "../../src/http/routes/portfolio/portfolio.schema.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

const benefitBody = (over: Record<string, unknown>) => ({
  name: "Nytta",
  metric: "Mätetal",
  unit: "kr",
  baselineValue: 0,
  baselineDate: "2026-01-01",
  targetValue: 100_000,
  targetDate: "2027-12-31",
  ...over,
});

/** GET /api/v1/portfolio/benefits and /portfolio/benefits: benefits across organisations (issue 14). */
describe("benefits nationally", () => {
  const world = useTestWorld();

  async function seedBenefits() {
    const plA = await world.loginAs("plA");
    const a = await world.seedInitiative({ name: "Nyttor nationellt: bygglov" });
    const flow = await postJson(
      plA,
      `/api/v1/initiatives/${a.id}/flows`,
      { name: "Beslut", recipientType: "privatperson", annualVolume: 12_000 },
      Flow,
    );
    expect((await plA.put(`/api/v1/flows/${flow.id}/actuals`, [{ month: "2026-03", digital: 900, paper: 100 }])).statusCode).toBe(200);
    const add = async (pl: Api, initiativeId: string, body: Record<string, unknown>) =>
      postJson(pl, `/api/v1/initiatives/${initiativeId}/benefits`, benefitBody(body), Benefit);
    const saved = await add(plA, a.id, { name: "Sparat porto", category: "finansiell", beneficiary: "organisation" });
    await postJson(plA, `/api/v1/benefits/${saved.id}/measurements`, { date: "2026-06-30", value: 40_000 }, Measurement);
    await add(plA, a.id, { name: "Tid", unit: "Timmar", category: "omfordelad_tid", beneficiary: "privatpersoner", targetValue: 500 });
    await add(plA, a.id, {
      name: "Digitala meddelanden",
      unit: "meddelanden",
      category: "kvalitet",
      beneficiary: "privatpersoner",
      targetValue: 800,
      derivedFromFlowIds: [flow.id],
    });
    await add(plA, a.id, { name: "Andel digitalt", unit: "%", targetValue: 80 });
    const put = await plA.put(`/api/v1/initiatives/${a.id}/business-case`, {
      startYear: 2027,
      horizonYears: 2,
      discountRate: 0.03,
      costs: [],
      benefits: [
        { category: "finansiell", beneficiary: "organisation", year: 2027, low: 10_000, expected: 20_000.5, high: 30_000 },
        { category: "omfordelad_tid", beneficiary: "samhallet", year: 2028, low: 1_000, expected: 2_000, high: 3_000 },
      ],
    });
    expect(put.statusCode).toBe(200);

    const plB = await world.loginAs("plB");
    const b = await world.seedInitiative({ name: "Nyttor nationellt: kallelser", by: "plB" });
    const tkr = await add(plB, b.id, {
      name: "Sparade tkr",
      unit: "tkr",
      category: "finansiell",
      beneficiary: "organisation",
      targetValue: 50,
    });
    await postJson(plB, `/api/v1/benefits/${tkr.id}/measurements`, { date: "2026-09-30", value: 55 }, Measurement);
    return { a, b };
  }

  it("adds up what every initiative's own benefit and business-case endpoints show, by category, beneficiary and in total", async () => {
    const { a, b } = await seedBenefits();
    const fg = await world.loginAs("fg");
    const national = await getJson(fg, "/api/v1/portfolio/benefits", NationalBenefitsBody);

    // What the initiatives show themselves, read one by one through their own endpoints.
    const { initiatives } = await getJson(fg, "/api/v1/portfolio", PortfolioBody);
    expect(initiatives.map((i) => i.initiativeId)).toEqual(expect.arrayContaining([a.id, b.id]));
    type Own = {
      category: string | null;
      beneficiary: string | null;
      unit: string;
      target: number;
      actual: number | null;
      realisation: Realisation;
    };
    const own: (Own & { initiativeId: string; organisationId: string })[] = [];
    const lines: { category: string; beneficiary: string; expected: number; initiativeId: string }[] = [];
    for (const i of initiatives) {
      for (const x of (await getJson(fg, `/api/v1/initiatives/${i.initiativeId}/benefits`, BenefitList)).benefits) {
        own.push({
          ...x.evaluation,
          category: x.category,
          beneficiary: x.beneficiary,
          unit: x.unit,
          initiativeId: i.initiativeId,
          organisationId: i.organisationId,
        });
      }
      for (const l of (await getJson(fg, `/api/v1/initiatives/${i.initiativeId}/business-case`, BusinessCaseBody)).benefits) {
        lines.push({ ...l, initiativeId: i.initiativeId });
      }
    }

    const check = (group: (typeof national.byCategory)[number] | typeof national.total, mine: typeof own, myLines: typeof lines) => {
      expect(group.benefits).toBe(mine.length);
      for (const r of ["realiserad", "delvis", "ej_realiserad", "ej_matt"] as const) {
        expect(group.realisation[r]).toBe(mine.filter((x) => x.realisation === r).length);
      }
      expect(group.businessCaseExpectedSek).toBeCloseTo(
        myLines.reduce((s, l) => s + l.expected, 0),
        4,
      );
      expect(group.initiatives).toBe(new Set([...mine.map((x) => x.initiativeId), ...myLines.map((l) => l.initiativeId)]).size);
      const units = new Set(mine.flatMap((x) => unitKey(x.unit)?.unit ?? []));
      expect(group.units.map((u) => u.unit).sort()).toEqual([...units].sort());
      expect(group.notSummed).toBe(mine.filter((x) => unitKey(x.unit) === null).length);
      for (const u of group.units) {
        const inUnit = mine.filter((x) => unitKey(x.unit)?.unit === u.unit);
        const factor = (x: Own) => Number(unitKey(x.unit)?.factor ?? 1n);
        const measured = inUnit.filter((x) => x.actual !== null);
        expect(u.benefits).toBe(inUnit.length);
        expect(u.measured).toBe(measured.length);
        expect(u.expected).toBeCloseTo(
          inUnit.reduce((s, x) => s + x.target * factor(x), 0),
          4,
        );
        expect(u.realised).toBeCloseTo(
          measured.reduce((s, x) => s + (x.actual ?? 0) * factor(x), 0),
          4,
        );
      }
    };
    for (const g of national.byCategory)
      check(
        g,
        own.filter((x) => x.category === g.category),
        lines.filter((l) => l.category === g.category),
      );
    for (const g of national.byBeneficiary) {
      check(
        g,
        own.filter((x) => x.beneficiary === g.beneficiary),
        lines.filter((l) => l.beneficiary === g.beneficiary),
      );
    }
    check(national.total, own, lines);

    // And what that means for the two seeded here (the first data in this world): tkr converted to
    // kronor, the volume-driven benefit measured from its flow's actuals, the share counted apart.
    expect(national.byCategory.find((g) => g.category === "finansiell")).toMatchObject({
      benefits: 2,
      initiatives: 2,
      organisations: 2,
      realisation: { realiserad: 1, delvis: 1, ej_realiserad: 0, ej_matt: 0 },
      units: [
        {
          unit: "kr",
          money: true,
          benefits: 2,
          expected: 150_000,
          measured: 2,
          expectedOfMeasured: 150_000,
          realised: 95_000,
          gap: -55_000,
        },
      ],
      businessCaseExpectedSek: 20_000.5,
    });
    expect(national.byCategory.find((g) => g.category === "kvalitet")?.units).toEqual([
      { unit: "meddelanden", money: false, benefits: 1, expected: 800, measured: 1, expectedOfMeasured: 800, realised: 900, gap: 100 },
    ]);
    expect(national.byBeneficiary.find((g) => g.beneficiary === "samhallet")).toMatchObject({
      benefits: 0,
      initiatives: 1,
      businessCaseExpectedSek: 2_000,
    });
    expect(national.byCategory.at(-1)).toMatchObject({ category: null, benefits: 1, notSummed: 1, units: [] });
    expect(national.total).toMatchObject({
      benefits: 5,
      initiatives: 2,
      organisations: 2,
      notSummed: 1,
      businessCaseExpectedSek: 22_000.5,
    });
  });

  it("is the förvaltningsgrupp's alone: projektledare, styrgrupp and administrator get 403, nobody signed in 401", async () => {
    for (const person of ["plA", "sgA", "admin", "vaA", "plB"] as const) {
      const api = await world.loginAs(person);
      expect((await api.get("/api/v1/portfolio/benefits")).statusCode, person).toBe(403);
      const browser = await world.browserAs(person);
      expect((await browser.get("/portfolio/benefits")).statusCode, person).toBe(403);
    }
    expect((await world.app.inject({ method: "GET", url: "/api/v1/portfolio/benefits" })).statusCode).toBe(401);
    expect((await world.anonymousBrowser().get("/portfolio/benefits")).statusCode).toBe(303);
  });

  it("renders the page for the förvaltningsgrupp: tables with captions and headers, linked from the portfolio's pages", async () => {
    await seedBenefits();
    const fg = await world.browserAs("fg");
    const page = await fg.get("/portfolio/benefits");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<h1");
    expect(page.body).toContain("Nyttor i hela landet");
    expect(page.body).toContain("Nyttor per kategori: hur långt de har kommit och vilka som bidrar");
    expect(page.body).toContain("Förväntat och realiserat per nyttomottagare och enhet");
    expect(page.body).toMatch(/<tr[^>]*data-group="finansiell"[^>]*data-unit="kr"/);
    expect(page.body).toMatch(/<th[^>]*scope="row"[^>]*>Totalt<\/th>/);
    const ids = [...page.body.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(page.body).toContain('aria-current="page"');
    expect(page.body).toContain('href="/portfolio/benefits"');
    expect((await fg.get("/portfolio")).body).toContain('href="/portfolio/benefits"');
    const json = parseBody(await (await world.loginAs("fg")).get("/api/v1/portfolio/benefits"), NationalBenefitsBody);
    expect(json.total.benefits).toBeGreaterThanOrEqual(5);
  });
});
