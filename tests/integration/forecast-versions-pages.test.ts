import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flowActuals, forecastVersions } from "../../src/db/schema.ts";
import { currentForecastMonth } from "../../src/domain/flows/initiative-forecast.ts";
import { monthIndexOf, yearMonthAt } from "../../src/domain/forecast/calendar-month.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** The pages of forecast versions, their comparison and a flow's actuals: plain HTML forms, no script needed. */
describe("forecast version and actuals pages", () => {
  const world = useTestWorld();
  const flowBody = {
    name: "Påminnelse om faktura",
    recipientType: "foretag",
    annualVolume: 36_000,
    plannedTestDate: "2027-01-01",
    plannedProductionDate: "2027-04-01",
  };
  const thisMonth = () => currentForecastMonth(new Date());

  async function decidedII(name: string) {
    const { id } = await world.seedInitiative({ name, phase: 2, ready: true });
    const flow = await postJson(await world.loginAs("plA"), `/api/v1/initiatives/${id}/flows`, flowBody, Flow);
    const decision = await postJson(
      await world.loginAs("sgA"),
      `/api/v1/initiatives/${id}/milestones/II/decision`,
      decisionBody("II"),
      DecisionWithCommunications,
    );
    return { initiativeId: id, flow, baselineId: decision.baselineId ?? "" };
  }

  it("lists the versions, lets the team save a re-forecast with a reason, and shows others no form", async () => {
    const { initiativeId } = await decidedII("Versionssidan");
    const url = `/initiatives/${initiativeId}/forecast/versions`;
    const pl = await world.browserAs("plA");
    const page = await pl.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Baslinje vid milstolpe II");
    expect(page.body).toContain('name="reason"');
    expect(page.body).toContain(`href="/flows/`);

    const refused = await pl.post(url, { reason: "  " });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#f-reason"');
    expect(await world.db.select().from(forecastVersions).where(eq(forecastVersions.initiativeId, initiativeId))).toHaveLength(1);

    const saved = await pl.post(url, { reason: "Påminnelserna skjuts upp till hösten." });
    expect(saved.statusCode).toBe(303);
    const after = await pl.get(url);
    expect(after.body).toContain("Omprognosen har sparats.");
    expect(after.body).toContain("Påminnelserna skjuts upp till hösten.");

    const reader = await world.browserAs("readerA");
    const read = await reader.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('name="reason"');
    expect((await reader.post(url, { reason: "Läsaren" })).statusCode).toBe(403);
  });

  it("compares a baseline with the current forecast month by month and per year", async () => {
    const { initiativeId, flow, baselineId } = await decidedII("Jämförelsesidan");
    expect((await (await world.loginAs("plA")).put(`/api/v1/flows/${flow.id}`, { ...flowBody, annualVolume: 48_000 })).statusCode).toBe(
      200,
    );
    const b = await world.browserAs("readerA");
    const chooser = await b.get(`/initiatives/${initiativeId}/forecast/compare`);
    expect(chooser.statusCode).toBe(200);
    expect(chooser.body).toContain('method="get"');
    expect(chooser.body).not.toContain('data-testid="compared-month"');
    const page = await b.get(`/initiatives/${initiativeId}/forecast/compare?a=${baselineId}&b=current`);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/data-testid="compared-month"/g)).toHaveLength(60);
    // 36 000 a year became 48 000: 1 000 more letters a month, on paper before production.
    expect(page.body).toContain("+1\u00a0000");
    expect(page.body).toContain("Per kalenderår");
    expect((await b.get(`/initiatives/${initiativeId}/forecast/compare?a=not-an-id`)).statusCode).toBe(400);
  });

  it("shows a flow's actuals against the baseline and lets the team enter a month; bad input shows the form again, nothing saved", async () => {
    const { flow } = await decidedII("Utfallssidan");
    const url = `/flows/${flow.id}/actuals`;
    const pl = await world.browserAs("plA");
    const empty = await pl.get(url);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain("Jämförs med baslinjen från milstolpe II");

    const negative = await pl.post(url, { month: thisMonth(), digital: "-5", paper: "10" });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('href="#f-digital"');
    const future = await pl.post(url, { month: yearMonthAt(monthIndexOf(thisMonth()) + 1), digital: "5", paper: "10" });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("Månaden har inte börjat än");
    const badMonth = await pl.post(url, { month: "september", digital: "5", paper: "10" });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.body).toContain('href="#f-month"');
    expect(await world.db.select().from(flowActuals).where(eq(flowActuals.flowId, flow.id))).toEqual([]);

    const saved = await pl.post(url, { month: thisMonth(), digital: "1 200", paper: "1 800" });
    expect(saved.statusCode).toBe(303);
    const page = await pl.get(url);
    // The confirmation names the month as the table does ("december 2026"), not as typed.
    const named = new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${thisMonth()}-15T12:00:00Z`),
    );
    expect(page.body).toContain(`Utfallet för ${named} har sparats.`);
    expect(page.body.match(/data-testid="actual-month"/g)).toHaveLength(1);
    expect(page.body).toContain("1\u00a0200");
    const [row] = await world.db.select().from(flowActuals).where(eq(flowActuals.flowId, flow.id));
    expect(row).toMatchObject({ month: thisMonth(), digital: 1200, paper: 1800 });

    const reader = await world.browserAs("readerA");
    expect((await reader.get(url)).body).not.toContain('name="digital"');
    expect((await reader.post(url, { month: thisMonth(), digital: "1", paper: "1" })).statusCode).toBe(403);
    expect((await (await world.browserAs("plB")).get(url)).statusCode).toBe(404);
  });
});
