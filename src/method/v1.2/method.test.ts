import { describe, expect, it } from "vitest";
import type { MilestoneNumeral } from "../types.ts";
import { methodV12 } from "./index.ts";

/** Pins the data to what the seed document "Metod för anslutning till Mina meddelanden" v1.2 says. */

const milestone = (numeral: MilestoneNumeral) => {
  const found = methodV12.milestones.find((candidate) => candidate.numeral === numeral);
  if (found === undefined) throw new Error(`no milestone ${numeral}`);
  return found;
};

describe("method v1.2", () => {
  it("identifies itself", () => {
    expect(methodV12.id).toBe("mina-meddelanden-anslutning");
    expect(methodV12.version).toBe("1.2");
  });

  it("has the eight phases of section 2.1, chapters 3–10, in order", () => {
    expect(methodV12.phases.map((phase) => [phase.number, phase.name.sv, phase.section])).toEqual([
      [1, "Identifiera behov", "3"],
      [2, "Ta fram lösningsalternativ", "4"],
      [3, "Detaljera vald lösning", "5"],
      [4, "Initiera", "6"],
      [5, "Utveckla", "7"],
      [6, "Införa", "8"],
      [7, "Etablera förvaltning", "9"],
      [8, "Realisera nyttor", "10"],
    ]);
  });

  it("lists each phase's results as in its Resultat box", () => {
    expect(Object.fromEntries(methodV12.phases.map((phase) => [phase.number, phase.results]))).toEqual({
      1: ["idebeskrivning", "behovsanalys", "forstudiedirektiv"],
      2: ["forstudierapport", "upphandlingsstrategi"],
      // "Business Case med nyttorealiseringsplan" is two documents, as in Bilaga 1.
      3: [
        "fordjupad-forstudierapport",
        "integrationsplan",
        "utbildnings-och-kommunikationsplan",
        "business-case",
        "nyttorealiseringsplan",
        "riskanalys",
        "overgripande-anslutningsplan",
      ],
      4: ["genomforandedirektiv", "teststrategi", "detaljerad-anslutningsplan", "avtal-mina-meddelanden-och-partner"],
      5: ["losning-for-anslutning", "inforandeplan"],
      6: ["overlamningsplan", "anslutningsavtal"],
      7: ["forvaltningsplan", "driftplan", "slutrapport"],
      8: ["nyttoutvarderingsrapport"],
    });
  });

  it("has milestones I–VIII, each after its phase, taken from the sections section 2.2 numbers", () => {
    // Sections 7.5, 8.4, 9.5 and 10.5 are headed "Milstolpe IV" in the seed; 2.2 makes them V–VIII.
    expect(methodV12.milestones.map((m) => [m.numeral, m.afterPhase, m.section])).toEqual([
      ["I", 1, "3.5"],
      ["II", 2, "4.5"],
      ["III", 3, "5.5"],
      ["IV", 4, "6.5"],
      ["V", 5, "7.5"],
      ["VI", 6, "8.4"],
      ["VII", 7, "9.5"],
      ["VIII", 8, "10.5"],
    ]);
  });

  it("has as many decision points as each Beslutet omfattar list", () => {
    expect(methodV12.milestones.map((m) => [m.numeral, m.decisionPoints.length])).toEqual([
      ["I", 3],
      ["II", 5],
      ["III", 8],
      ["IV", 4],
      ["V", 4],
      ["VI", 2],
      ["VII", 4],
      ["VIII", 3],
    ]);
  });

  it.each([
    [
      "V",
      "7.5.2",
      "Att besluta om utvecklad lösning motsvarar ställda krav och behov",
      "Att besluta om finansiering för insatsens införande, överlämning till förvaltning samt realisering av nytta",
    ],
    [
      "VI",
      "8.4.2",
      "Att bedöma och besluta om godkännande av lansering och avsedd inverkan, bemötande av målgrupper (till exempel privatpersoner och/eller företag samt handläggare)",
      "Att besluta om kommande förvaltande organisations ansvar för utvecklad lösning samt plan för överlämning",
    ],
    [
      "VII",
      "9.5.2",
      "Att verifiera att tjänst är produktionssatt och i löpande förvaltning",
      "Att sammanfatta erfarenheter och slutsatser och besluta om hantering av dessa",
    ],
    [
      "VIII",
      "10.5.2",
      "Att verifiera om utvecklingsinsatsen genererat prognostiserad nytta alternativt analysera orsak till varför denna nytta ej har kunnat uppnås",
      "Att besluta om säkrad affärsmodell med finansiering och bemannad förvaltningsorganisation för fortlevnad av tjänst",
    ],
  ] as const)("milestone %s takes its decision points from section %s", (numeral, _section, first, last) => {
    const texts = milestone(numeral).decisionPoints.map((decisionPoint) => decisionPoint.text.sv);
    expect(texts.at(0)).toBe(first);
    expect(texts.at(-1)).toBe(last);
  });

  it("lets the verksamhetsägare decide milestone I and the styrgrupp decide the rest", () => {
    expect(methodV12.milestones.map((m) => [m.numeral, m.decidedBy.role])).toEqual([
      ["I", "verksamhetsagare"],
      ["II", "styrgrupp"],
      ["III", "styrgrupp"],
      ["IV", "styrgrupp"],
      ["V", "styrgrupp"],
      ["VI", "styrgrupp"],
      ["VII", "styrgrupp"],
      ["VIII", "styrgrupp"],
    ]);
  });

  it("tells förvaltningsgruppen exactly what each milestone's Information section asks for", () => {
    const items = Object.fromEntries(methodV12.milestones.map((m) => [m.numeral, m.inform.forvaltningsgruppItems.map((item) => item.key)]));
    expect(items).toEqual({
      I: [],
      // 4.5.3: tidplan för anslutning, beräknade meddelandevolymer.
      II: ["tidplan", "meddelandevolymer"],
      // 5.5.3: the same two, revised.
      III: ["tidplan", "meddelandevolymer"],
      // 6.5.3: genomförandeplan, beräknade meddelandevolymer, detaljerad anslutningsplan.
      IV: ["genomforandeplan", "meddelandevolymer", "detaljerad_anslutningsplan"],
      // 7.5.3: införandeplan för produktion, lanserings- och kommunikationsplan, kontaktuppgifter.
      V: ["inforandeplan", "lanserings_och_kommunikationsplan", "kontaktuppgifter"],
      VI: [],
      VII: [],
      // 10.2: the nyttoutvärderingsrapport "ska även redovisas för förvaltningsgruppen".
      VIII: ["nyttoutvardering"],
    });
    expect(milestone("III").inform.forvaltningsgruppItems.map((item) => item.text.sv)).toEqual([
      "Reviderad tidplan för anslutning av lösningen till Mina meddelanden",
      "Reviderad beräkning av meddelandevolymer som kommer att gå digitalt via Mina meddelanden",
    ]);
  });

  it("informs förvaltningsgruppen from milestone I to V, only berörda intressenter at VI and VII, and both at VIII", () => {
    expect(milestone("I").inform.audiences).toEqual(["own_organisation", "partners", "forvaltningsgrupp"]);
    expect(milestone("IV").inform.audiences).toContain("forvaltningsgrupp");
    for (const numeral of ["VI", "VII"] as const) {
      expect(milestone(numeral).inform.audiences).toEqual(["affected_stakeholders"]);
    }
    // 10.2: the nyttoutvärderingsrapport "ska även redovisas för förvaltningsgruppen för Mina meddelanden".
    expect(milestone("VIII").inform.audiences).toEqual(["affected_stakeholders", "forvaltningsgrupp"]);
  });

  it("takes each milestone's basis from its Underlag för beslut", () => {
    const basis = Object.fromEntries(
      methodV12.milestones.map((m) => [
        m.numeral,
        m.basis.map((entry) => `${entry.deliverableTypeId}${entry.required ? "" : " (optional)"}`),
      ]),
    );
    expect(basis).toEqual({
      I: ["idebeskrivning", "behovsanalys", "forstudiedirektiv"],
      II: ["forstudierapport"],
      III: [
        "fordjupad-forstudierapport",
        "integrationsplan",
        "utbildnings-och-kommunikationsplan",
        "business-case",
        "nyttorealiseringsplan",
      ],
      IV: ["genomforandedirektiv"],
      V: [
        "kravbild",
        "losning-for-anslutning",
        "leveransrapport (optional)",
        "testrapporter (optional)",
        "inforandeplan",
        "detaljerad-anslutningsplan",
      ],
      VI: ["overlamningsplan", "leveransrapport (optional)", "inforanderapport (optional)"],
      VII: ["forvaltningsplan", "samverkansavtal", "driftplan", "nyttorealiseringsplan (optional)", "slutrapport"],
      VIII: ["nyttoutvarderingsrapport"],
    });
  });

  it("holds every phase result, every Bilaga 1 description and the basis-only documents", () => {
    expect(methodV12.deliverableTypes).toHaveLength(31);
    const appendix1 = methodV12.deliverableTypes.filter((type) => type.inAppendix1).map((type) => type.id);
    // Bilaga 1's 18 descriptions; Förstudie, Fördjupad förstudie, Anslutningsplan and Slutrapportering
    // are the phase results förstudierapport, fordjupad-forstudierapport, overgripande-anslutningsplan, slutrapport.
    expect(appendix1).toEqual([
      "idebeskrivning",
      "behovsanalys",
      "forstudiedirektiv",
      "forstudierapport",
      "fordjupad-forstudierapport",
      "business-case",
      "nyttorealiseringsplan",
      "overgripande-anslutningsplan",
      "genomforandedirektiv",
      "inforandeplan",
      "overlamningsplan",
      "forvaltningsplan",
      "driftplan",
      "slutrapport",
      "nyttoutvarderingsrapport",
      "affarsmodell",
      "produkt-tjanstespecifikation",
      "samverkansavtal",
    ]);
    const phaseResults = new Set(methodV12.phases.flatMap((phase) => phase.results));
    const neitherResultNorAppendix1 = methodV12.deliverableTypes
      .filter((type) => !type.inAppendix1 && !phaseResults.has(type.id))
      .map((type) => type.id);
    expect(neitherResultNorAppendix1).toEqual(["kravbild", "leveransrapport", "inforanderapport", "testrapporter"]);
  });

  it("marks as required the sections a document cannot do without, where the method names what is decided on them", () => {
    const required = (id: string) =>
      methodV12.deliverableTypes
        .find((type) => type.id === id)
        ?.template.filter((section) => section.required)
        .map((section) => section.id);
    // Milestone VIII decides on exactly these four questions (10.5.2).
    expect(required("nyttoutvarderingsrapport")).toEqual(["utfall", "gapanalys", "kompletterande-aktiviteter", "fortlevnad"]);
    // Chapter 9: "Nu fastställs förvaltningsobjekt och budget, former för support och ändringshantering, beslutsforum".
    expect(required("forvaltningsplan")).toEqual(["forvaltningsobjekt", "organisation", "support-och-andringar", "budget"]);
    // Milestone V decides whether the solution meets the requirements and needs.
    expect(required("kravbild")).toEqual(["behov", "verksamhetskrav", "kravuppfyllnad"]);
    for (const type of methodV12.deliverableTypes) {
      expect(
        type.template.some((section) => section.required),
        type.id,
      ).toBe(true);
    }
  });

  it("has a template section where an emulator conformance report belongs at milestone V", () => {
    const testReports = methodV12.deliverableTypes.find((type) => type.id === "testrapporter");
    expect(testReports?.producedInPhase).toBe(5);
    expect(testReports?.template.map((section) => section.id)).toContain("kontraktsoverensstammelse");
  });
});
