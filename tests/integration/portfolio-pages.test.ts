import { describe, expect, it } from "vitest";
import { useTestWorld } from "../support/test-world.ts";

/** The portfolio as a page for the förvaltningsgrupp: filters in a GET form, pages of 50, downloads (issue 14). */
describe("the portfolio page", () => {
  const world = useTestWorld();

  it("lists the initiatives with links to read them, filters without JavaScript and keeps the filters in the downloads", async () => {
    const kommun = await world.seedInitiative({ name: "Sidan: kommunens bygglov", phase: 2 });
    await world.seedInitiative({ name: "Sidan: regionens kallelser", by: "plB" });
    const b = await world.browserAs("fg");
    const start = await b.get("/");
    expect(start.body).toContain('href="/portfolio"');
    const page = await b.get("/portfolio");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sidan: kommunens bygglov");
    expect(page.body).toContain("Sidan: regionens kallelser");
    expect(page.body).toContain(`href="/initiatives/${kommun.id}"`);
    expect(page.body).toContain("I: Gå vidare");
    const filtered = await b.get("/portfolio?kind=region&q=Sidan&sort=initiative&order=desc");
    expect(filtered.body).toContain("Sidan: regionens kallelser");
    expect(filtered.body).not.toContain("Sidan: kommunens bygglov");
    expect(filtered.body).toContain('href="/portfolio.xlsx?kind=region&amp;q=Sidan&amp;sort=initiative&amp;order=desc"');
    expect(filtered.body).toMatch(/<option value="region" selected/);
    const csv = await b.get("/portfolio.csv?kind=region&q=Sidan");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Sidan: regionens kallelser");
    expect(csv.body).not.toContain("kommunens");
    // The förvaltningsgrupp opens the initiative read-only: no forms to change it.
    const overview = await b.get(`/initiatives/${kommun.id}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain('name="publishable"');
    expect(overview.body).not.toMatch(/<form method="post" action="\/initiatives\/[^"]*\/activities/);
  });

  it("pages 50 at a time with links that keep the filters", async () => {
    const b = await world.browserAs("fg");
    for (let i = 0; i < 51; i++) await world.seedInitiative({ name: `Blad ${String(i).padStart(2, "0")}` });
    const first = await b.get("/portfolio?q=Blad&sort=initiative");
    expect(first.body).toContain("Blad 49");
    expect(first.body).not.toContain("Blad 50");
    expect(first.body).toContain('href="/portfolio?q=Blad&amp;sort=initiative&amp;page=2"');
    const second = await b.get("/portfolio?q=Blad&sort=initiative&page=2");
    expect(second.body).toContain("Blad 50");
    expect(second.body).toContain("Sida 2 av 2");
  });

  it("is the förvaltningsgrupp's only", async () => {
    for (const person of ["plA", "admin", "vaA"] as const) {
      const b = await world.browserAs(person);
      expect((await b.get("/portfolio")).statusCode, person).toBe(403);
      expect((await b.get("/portfolio.csv")).statusCode, person).toBe(403);
      expect((await b.get("/")).body).not.toContain('href="/portfolio"');
    }
    expect((await world.anonymousBrowser().get("/portfolio")).statusCode).toBe(303);
  });

  it("shows the national plan: production starts per quarter and the national forecast, drawn once and in tables", async () => {
    const initiative = await world.seedInitiative({ name: "Plan: bygglov" });
    const pl = await world.loginAs("plA");
    const res = await pl.post(`/api/v1/initiatives/${initiative.id}/flows`, {
      name: "Beslut",
      recipientType: "foretag",
      annualVolume: 24_000,
      plannedProductionDate: "2027-05-10",
    });
    expect(res.statusCode).toBe(201);
    const b = await world.browserAs("fg");
    const page = await b.get("/portfolio/plan");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('aria-labelledby="quarter-chart-title quarter-chart-desc"');
    // The current forecast is drawn once, in the volume plan, not again beside it (issue 16).
    expect(page.body).toContain('aria-labelledby="volume-plan-chart-title volume-plan-chart-desc"');
    expect(page.body).not.toContain("national-forecast-chart");
    expect(page.body).toMatch(/<tr[^>]*data-quarter="2027-Q2"/);
    expect(page.body).toContain("Digitala meddelanden per år och mottagartyp");
    expect(page.body).toContain("Ledtid per fas i dagar: median och kvartiler");
    expect(page.body).toMatch(/<tr[^>]*data-phase="1"/);
    expect((await (await world.browserAs("plA")).get("/portfolio/plan")).statusCode).toBe(403);
  });
});
