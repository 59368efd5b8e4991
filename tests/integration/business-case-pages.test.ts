import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { businessCases, flowPlanSettings } from "../../src/db/schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** The error beside a field and the error summary's links, as the page shows them. */
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html)?.[1];
const summaryLinks = (html: string) => [...html.matchAll(/<a [^>]*href="#(f-[^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
/** Amounts as the page writes them: "211 818,41 kr" with a no-break space. */
const text = (html: string) => html.replace(/[\u00a0\u202f]/g, " ");

/** The business case form as a browser posts it: Swedish numbers, a row per line, empty rows left empty. */
const form = {
  startYear: "2027",
  horizonYears: "3",
  discountRate: "3",
  "costs.0.category": "utveckling",
  "costs.0.year": "2027",
  "costs.0.low": "80 000",
  "costs.0.expected": "100 000",
  "costs.0.high": "150 000",
  "costs.0.note": "",
  "costs.1.category": "drift",
  "costs.1.year": "2028",
  "costs.1.low": "15 000",
  "costs.1.expected": "20 000",
  "costs.1.high": "30 000",
  "costs.1.note": "Förmedlarens avgift",
  "costs.2.category": "drift",
  "costs.2.year": "2029",
  "costs.2.low": "15 000",
  "costs.2.expected": "20 000",
  "costs.2.high": "30 000",
  "costs.3.category": "utveckling",
  "costs.3.year": "",
  "costs.3.low": "",
  "costs.3.expected": "",
  "costs.3.high": "",
  "benefits.0.category": "omfordelad_tid",
  "benefits.0.beneficiary": "organisation",
  "benefits.0.year": "2028",
  "benefits.0.low": "30 000",
  "benefits.0.expected": "50 000",
  "benefits.0.high": "60 000",
  "benefits.1.category": "finansiell",
  "benefits.1.beneficiary": "organisation",
  "benefits.1.year": "",
  "benefits.1.low": "",
  "benefits.1.expected": "",
  "benefits.1.high": "",
};

describe("business case pages", () => {
  const world = useTestWorld();
  const stored = async (initiativeId: string) =>
    (await world.db.select().from(businessCases).where(eq(businessCases.initiativeId, initiativeId)))[0];
  /** The stored row's JSON columns as the test reads them. */
  const storedJson = async (initiativeId: string) => {
    const row = await stored(initiativeId);
    return {
      costs: (row?.costs ?? []) as { year: number; note: string | null }[],
      effectChain: (row?.effectChain ?? { nodes: [], links: [] }) as { nodes: { id: string; kind: string }[]; links: unknown[] },
    };
  };

  /** The worked example: 12,000 letters at 11.50 kr from January 2027 at 75 % reach. */
  async function withBygglov(initiativeId: string) {
    const api = await world.loginAs("plA");
    await world.db
      .insert(flowPlanSettings)
      .values({ initiativeId, reachOverrides: { privatperson: { "2027": 0.75, "2028": 0.75, "2029": 0.75 } } });
    return postJson(
      api,
      `/api/v1/initiatives/${initiativeId}/flows`,
      {
        name: "Beslut om bygglov",
        recipientType: "privatperson",
        annualVolume: 12_000,
        costPerLetterSek: 11.5,
        plannedProductionDate: "2027-01-01",
        status: "i_produktion",
      },
      Flow,
    );
  }

  it("saves the form with Swedish numbers and shows the results with how each is calculated", async () => {
    const pl = await world.browserAs("plA");
    const { id } = await world.seedInitiative({ name: "Kalkylsidan" });
    const flow = await withBygglov(id);

    const saved = await pl.post(`/initiatives/${id}/business-case`, form);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/initiatives/${id}/business-case`);
    const row = await stored(id);
    expect(row).toMatchObject({ startYear: 2027, horizonYears: 3, discountRate: 0.03 });
    expect(row?.costs).toHaveLength(3);
    expect((await storedJson(id)).costs[1]?.note).toBe("Förmedlarens avgift");

    const res = await pl.get(`/initiatives/${id}/business-case`);
    expect(res.statusCode).toBe(200);
    const html = text(res.body);
    expect(html).toContain("Kalkylen är sparad.");
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('aria-current="page"');
    // The three scenarios side by side, hand-checked in business-case.test.ts.
    expect(html).toMatch(/data-scenario="expected".*?211 818,41 kr.*?2027/s);
    expect(html).toMatch(/data-scenario="low".*?83 060,35 kr.*?2028/s);
    // Per year, the computed benefit and the flow it comes from, linked.
    expect(html).toMatch(/data-year="2027".*?100 000 kr.*?103 500 kr.*?3 500 kr/s);
    expect(html).toContain(`href="/flows/${flow.id}">Beslut om bygglov</a>`);
    // "Hur räknas detta?" with the actual inputs.
    expect(html).toContain("Hur räknas detta?");
    expect(html).toContain("2028: 133 500 kr ÷ 1,03 = 129 611,65 kr");
    expect(html).toContain("Beslut om bygglov 2027: 9 000 × 11,5 kr = 103 500 kr");
    expect(html).toContain("7 800 och 10 200 digitala meddelanden");
    // The tornado chart with its table.
    expect(html).toContain('aria-labelledby="tornado-chart-title tornado-chart-desc"');
    expect(html).toContain("Flöde: Beslut om bygglov");
    // The form shows the lines again as Swedish numbers, with empty rows to add more.
    expect(res.body).toMatch(/name="costs\.0\.expected"[^>]*value="100\s000"/);
    expect(res.body).toMatch(/name="discountRate"[^>]*value="3"/);
    expect(res.body).toContain('name="costs.5.year"');
  });

  it("shows each error beside its cell with a summary, and saves nothing", async () => {
    const pl = await world.browserAs("plA");
    const { id } = await world.seedInitiative({ name: "Fel i kalkylen" });
    const res = await pl.post(`/initiatives/${id}/business-case`, {
      ...form,
      discountRate: "25",
      "costs.1.low": "25 000",
      "costs.2.expected": "mycket",
    });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, "f-costs-1-low")).toBe("Det låga värdet kan inte vara större än det förväntade.");
    expect(fieldError(res.body, "f-discountRate")).toBe("Ange en kalkylränta från 0 till 20 procent.");
    expect(fieldError(res.body, "f-costs-2-expected")).toBe("Ange ett tal.");
    expect(summaryLinks(res.body)).toEqual(expect.arrayContaining(["f-costs-1-low", "f-costs-2-expected", "f-discountRate"]));
    expect(res.body).toContain("Kostnad 2: Lågt");
    // The form comes back as typed.
    expect(res.body).toMatch(/name="costs\.2\.expected"[^>]*value="mycket"/);
    // The horizon is checked once every line reads: a year outside it, beside the year.
    const outside = await pl.post(`/initiatives/${id}/business-case`, { ...form, "benefits.0.year": "2031" });
    expect(outside.statusCode).toBe(400);
    expect(fieldError(outside.body, "f-benefits-0-year")).toBe("Året ligger utanför kalkylens horisont.");
    expect(await stored(id)).toBeUndefined();
  });

  it("removes a line marked for removal and leaves empty rows out", async () => {
    const pl = await world.browserAs("plA");
    const { id } = await world.seedInitiative({ name: "Ta bort rad" });
    expect((await pl.post(`/initiatives/${id}/business-case`, { ...form, "costs.1.remove": "yes" })).statusCode).toBe(303);
    const row = await stored(id);
    expect((await storedJson(id)).costs.map((c) => c.year)).toEqual([2027, 2029]);
    expect(row?.benefits).toHaveLength(1);
  });

  it("shows a reader the business case without a form and refuses the reader's post", async () => {
    const pl = await world.browserAs("plA");
    const reader = await world.browserAs("readerA");
    const { id } = await world.seedInitiative({ name: "Läsarens kalkyl" });
    await pl.post(`/initiatives/${id}/business-case`, form);
    const res = await reader.get(`/initiatives/${id}/business-case`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('name="costs.0.expected"');
    expect(res.body).toContain("Bara initiativets projektgrupp kan ändra kalkylen.");
    expect(text(res.body)).toContain("Förmedlarens avgift");
    expect((await reader.post(`/initiatives/${id}/business-case`, { ...form, discountRate: "5" })).statusCode).toBe(403);
    expect((await stored(id))?.discountRate).toBe(0.03);
    // In English too, with the numbers as English writes them.
    await reader.post("/language", { locale: "en", returnTo: "/" });
    const english = text((await reader.get(`/initiatives/${id}/business-case`)).body);
    expect(english).toContain("Business case for Läsarens kalkyl");
    expect(english).toContain("How is this calculated?");
    expect(english).toContain("project team can change the business case.");
    // The choice is the reader's account's: back to Swedish for the tests after this one.
    await reader.post("/language", { locale: "sv", returnTo: "/" });
  });

  it("builds the effektkedja through the forms and draws it with a text alternative", async () => {
    const pl = await world.browserAs("plA");
    const reader = await world.browserAs("readerA");
    const { id } = await world.seedInitiative({ name: "Effektkedjan" });
    const href = `/initiatives/${id}/business-case/effect-chain`;
    expect((await pl.get(href)).body).toContain("Effektkedjan är tom.");
    for (const [kind, label] of <[string, string][]>[
      ["effektmal", "Snabbare besked"],
      ["nytta", "Lägre portokostnad"],
      ["forandring", "Beslut skickas digitalt"],
      ["mojliggorare", "Anslutning till Mina meddelanden"],
    ]) {
      const added = await pl.post(`${href}/nodes`, { kind, label });
      expect(added.statusCode).toBe(303);
    }
    const chain = (await storedJson(id)).effectChain;
    const idOf = (kind: string) => chain.nodes.find((n) => n.kind === kind)?.id ?? "";

    // A link that skips a level is refused beside the field; nothing saved.
    const skipped = await pl.post(`${href}/links`, { from: idOf("mojliggorare"), to: idOf("nytta") });
    expect(skipped.statusCode).toBe(400);
    expect(fieldError(skipped.body, "f-to")).toContain("En länk går ett steg uppåt");
    const missing = await pl.post(`${href}/nodes`, { kind: "", label: "" });
    expect(missing.statusCode).toBe(400);
    expect(fieldError(missing.body, "f-kind")).toBe("Välj ett av alternativen.");

    for (const [from, to] of <[string, string][]>[
      ["mojliggorare", "forandring"],
      ["forandring", "nytta"],
      ["nytta", "effektmal"],
    ])
      expect((await pl.post(`${href}/links`, { from: idOf(from), to: idOf(to) })).statusCode).toBe(303);

    const page = await reader.get(href);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('aria-labelledby="effect-chain-title effect-chain-desc"');
    expect(page.body.match(/data-link="/g)).toHaveLength(3);
    // The text alternative reads from the effect goal down.
    expect(page.body).toMatch(
      /Effektmål: Snabbare besked<ul><li>Nytta: Lägre portokostnad<ul><li>Förändring: Beslut skickas digitalt<ul><li>Möjliggörare: Anslutning/,
    );
    expect(page.body).not.toContain(`action="${href}/nodes"`);
    expect((await reader.post(`${href}/nodes`, { kind: "nytta", label: "Läsarens" })).statusCode).toBe(403);

    // Removing a part removes its links.
    expect((await pl.post(`${href}/nodes/delete`, { nodeId: idOf("forandring") })).statusCode).toBe(303);
    const after = (await storedJson(id)).effectChain;
    expect(after.nodes).toHaveLength(3);
    expect(after.links).toHaveLength(1);
    expect((await pl.post(`${href}/links/delete`, { from: idOf("nytta"), to: idOf("effektmal") })).statusCode).toBe(303);
    expect((await storedJson(id)).effectChain.links).toHaveLength(0);
  });
});
