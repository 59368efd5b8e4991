import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, messageFlows } from "../../src/db/schema.ts";
import { EVEN_SEASONALITY } from "../../src/domain/flows/flow-input.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** What a browser without JavaScript posts from the flow form: per cents per month, typed numbers. */
const months = (percents: readonly string[]) => Object.fromEntries(percents.map((p, i) => [`seasonality.${i}`, p]));
const EVEN = months(Array.from({ length: 12 }, () => "8,333"));
const bygglov = {
  name: "Beslut om bygglov",
  description: "Beslut till sökande.",
  businessProcess: "Bygglovshandläggning",
  sourceSystem: "Castor",
  recipientType: "privatperson",
  annualVolume: "12 000",
  ...months(["5", "5", "10", "10", "10", "10", "5", "5", "10", "10", "10", "10"]),
  currentChannel: "Papperspost via tryckeri",
  costPerLetterSek: "21,50",
  informationSecurityClass: "2 – Måttlig",
  legalConstraints: "Sekretess enligt OSL i vissa ärenden.",
  needs: ["needsReceipts"],
  tactic: "formedlare",
  plannedTestDate: "2027-03-01",
  plannedProductionDate: "2027-06-01",
  status: "prioriterad",
};

/** The error summary and the error beside the field, as the page shows them. */
const summaryLinks = (html: string) => [...html.matchAll(/<a [^>]*href="#(f-[^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html)?.[1];

describe("message flow pages", () => {
  const world = useTestWorld();
  const stored = (initiativeId: string) => world.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, initiativeId));

  it("registers a flow through the plain form, with Swedish numbers, and lists it", async () => {
    const pl = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative({ name: "Flödessidor" });

    const list = await pl.get(`/initiatives/${initiativeId}/flows`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/initiatives/${initiativeId}/flows/new"`);
    expect(list.body).toContain("Inga meddelandeflöden är registrerade ännu.");

    const form = await pl.get(`/initiatives/${initiativeId}/flows/new`);
    expect(form.statusCode).toBe(200);
    // The default cost and the even seasons are shown as the form will send them back.
    expect(form.body).toMatch(/name="costPerLetterSek"[^>]*value="15"/);
    expect(form.body.match(/name="seasonality\.\d+"[^>]*value="8,333"/g)).toHaveLength(12);

    const created = await pl.post(`/initiatives/${initiativeId}/flows/new`, bygglov);
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`/initiatives/${initiativeId}/flows`);

    const [row] = await stored(initiativeId);
    expect(row).toMatchObject({
      name: "Beslut om bygglov",
      annualVolume: 12_000,
      recipientType: "privatperson",
      sourceSystem: "Castor",
      informationSecurityClass: "2 – Måttlig",
      needsReplies: false,
      needsReceipts: true,
      tactic: "formedlare",
      plannedTestDate: "2027-03-01",
      plannedProductionDate: "2027-06-01",
      status: "prioriterad",
    });
    expect(Number(row?.costPerLetterSek)).toBe(21.5);
    expect(row?.seasonality).toEqual([0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1]);

    const listed = await pl.get(`/initiatives/${initiativeId}/flows`);
    expect(listed.body).toContain("Meddelandeflödet ”Beslut om bygglov” är sparat.");
    expect(listed.body).toContain(`href="/flows/${row?.id}">Beslut om bygglov</a>`);
    expect(listed.body).toMatch(/12\s000</);
    expect(listed.body).toContain("Prioriterad");
    expect(listed.body).toContain("Gemensam anslutningstjänst eller förmedlare");
  });

  it("keeps the even default exact when the form is saved with 8,333 in every month", async () => {
    const pl = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative();
    const res = await pl.post(`/initiatives/${initiativeId}/flows/new`, {
      name: "Kallelser",
      recipientType: "foretag",
      annualVolume: "4000",
      ...EVEN,
      costPerLetterSek: "",
      status: "identifierad",
    });
    expect(res.statusCode).toBe(303);
    const [row] = await stored(initiativeId);
    expect(row?.seasonality).toEqual(EVEN_SEASONALITY);
    // An empty cost is the default, as in the API.
    expect(Number(row?.costPerLetterSek)).toBe(15);
  });

  it.each([
    {
      what: "seasonality not making 100 per cent",
      change: months(Array.from({ length: 12 }, () => "9")),
      field: "f-seasonality",
      message: "Månadernas andelar måste tillsammans bli 100 procent.",
      summary: "Säsongsvariation: Månadernas andelar måste tillsammans bli 100 procent.",
    },
    {
      what: "a month that is not a per cent",
      change: { "seasonality.3": "tio" },
      field: "f-seasonality-3",
      message: "Ange andelen i procent, till exempel 8,333.",
      summary: "Säsongsvariation, april: Ange andelen i procent, till exempel 8,333.",
    },
    {
      what: "a test after production",
      change: { plannedTestDate: "2027-07-01" },
      field: "f-plannedTestDate",
      message: "Testet måste vara planerat senast samma dag som produktionen.",
      summary: "Planerat test: Testet måste vara planerat senast samma dag som produktionen.",
    },
    {
      what: "a volume in letters",
      change: { annualVolume: "abc" },
      field: "f-annualVolume",
      message: "Ange ett tal med siffror, till exempel 12 000 eller 21,50.",
      summary: "Årsvolym: Ange ett tal med siffror, till exempel 12 000 eller 21,50.",
    },
    {
      what: "a fractional volume",
      change: { annualVolume: "12 000,5" },
      field: "f-annualVolume",
      message: "Ange ett heltal.",
      summary: "Årsvolym: Ange ett heltal.",
    },
    {
      what: "an impossible date",
      change: { plannedProductionDate: "2027-02-30" },
      field: "f-plannedProductionDate",
      message: "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-09-01.",
      summary: "Planerad produktion: Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-09-01.",
    },
  ])("refuses $what with the error beside the field and in the summary, saving nothing", async ({ change, field, message, summary }) => {
    const pl = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative();
    const res = await pl.post(`/initiatives/${initiativeId}/flows/new`, { ...bygglov, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Det finns fel i formuläret");
    expect(summaryLinks(res.body)).toContainEqual([field, summary]);
    expect(fieldError(res.body, field)).toBe(message);
    expect(res.body).toMatch(new RegExp(`id="${field}"[^>]*aria-(invalid|describedby)`));
    // The form comes back as typed.
    expect(res.body).toMatch(/name="name"[^>]*value="Beslut om bygglov"/);
    expect(await stored(initiativeId)).toEqual([]);
  });

  it("changes a flow on its page and removes it after a confirmation", async () => {
    const api = await world.loginAs("plA");
    const pl = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative();
    const flow = await postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      { name: "Fakturor", recipientType: "blandat", annualVolume: 123_456 },
      Flow,
    );

    const page = await pl.get(`/flows/${flow.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="annualVolume"[^>]*value="123\s456"/);
    expect(page.body).toContain(`href="/flows/${flow.id}/delete"`);

    // Sent back as shown, with one change: the formatted volume and the even seasons read as stored.
    const shown = Object.fromEntries(
      [...page.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)]
        .filter((m) => m[1] !== "_csrf" && m[1] !== "recipientType" && m[1] !== "needs")
        .map((m) => [m[1], m[2]]),
    );
    const saved = await pl.post(`/flows/${flow.id}`, {
      ...shown,
      recipientType: "blandat",
      status: "i_test",
      tactic: "",
      name: "Fakturor 2",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/flows/${flow.id}`);
    const [row] = await stored(initiativeId);
    expect(row).toMatchObject({ name: "Fakturor 2", annualVolume: 123_456, status: "i_test", recipientType: "blandat" });
    expect(row?.seasonality).toEqual(EVEN_SEASONALITY);

    const confirm = await pl.get(`/flows/${flow.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Ta bort ”Fakturor 2”?");
    const removed = await pl.post(`/flows/${flow.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/initiatives/${initiativeId}/flows`);
    expect(await stored(initiativeId)).toEqual([]);
    const audits = await world.db.select().from(auditLog).where(eq(auditLog.entityId, flow.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["message_flow.create", "message_flow.delete", "message_flow.update"]);
  });

  it("shows a reader the flow without a form and refuses the reader's posts", async () => {
    const api = await world.loginAs("plA");
    const reader = await world.browserAs("readerA");
    const { id: initiativeId } = await world.seedInitiative();
    const flow = await postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      { name: "Påminnelser", recipientType: "privatperson", annualVolume: 800 },
      Flow,
    );

    const list = await reader.get(`/initiatives/${initiativeId}/flows`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Påminnelser");
    expect(list.body).not.toContain("/flows/new");
    const page = await reader.get(`/flows/${flow.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Påminnelser");
    expect(page.body).not.toContain('<form method="post" action="/flows/');
    expect(page.body).toContain("Bara initiativets team kan registrera och ändra meddelandeflöden.");

    expect((await reader.get(`/initiatives/${initiativeId}/flows/new`)).statusCode).toBe(403);
    expect((await reader.post(`/initiatives/${initiativeId}/flows/new`, bygglov)).statusCode).toBe(403);
    expect((await reader.post(`/flows/${flow.id}`, { ...bygglov, name: "Ändrad" })).statusCode).toBe(403);
    expect((await reader.post(`/flows/${flow.id}/delete`, {})).statusCode).toBe(403);
    const rows = await stored(initiativeId);
    expect(rows.map((r) => r.name)).toEqual(["Påminnelser"]);
    // Another organisation does not learn the flow exists.
    const outsider = await world.browserAs("plB");
    expect((await outsider.get(`/flows/${flow.id}`)).statusCode).toBe(404);
  });

  it("draws the forecast as an image with the same figures in tables, and refuses a period it cannot show", async () => {
    const api = await world.loginAs("plA");
    const reader = await world.browserAs("readerA");
    const { id: initiativeId } = await world.seedInitiative();
    await postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      { name: "Bygglov", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2027-01-15" },
      Flow,
    );

    const res = await reader.get(`/initiatives/${initiativeId}/forecast?from=2026-07&months=24`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="forecast-chart-title forecast-chart-desc"/);
    expect(res.body).toContain("Meddelanden per månad 2026-07–2028-06");
    expect(res.body.match(/data-month="/g)).toHaveLength(24);
    // Per year: half of 2026 (6 000), all of 2027 and half of 2028, the same as the API's months.
    expect(res.body).toMatch(/<th scope="row"[^>]*>2026<\/th><td[^>]*>6\s000<\/td><td[^>]*>0<\/td><td[^>]*>6\s000<\/td>/);
    expect(res.body).toMatch(/<th scope="row"[^>]*>2027<\/th><td[^>]*>12\s000<\/td>/);
    expect(res.body).toContain("<details");
    expect(res.body).toContain(`href="/initiatives/${initiativeId}/forecast.csv?from=2026-07&amp;months=24"`);
    expect(res.body).toContain(`href="/initiatives/${initiativeId}/forecast.xlsx?from=2026-07&amp;months=24"`);
    // The links work with the reader's session (the API's own file routes take a bearer token).
    const csv = await reader.get(`/initiatives/${initiativeId}/forecast.csv?from=2026-07&months=24`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(String(csv.headers["content-disposition"])).toMatch(/^attachment; filename=/);
    expect(csv.body).toMatch(/\nAlla flöden;[^\n]*;2026-07;1000;/);
    const xlsx = await reader.get(`/initiatives/${initiativeId}/forecast.xlsx?months=24`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await reader.get(`/initiatives/${initiativeId}/forecast.csv?months=241`)).statusCode).toBe(404);

    const short = await reader.get(`/initiatives/${initiativeId}/forecast?from=2026-07&months=6`);
    expect(short.statusCode).toBe(400);
    expect(fieldError(short.body, "f-months")).toBe("Ange ett helt antal månader från 12 till 240.");
    const badMonth = await reader.get(`/initiatives/${initiativeId}/forecast?from=2026-13`);
    expect(badMonth.statusCode).toBe(400);
    expect(fieldError(badMonth.body, "f-from")).toBe("Ange en månad som ÅÅÅÅ-MM, till exempel 2027-09.");
    expect(badMonth.body).not.toContain("<svg");
  });

  it("draws the connection plan with the flows' dates and the milestones' planned and decided days", async () => {
    const api = await world.loginAs("plA");
    const reader = await world.browserAs("readerA");
    // Phase 2: milestone I is decided.
    const { id: initiativeId } = await world.seedInitiative({ phase: 2 });
    expect((await api.put(`/api/v1/initiatives/${initiativeId}/milestones/II/plan`, { plannedOn: "2027-02-01" })).statusCode).toBe(200);
    await postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      {
        name: "Bygglov",
        recipientType: "privatperson",
        annualVolume: 100,
        plannedTestDate: "2027-03-01",
        plannedProductionDate: "2027-06-01",
      },
      Flow,
    );
    await postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      { name: "Odaterat", recipientType: "foretag", annualVolume: 100 },
      Flow,
    );

    const res = await reader.get(`/initiatives/${initiativeId}/plan`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="plan-chart-title plan-chart-desc"/);
    expect(res.body.match(/class="gantt-bar"/g)).toHaveLength(1);
    expect(res.body).toMatch(/class="gantt-unplanned"[^>]*>ej planerad</);
    expect(res.body).toContain(">II planerad</text>");
    expect(res.body).toContain(">I beslutad</text>");
    // The tables carry the same dates.
    expect(res.body).toContain("1 februari 2027");
    expect(res.body).toContain("1 juni 2027");
    expect(res.body).toMatch(/Odaterat<\/a><\/th><td[^>]*>Identifierad<\/td><td[^>]*>ej planerad<\/td>/);
  });

  it("lists the plan in priority order, which the team's override with motivation changes", async () => {
    const api = await world.loginAs("plA");
    const browser = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative({ name: "Planens ordning" });
    const url = `/api/v1/initiatives/${initiativeId}/flows`;
    const small = await postJson(api, url, { name: "Litet flöde", recipientType: "privatperson", annualVolume: 500 }, Flow);
    await postJson(api, url, { name: "Stort flöde", recipientType: "privatperson", annualVolume: 500_000 }, Flow);
    const order = async () =>
      [
        ...(await browser.get(`/initiatives/${initiativeId}/plan`)).body.matchAll(
          /<td[^>]*>(\d+)<\/td><th[^>]*scope="row"[^>]*><a [^>]*>([^<]+)<\/a>/g,
        ),
      ].map((m) => `${m[1]} ${m[2]}`);
    expect(await order()).toEqual(["1 Stort flöde", "2 Litet flöde"]);
    const judged = await api.put(`/api/v1/flows/${small.id}`, {
      name: "Litet flöde",
      recipientType: "privatperson",
      annualVolume: 500,
      priorityOverride: 100,
      priorityMotivation: "Lagkrav från 2027",
    });
    expect(judged.statusCode).toBe(200);
    expect(await order()).toEqual(["1 Litet flöde", "2 Stort flöde"]);
  });

  it("links the flows, the forecast and the plan from the initiative's overview", async () => {
    const pl = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative();
    const overview = await pl.get(`/initiatives/${initiativeId}`);
    expect(overview.body).toContain(`href="/initiatives/${initiativeId}/flows">Meddelandeflöden</a>`);
    expect(overview.body).toContain(`href="/initiatives/${initiativeId}/forecast">Volymprognos</a>`);
    expect(overview.body).toContain(`href="/initiatives/${initiativeId}/plan">Anslutningsplan</a>`);
  });
});

describe("message flow pages with the installation's own information security scale", () => {
  const world = useTestWorld({ env: { INFORMATION_SECURITY_SCALE: "K1 Öppen;K2 Intern;K3 Skyddad" } });

  it("offers the installation's classes and keeps a class the scale no longer names", async () => {
    const api = await world.loginAs("plA");
    const pl = await world.browserAs("plA");
    const { id: initiativeId } = await world.seedInitiative();
    const options = (html: string) =>
      [...html.slice(html.indexOf('name="informationSecurityClass"')).matchAll(/<option value="([^"]*)"/g)].slice(0, 5).map((m) => m[1]);

    const form = await pl.get(`/initiatives/${initiativeId}/flows/new`);
    expect(options(form.body).slice(0, 4)).toEqual(["", "K1 Öppen", "K2 Intern", "K3 Skyddad"]);

    const flow = await postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      { name: "Äldre klassning", recipientType: "privatperson", annualVolume: 10, informationSecurityClass: "2 – Måttlig" },
      Flow,
    );
    const page = await pl.get(`/flows/${flow.id}`);
    expect(options(page.body)).toEqual(["", "K1 Öppen", "K2 Intern", "K3 Skyddad", "2 – Måttlig"]);
    expect(page.body).toMatch(/<option value="2 – Måttlig" selected=""/);
  });
});
