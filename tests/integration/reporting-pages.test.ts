import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reportingRounds, reportingSubmissions } from "../../src/db/schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

const summaryLinks = (html: string) => [...html.matchAll(/<a [^>]*href="#(f-[^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html)?.[1];

/**
 * Reporting rounds' pages without JavaScript (issue 14): the förvaltningsgrupp opens a round from
 * its list and follows who has submitted; the projektledare reviews her initiative's report and
 * submits it with a comment; a closed round says so.
 */
describe("reporting round pages", () => {
  const world = useTestWorld();
  const roundNamed = async (name: string) => (await world.db.select().from(reportingRounds).where(eq(reportingRounds.name, name)))[0];

  it("lets the förvaltningsgrupp open a round from the list, with every refusal shown beside its field", async () => {
    const fg = await world.browserAs("fg");
    const home = await fg.get("/");
    expect(home.body).toContain('href="/reporting-rounds"');
    const list = await fg.get("/reporting-rounds");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Ingen rapporteringsomgång är öppnad än.");
    expect(list.body).toMatch(/<label[^>]*for="f-name"/);
    expect(list.body).toMatch(/<label[^>]*for="f-deadline"/);

    const empty = await fg.post("/reporting-rounds", { name: "", deadline: "", remindDaysBefore: "7", remindDaysAfter: "3" });
    expect(empty.statusCode).toBe(400);
    expect(summaryLinks(empty.body)).toEqual(["f-name", "f-deadline"]);
    expect(empty.body).toContain('aria-describedby="');

    const yesterday = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() - 86_400_000));
    const past = await fg.post("/reporting-rounds", {
      name: "Halvårsrapport 2027-1",
      deadline: yesterday,
      remindDaysBefore: "7",
      remindDaysAfter: "3",
    });
    expect(past.statusCode).toBe(400);
    expect(fieldError(past.body, "f-deadline")).toContain("Sista dagen har redan varit");
    // What was typed comes back.
    expect(past.body).toContain('value="Halvårsrapport 2027-1"');

    const days = await fg.post("/reporting-rounds", {
      name: "Dagar",
      deadline: "2099-01-01",
      remindDaysBefore: "nittio",
      remindDaysAfter: "100",
    });
    expect(days.statusCode).toBe(400);
    expect(summaryLinks(days.body)).toEqual(["f-remindDaysBefore", "f-remindDaysAfter"]);

    const created = await fg.post("/reporting-rounds", {
      name: "Halvårsrapport 2027-1",
      deadline: "2099-06-30",
      remindDaysBefore: "10",
      remindDaysAfter: "2",
    });
    expect(created.statusCode).toBe(303);
    const round = await roundNamed("Halvårsrapport 2027-1");
    expect(round).toMatchObject({ deadline: "2099-06-30", remindDaysBefore: 10, remindDaysAfter: 2 });
    expect(created.headers.location).toBe(`/reporting-rounds/${round?.id}`);
    const page = await fg.get(String(created.headers.location));
    expect(page.body).toContain("Rapporteringsomgången Halvårsrapport 2027-1 är öppnad.");
    expect(page.body).toContain("Sista dag 30 juni 2099. Påminnelser 10 dagar före och 2 dagar efter sista dagen.");

    const twice = await fg.post("/reporting-rounds", {
      name: "halvårsrapport 2027-1",
      deadline: "2099-06-30",
      remindDaysBefore: "7",
      remindDaysAfter: "3",
    });
    expect(twice.statusCode).toBe(409);
    expect(fieldError(twice.body, "f-name")).toBe("Det finns redan en omgång med det namnet.");
    expect((await fg.get("/reporting-rounds")).body).toContain(`href="/reporting-rounds/${round?.id}"`);
  });

  it("keeps the rounds' pages from everyone but the förvaltningsgrupp", async () => {
    for (const person of ["plA", "admin", "readerA"] as const) {
      const b = await world.browserAs(person);
      expect((await b.get("/reporting-rounds")).statusCode, person).toBe(403);
      expect((await b.get("/")).body, person).not.toContain('href="/reporting-rounds"');
    }
  });

  it("lets the projektledare review and submit her initiative's report, and the förvaltningsgrupp follow it and close the round", async () => {
    const fg = await world.browserAs("fg");
    const pl = await world.browserAs("plA");
    const plApi = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Rapporterar via sidan" });
    const missing = await world.seedInitiative({ name: "Har inte rapporterat" });
    const flow = await postJson(
      plApi,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2020-02-01" },
      Flow,
    );
    await fg.post("/reporting-rounds", { name: "Sidornas första", deadline: "2099-03-31", remindDaysBefore: "7", remindDaysAfter: "3" });
    const first = await roundNamed("Sidornas första");
    if (!first) throw new Error("no round");

    const overview = await pl.get(`/initiatives/${initiative.id}`);
    expect(overview.body).toContain(`href="/initiatives/${initiative.id}/reporting"`);
    const reporting = await pl.get(`/initiatives/${initiative.id}/reporting`);
    expect(reporting.statusCode).toBe(200);
    expect(reporting.body).toContain("Sidornas första");
    expect(reporting.body).toContain("Det här skickas in");
    expect(reporting.body).toContain("Beslut om bygglov");
    expect(reporting.body).toContain("Skicka in");
    const field = `f-comment-${first.id}`;
    expect(reporting.body).toMatch(new RegExp(`<label[^>]*for="${field}"`));

    const long = await pl.post(`/initiatives/${initiative.id}/reporting/${first.id}`, { [`comment-${first.id}`]: "x".repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(summaryLinks(long.body)).toEqual([field]);
    expect(fieldError(long.body, field)).toBe("Texten är för lång.");

    const sent = await pl.post(`/initiatives/${initiative.id}/reporting/${first.id}`, {
      [`comment-${first.id}`]: "Enligt plan.\r\nInga ändringar.",
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/initiatives/${initiative.id}/reporting`);
    const [stored] = await world.db.select().from(reportingSubmissions).where(eq(reportingSubmissions.roundId, first.id));
    expect(stored).toMatchObject({ initiativeId: initiative.id, comment: "Enligt plan.\nInga ändringar." });
    const after = await pl.get(`/initiatives/${initiative.id}/reporting`);
    expect(after.body).toContain("Rapporten till Sidornas första är inskickad.");
    expect(after.body).toContain("Initiativet har lämnat in sin rapport till omgången.");
    expect(after.body).toContain(`href="/reporting-rounds/${first.id}/submissions/${stored?.id}"`);
    // A second press of the button says so instead of failing.
    const again = await pl.post(`/initiatives/${initiative.id}/reporting/${first.id}`, { [`comment-${first.id}`]: "" });
    expect(again.statusCode).toBe(303);
    expect((await pl.get(`/initiatives/${initiative.id}/reporting`)).body).toContain(
      "Initiativet har lämnat in sin rapport till omgången.",
    );

    // The report as frozen, for the organisation's members and the förvaltningsgrupp.
    const report = await pl.get(`/reporting-rounds/${first.id}/submissions/${stored?.id}`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain("Rapport från Rapporterar via sidan till Sidornas första");
    expect(report.body).toContain("Enligt plan.\nInga ändringar.");
    expect((await (await world.browserAs("readerA")).get(`/reporting-rounds/${first.id}/submissions/${stored?.id}`)).statusCode).toBe(200);
    expect((await (await world.browserAs("plB")).get(`/reporting-rounds/${first.id}/submissions/${stored?.id}`)).statusCode).toBe(404);

    // A second round: the förvaltningsgrupp sees the report against the first one.
    await plApi.put(`/api/v1/flows/${flow.id}`, {
      name: "Beslut om bygglov",
      recipientType: "privatperson",
      annualVolume: 24_000,
      plannedProductionDate: "2020-03-02",
    });
    await fg.post("/reporting-rounds", { name: "Sidornas andra", deadline: "2099-09-30", remindDaysBefore: "7", remindDaysAfter: "3" });
    const second = await roundNamed("Sidornas andra");
    if (!second) throw new Error("no round");
    expect((await pl.post(`/initiatives/${initiative.id}/reporting/${second.id}`, { [`comment-${second.id}`]: "" })).statusCode).toBe(303);
    const roundPage = await fg.get(`/reporting-rounds/${second.id}`);
    expect(roundPage.statusCode).toBe(200);
    expect(roundPage.body).toContain("Sundsvalls kommun");
    expect(roundPage.body).toMatch(new RegExp(`data-initiative="${initiative.id}" data-status="submitted"`));
    expect(roundPage.body).toMatch(new RegExp(`data-initiative="${missing.id}" data-status="missing"`));
    expect(roundPage.body).toContain("Saknas");
    expect(roundPage.body).toContain("Jämfört med förra rapporten (Sidornas första)");
    expect(roundPage.body).toContain("+30 dagar");
    expect(roundPage.body).toContain("Stäng omgången");

    const closed = await fg.post(`/reporting-rounds/${second.id}/close`, {});
    expect(closed.statusCode).toBe(303);
    const closedPage = await fg.get(`/reporting-rounds/${second.id}`);
    expect(closedPage.body).toContain("Rapporteringsomgången Sidornas andra är stängd.");
    expect(closedPage.body).toContain("Stängd ");
    expect(closedPage.body).not.toContain(`action="/reporting-rounds/${second.id}/close"`);

    // A report to the closed round is turned away with the reason.
    const lateInitiative = missing.id;
    const late = await pl.post(`/initiatives/${lateInitiative}/reporting/${second.id}`, { [`comment-${second.id}`]: "" });
    expect(late.statusCode).toBe(303);
    expect((await pl.get(`/initiatives/${lateInitiative}/reporting`)).body).toContain(
      "Omgången är stängd och tar inte emot fler rapporter.",
    );
  });

  it("shows other members the open rounds without the form, and the page in English", async () => {
    const fg = await world.browserAs("fg");
    const { id } = await world.seedInitiative({ name: "Läses av läsaren" });
    await fg.post("/reporting-rounds", { name: "Läsarens omgång", deadline: "2099-12-31", remindDaysBefore: "7", remindDaysAfter: "3" });
    const reader = await world.browserAs("readerA");
    const page = await reader.get(`/initiatives/${id}/reporting`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Läsarens omgång");
    expect(page.body).toContain("Initiativets projektledare skickar in rapporten.");
    expect(page.body).not.toContain("Skicka in<");
    const round = await roundNamed("Läsarens omgång");
    expect((await reader.post(`/initiatives/${id}/reporting/${round?.id}`, {})).statusCode).toBe(403);
    expect((await (await world.browserAs("plB")).get(`/initiatives/${id}/reporting`)).statusCode).toBe(404);

    const pl = await world.browserAs("plA");
    expect((await pl.post("/language", { locale: "en", returnTo: "/" })).statusCode).toBe(303);
    const english = await pl.get(`/initiatives/${id}/reporting`);
    expect(english.body).toContain("Reporting for Läses av läsaren");
    expect(english.body).toContain("What will be submitted");
    await pl.post("/language", { locale: "sv", returnTo: "/" });
  });
});
