import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { benefitMeasurements, benefits } from "../../src/db/schema.ts";
import { Benefit } from "../../src/http/routes/benefits/benefits.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** The nyttorealiseringsplan as pages without JavaScript: the plan, adding a benefit, its trend, measurements and gap analysis. */
describe("benefit realisation pages", () => {
  const world = useTestWorld();
  const form = {
    name: "Färre pappersbrev",
    metric: "Pappersbrev per månad",
    unit: "brev",
    baselineValue: "12 000",
    baselineDate: "2026-01-01",
    targetValue: "3 000,5",
    targetDate: "2027-12-31",
    frequency: "3",
    howRealised: "Digital brevlåda först",
  };

  it("adds a benefit with Swedish numbers, shows it in the plan, records a measurement and shows the trend", async () => {
    const { id } = await world.seedInitiative({ name: "Nyttosidor" });
    const session = await world.browserAs("plA");
    const plan = `/initiatives/${id}/benefits`;
    const empty = await session.get(plan);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain("Inga nyttor ännu.");
    expect(empty.body).toContain(`href="${plan}/new"`);
    expect(empty.body.match(/<h1/g)).toHaveLength(1);

    expect((await session.get(`${plan}/new`)).statusCode).toBe(200);
    const added = await session.post(`${plan}/new`, { ...form, ownerUserId: world.users.plA });
    expect(added.statusCode).toBe(303);
    const [stored] = await world.db.select().from(benefits).where(eq(benefits.initiativeId, id));
    expect(stored).toMatchObject({ baselineValue: 12_000, targetValue: 3000.5, frequencyMonths: 3, ownerUserId: world.users.plA });
    expect(added.headers.location).toBe(`/benefits/${stored?.id}`);

    const page = `/benefits/${stored?.id}`;
    const recorded = await session.post(`${page}/measurements`, { date: "2026-06-30", value: "8 000", note: "Halvår" });
    expect(recorded.statusCode).toBe(303);
    const shown = await session.get(page);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain("Mätvärdet 2026-06-30 är registrerat.");
    expect(shown.body).toContain('role="img"');
    expect(shown.body).toContain('class="point-measured"');
    expect(shown.body).toContain("Nyttans mätvärden i datumordning");
    expect(shown.body).toContain("Halvår");
    expect(shown.body).toContain("Delvis realiserad");
    expect(shown.body.match(/<h1/g)).toHaveLength(1);

    const listed = await session.get(plan);
    expect(listed.body).toContain("Digital brevlåda först");
    expect(listed.body).toContain("Var 3:e månad");
    expect(listed.body).toContain('scope="row"');
    expect(listed.body).toContain('aria-current="page"');
  });

  it("shows form errors beside their fields, keeps what was typed and saves nothing", async () => {
    const { id } = await world.seedInitiative({ name: "Felaktiga nyttosidor" });
    const session = await world.browserAs("plA");
    const refused = await session.post(`/initiatives/${id}/benefits/new`, { ...form, baselineValue: "tolvtusen", frequency: "0" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#f-baselineValue"');
    expect(refused.body).toContain('id="f-baselineValue-error"');
    expect(refused.body).toContain('id="f-frequency-error"');
    expect(refused.body).toContain("Ange minst 1.");
    expect(refused.body).toContain('value="tolvtusen"');
    const early = await session.post(`/initiatives/${id}/benefits/new`, { ...form, targetDate: "2025-01-01" });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('id="f-targetDate-error"');
    expect(early.body).toContain("Måldatumet kan inte ligga före datumet för utgångsläget.");
    expect(await world.db.select().from(benefits).where(eq(benefits.initiativeId, id))).toEqual([]);

    const pl = await world.loginAs("plA");
    const benefit = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      { ...form, baselineValue: 12_000, targetValue: 3000, frequency: 3 },
      Benefit,
    );
    const before = await session.post(`/benefits/${benefit.id}/measurements`, { date: "2025-12-31", value: "9 000" });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('href="#f-date"');
    expect(before.body).toContain("Datumet ligger före nyttans utgångsläge.");
    expect(before.body).toContain('value="9 000"');
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);
  });

  it("edits the gap analysis and the benefit, removes a measurement, and removes the benefit after asking", async () => {
    const { id } = await world.seedInitiative({ name: "Gapanalys" });
    const pl = await world.loginAs("plA");
    const benefit = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      { ...form, baselineValue: 12_000, targetValue: 3000, frequency: 3 },
      Benefit,
    );
    const session = await world.browserAs("plA");
    const page = `/benefits/${benefit.id}`;
    expect(
      (await session.post(`${page}/gap-analysis`, { gapCause: "Sen start", proposedActions: "Informera", responsibleUnit: "Ekonomi" }))
        .statusCode,
    ).toBe(303);
    expect((await session.post(page, { ...form, name: "Färre brev" })).statusCode).toBe(303);
    const [row] = await world.db.select().from(benefits).where(eq(benefits.id, benefit.id));
    expect(row).toMatchObject({ name: "Färre brev", gapCause: "Sen start", proposedActions: "Informera", responsibleUnit: "Ekonomi" });

    await session.post(`${page}/measurements`, { date: "2026-03-31", value: "10000" });
    const [measurement] = await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id));
    expect((await session.post(`${page}/measurements/${measurement?.id}/delete`, {})).statusCode).toBe(303);
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);

    const confirm = await session.get(`${page}/delete`);
    expect(confirm.body).toContain("Ta bort nyttan Färre brev?");
    const removed = await session.post(`${page}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/initiatives/${id}/benefits`);
    expect(await world.db.select().from(benefits).where(eq(benefits.id, benefit.id))).toEqual([]);
  });

  it("says which flows a volume-driven benefit's measurements come from, in English too", async () => {
    const { id } = await world.seedInitiative({ name: "Volymsidor" });
    const pl = await world.loginAs("plA");
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${id}/flows`,
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_000 },
      Flow,
    );
    await pl.put(`/api/v1/flows/${flow.id}/actuals`, [{ month: "2026-02", digital: 640, paper: 360 }]);
    const benefit = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      { ...form, baselineValue: 0, targetValue: 1000, frequency: 1, derivedFromFlowIds: [flow.id] },
      Benefit,
    );
    const session = await world.browserAs("plA");
    const shown = await session.get(`/benefits/${benefit.id}`);
    expect(shown.body).toContain("flödena: Beslut om bygglov");
    expect(shown.body).toContain('class="point-derived"');
    expect(shown.body).toContain("Utfall från flöden: Beslut om bygglov");
    expect((await session.post("/language", { locale: "en", returnTo: "/" })).statusCode).toBe(303);
    const english = await session.get(`/benefits/${benefit.id}`);
    expect(english.body).toContain("digital messages per month of the flows: Beslut om bygglov");
    expect(english.body).toContain("Actuals of flows: Beslut om bygglov");
    // The language is the person's own: back to Swedish for the tests after this one.
    expect((await session.post("/language", { locale: "sv", returnTo: "/" })).statusCode).toBe(303);
  });

  it("shows a läsare the plan and the benefit without forms, and refuses the forms", async () => {
    const { id } = await world.seedInitiative({ name: "Läsarens nyttor" });
    const pl = await world.loginAs("plA");
    const benefit = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      { ...form, baselineValue: 1, targetValue: 0, frequency: 1 },
      Benefit,
    );
    const reader = await world.browserAs("readerA");
    const plan = await reader.get(`/initiatives/${id}/benefits`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain("Bara initiativets projektgrupp");
    const page = await reader.get(`/benefits/${benefit.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('action="/benefits/');
    expect((await reader.get(`/initiatives/${id}/benefits/new`)).statusCode).toBe(403);
    expect((await reader.post(`/benefits/${benefit.id}/measurements`, { date: "2026-06-30", value: "1" })).statusCode).toBe(403);
  });

  it("imports measurements from a file: the upload, a preview with row errors, and the save", async () => {
    const { id } = await world.seedInitiative({ name: "Importsidor" });
    const pl = await world.loginAs("plA");
    const benefit = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      { ...form, baselineValue: 12_000, targetValue: 3000, frequency: 3 },
      Benefit,
    );
    const session = await world.browserAs("plA");
    const page = `/benefits/${benefit.id}/measurements/import`;
    const start = await session.get(page);
    expect(start.statusCode).toBe(200);
    expect(start.body).toMatch(/enctype="multipart\/form-data"/i);

    const wrong = Buffer.from("Datum;Värde\n2025-12-31;9 000\n").toString("base64");
    const refused = await session.post(`${page}/commit`, { content: wrong, fileName: "fel.csv" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Datumet ligger före nyttans utgångsläge.");

    const file = Buffer.from("Datum;Värde;Anteckning\n2026-03-31;11 000;Kvartal 1\n2026-06-30;9 500,5;\n").toString("base64");
    const preview = await session.post(page, { content: file, fileName: "matvarden.csv" });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Filen matvarden.csv har 2 mätvärden som kan sparas.");
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);
    const saved = await session.post(`${page}/commit`, { content: file, fileName: "matvarden.csv" });
    expect(saved.statusCode).toBe(303);
    const stored = await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id));
    expect(stored.map((m) => [m.date, m.value, m.source]).sort()).toEqual([
      ["2026-03-31", 11_000, "import"],
      ["2026-06-30", 9500.5, "import"],
    ]);
    expect((await session.get(`/benefits/${benefit.id}`)).body).toContain("2 mätvärden har importerats.");
  });
});
