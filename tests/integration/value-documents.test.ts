import { describe, expect, it } from "vitest";
import { unzip } from "../../src/exports/testing/unzip.ts";
import { CommunicationList } from "../../src/http/routes/communications/communications.schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * The Business Case and the Riskanalys carry tables Ansluta writes from the business case and the
 * risk register (issue 12): current while a version is a draft, frozen when it is fastställd.
 */
describe("value and risk tables in documents", () => {
  const world = useTestWorld();

  async function initiative() {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Nytta i dokument" });
    const { flowPlanSettings } = await import("../../src/db/schema.ts");
    await world.db
      .insert(flowPlanSettings)
      .values({ initiativeId: id, reachOverrides: { privatperson: { "2027": 0.75, "2028": 0.75, "2029": 0.75 } } });
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${id}/flows`,
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
    const put = await pl.put(`/api/v1/initiatives/${id}/business-case`, {
      startYear: 2027,
      horizonYears: 3,
      discountRate: 0.03,
      costs: [
        { category: "utveckling", year: 2027, low: 80_000, expected: 100_000, high: 150_000 },
        { category: "drift", year: 2028, low: 15_000, expected: 20_000, high: 30_000 },
        { category: "drift", year: 2029, low: 15_000, expected: 20_000, high: 30_000 },
      ],
      benefits: [{ category: "omfordelad_tid", beneficiary: "organisation", year: 2028, low: 30_000, expected: 50_000, high: 60_000 }],
    });
    expect(put.statusCode).toBe(200);
    return { pl, id, flow };
  }

  it("shows the business case's years, scenarios, computed benefits and sensitivity, and freezes them when fastställd", async () => {
    const { pl, id, flow } = await initiative();
    const doc = parseBody(
      await pl.post(`/api/v1/initiatives/${id}/deliverables`, { deliverableTypeId: "business-case" }),
      Deliverable,
      201,
    );
    const bc = doc.currentGenerated?.businessCase;
    expect(doc.currentGenerated?.parts).toEqual(["businessCase"]);
    expect(bc?.years.map((y) => [y.year, y.net])).toEqual([
      [2027, 3_500],
      [2028, 133_500],
      [2029, 83_500],
    ]);
    expect(bc?.scenarios.expected).toEqual({ npv: 211_818.41, paybackYear: 2027 });
    expect(bc?.computedByFlow).toEqual([{ name: "Beslut om bygglov", costPerLetterSek: 11.5, digital: 27_000, amount: 310_500 }]);
    expect(bc?.sensitivity[0]?.input).toEqual({ kind: "flow", name: "Beslut om bygglov" });

    const page = await (await world.browserAs("plA")).get(`/deliverables/${doc.id}`);
    expect(page.body).toContain("Business case: kostnader och nyttor per år");
    expect(page.body).toContain("Flöde: Beslut om bygglov");
    const docx = await pl.get(`/api/v1/deliverables/${doc.id}/export?format=docx`);
    const text = unzip(docx.rawPayload, "word/document.xml") ?? "";
    expect(text).toContain("Känslighet");
    expect(text).toContain("Återbetalningsår");
    // The tornado chart: drawn on the page as SVG, in the DOCX as a picture with its text alternative.
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*>\s*<title[^>]*>Känslighet som tornadodiagram<\/title>/);
    expect(page.body).toContain('data-input="Flöde: Beslut om bygglov"');
    expect(text).toMatch(/descr="Tornadodiagram över hur nuvärdet \(211\s818\s?kr\)[^"]*Störst utslag har Flöde: Beslut om bygglov/);
    expect(unzip(docx.rawPayload, "[Content_Types].xml")).toContain('Extension="png"');

    const sections = Object.fromEntries(doc.template.filter((s) => s.required).map((s) => [s.id, "Text."]));
    expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections })).statusCode).toBe(200);
    const va = await world.loginAs("vaA");
    expect((await va.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(200);
    // Halving the volume moves the live business case, not the fastställd version's.
    expect((await pl.put(`/api/v1/flows/${flow.id}`, { ...flow, annualVolume: 6_000 })).statusCode).toBe(200);
    const after = await getJson(pl, `/api/v1/deliverables/${doc.id}`, Deliverable);
    expect(after.versions[0]?.generated?.businessCase?.computedByFlow[0]?.amount).toBe(310_500);
    expect(after.currentGenerated?.businessCase?.computedByFlow[0]?.amount).toBe(155_250);
  });

  it("shows the risk register in the Riskanalys, highest score first", async () => {
    const { pl, id } = await initiative();
    await pl.post(`/api/v1/initiatives/${id}/risks`, { title: "Låg risk", category: "teknik", probability: 1, consequence: 2 });
    await pl.post(`/api/v1/initiatives/${id}/risks`, {
      title: "Leverantören hinner inte",
      category: "leverantor",
      probability: 4,
      consequence: 4,
      mitigation: "Vite i avtalet",
    });
    expect(
      (
        await pl.post(`/api/v1/initiatives/${id}/reserve-plans`, {
          outage: "mina_meddelanden",
          duration: "lang",
          fallbackAfterHours: 48,
          fallback: "Beslut skickas med post",
          decidedBy: "Förvaltningsledaren",
        })
      ).statusCode,
    ).toBe(201);
    const doc = parseBody(await pl.post(`/api/v1/initiatives/${id}/deliverables`, { deliverableTypeId: "riskanalys" }), Deliverable, 201);
    expect(doc.currentGenerated?.reservePlans).toEqual([
      {
        flowName: null,
        outage: "mina_meddelanden",
        duration: "lang",
        fallbackAfterHours: 48,
        fallback: "Beslut skickas med post",
        decidedBy: "Förvaltningsledaren",
      },
    ]);
    expect(doc.currentGenerated?.risks?.map((r) => [r.title, r.score, r.level])).toEqual([
      ["Leverantören hinner inte", 16, "mycket_hog"],
      ["Låg risk", 2, "lag"],
    ]);
    const page = await (await world.browserAs("plA")).get(`/deliverables/${doc.id}`);
    expect(page.body).toContain("Riskregister");
    expect(page.body).toContain("16 (mycket hög)");
    expect(page.body).toContain("Reservdrift vid avbrott");
    expect(page.body).toContain("Beslut skickas med post");
    // The heat map of the open risks, on the page and as a tagged Figure in the PDF.
    expect(page.body).toContain("Riskmatris 5 × 5 över öppna risker");
    expect(page.body).toMatch(/data-probability="4" data-consequence="4" data-level="mycket_hog" data-count="1"/);
    const pdf = await pl.get(`/api/v1/deliverables/${doc.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const pdfText = pdf.rawPayload.toString("latin1");
    expect(pdfText).toMatch(/\/S \/Figure\b/);
    expect(pdfText).toMatch(/\/Subtype \/Image/);
    const docx = await pl.get(`/api/v1/deliverables/${doc.id}/export?format=docx`);
    expect(unzip(docx.rawPayload, "word/document.xml")).toMatch(
      /descr="Riskmatris med sannolikhet 1–5 och konsekvens 1–5 över 2 öppna risker\. Sannolikhet 4, konsekvens 4: 1 \(mycket hög\)\./,
    );
  });
});

describe("milestone VIII tells the förvaltningsgrupp the benefits' outcome", () => {
  const world = useTestWorld();

  it("puts the nyttoutvärdering with each benefit's latest value against its target in the förvaltningsgrupp's message", async () => {
    const pl = await world.loginAs("plA");
    // Taken to phase 8 with milestones I–VII decided, VIII prepared and waiting for its decision.
    const { id } = await world.seedInitiative({ name: "Nyttor vid VIII", phase: 8, ready: true });
    const benefit = await pl.post(`/api/v1/initiatives/${id}/benefits`, {
      name: "Färre pappersbrev",
      metric: "Pappersbrev per månad",
      unit: "brev",
      baselineValue: 1_000,
      baselineDate: "2026-01-01",
      targetValue: 200,
      targetDate: "2026-10-31",
    });
    expect(benefit.statusCode).toBe(201);
    const benefitId = (benefit.json() as { id: string }).id;
    expect((await pl.post(`/api/v1/benefits/${benefitId}/measurements`, { date: "2026-10-31", value: 350 })).statusCode).toBe(201);

    // The Nyttoutvärderingsrapport carries expected against actual and the gap.
    const report = parseBody(
      await pl.post(`/api/v1/initiatives/${id}/deliverables`, { deliverableTypeId: "nyttoutvarderingsrapport" }),
      Deliverable,
      201,
    );
    expect(report.currentGenerated?.benefits?.[0]).toMatchObject({ targetValue: 200, actual: 350, gap: 150, realisation: "delvis" });
    const page = await (await world.browserAs("plA")).get(`/deliverables/${report.id}`);
    expect(page.body).toContain("Gapanalys: orsaker, åtgärder och ansvar");

    const sg = await world.loginAs("sgA");
    const decided = await sg.post(
      `/api/v1/initiatives/${id}/milestones/VIII/decision`,
      decisionBody("VIII", { incompleteBasisReason: "Rapporten skrivs efter beslutet." }),
    );
    expect(decided.statusCode, decided.body).toBe(201);
    const fg = await world.loginAs("fg");
    const { communications } = await getJson(fg, "/api/v1/communications", CommunicationList);
    const message = communications.find((c) => c.subject.includes("Nyttor vid VIII"));
    expect(message?.audience).toBe("forvaltningsgrupp");
    expect(message?.body).toContain("Nyttoutvärderingsrapport");
    expect(message?.body).toContain("1 nyttor: 0 realiserade, 1 delvis realiserade");
    expect(message?.body).toContain("Färre pappersbrev: 350 brev mot målet 200 brev (gap +150 brev)");
  });
});
