import { describe, expect, it } from "vitest";
import { milestoneByNumeral } from "../../method/lookup.ts";
import type { MilestoneNumeral } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { forecast } from "../forecast/forecast.ts";
import type { Seasonality } from "../forecast/forecast-input.ts";
import type { PlanFlow } from "../forecast-versions/plan.ts";
import { basisChangedSince, buildBasisSnapshot } from "./basis-snapshot.ts";
import { composeCommunications, requiredReports } from "./communications.ts";
import { assessReadiness, basisGaps, currentPhase, type DeliverableState, type Outcome } from "./milestone-rules.ts";

const approved = (id: string, typeId: string, version = 1): DeliverableState => ({
  id,
  typeId,
  title: typeId,
  latest: { version, status: "faststalld", contentHash: `h-${id}-${version}` },
  approved: { version, contentHash: `h-${id}-${version}` },
});
const draft = (id: string, typeId: string): DeliverableState => ({
  id,
  typeId,
  title: typeId,
  latest: { version: 1, status: "utkast", contentHash: `h-${id}` },
  approved: null,
});
const outcomes = (entries: [MilestoneNumeral, Outcome][]) => new Map(entries);
const milestone = (n: MilestoneNumeral) => milestoneByNumeral(methodV12, n);
const allPrepared = (n: MilestoneNumeral) => new Set(milestone(n).decisionPoints.map((d) => d.id));

describe("readiness", () => {
  it("is ready for milestone I when its three documents are fastställda and every point prepared", () => {
    const r = assessReadiness({
      milestone: milestone("I"),
      deliverables: [approved("a", "idebeskrivning"), approved("b", "behovsanalys"), approved("c", "forstudiedirektiv")],
      preparedDecisionPointIds: allPrepared("I"),
      currentOutcomes: outcomes([]),
    });
    expect(r).toMatchObject({ ready: true, missing: [] });
  });

  it("lists what is missing: a document not written, one not fastställd, points not prepared", () => {
    const r = assessReadiness({
      milestone: milestone("I"),
      deliverables: [approved("a", "idebeskrivning"), draft("b", "behovsanalys")],
      preparedDecisionPointIds: new Set(["i-behov-foreligger"]),
      currentOutcomes: outcomes([]),
    });
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual([
      { kind: "deliverable_not_approved", deliverableTypeId: "behovsanalys", deliverableId: "b", status: "utkast" },
      { kind: "deliverable_missing", deliverableTypeId: "forstudiedirektiv" },
      { kind: "decision_point_unprepared", decisionPointId: "i-behov-prioriterat" },
      { kind: "decision_point_unprepared", decisionPointId: "i-finansiering-av-losningsalternativ" },
    ]);
  });

  it("does not let optional documents block, and requires the previous milestone to have passed", () => {
    const v = milestone("V");
    const required = v.basis.filter((b) => b.required).map((b, i) => approved(`d${i}`, b.deliverableTypeId));
    const r = assessReadiness({
      milestone: v,
      deliverables: required,
      preparedDecisionPointIds: allPrepared("V"),
      currentOutcomes: outcomes([["IV", "rework"]]),
    });
    expect(r.missing).toEqual([{ kind: "previous_milestone_not_passed", numeral: "IV" }]);
    expect(basisGaps(r)).toEqual([]);
    const passed = assessReadiness({
      milestone: v,
      deliverables: required,
      preparedDecisionPointIds: allPrepared("V"),
      currentOutcomes: outcomes([["IV", "go_with_conditions"]]),
    });
    expect(passed.ready).toBe(true);
  });
});

describe("current phase", () => {
  it("is phase 1 before any decision and the phase after the last passed milestone in order", () => {
    expect(currentPhase(methodV12, outcomes([]))).toEqual({ phase: 1, completed: false });
    expect(
      currentPhase(
        methodV12,
        outcomes([
          ["I", "go"],
          ["II", "go_with_conditions"],
        ]),
      ),
    ).toEqual({ phase: 3, completed: false });
    expect(
      currentPhase(
        methodV12,
        outcomes([
          ["I", "go"],
          ["II", "rework"],
          ["III", "go"],
        ]),
      ),
    ).toEqual({ phase: 2, completed: false });
  });

  it("is complete after milestone VIII", () => {
    const all = methodV12.milestones.map((m) => [m.numeral, "go"] as [MilestoneNumeral, Outcome]);
    expect(currentPhase(methodV12, outcomes(all))).toEqual({ phase: 8, completed: true });
  });
});

describe("basis snapshot", () => {
  const reported = { timeline: "Driftstart 2027-09", messageVolumePerYear: 120000, volumeNote: null };
  it("hashes the same basis the same way and notices a later fastställd version", () => {
    const docs = [approved("a", "idebeskrivning"), approved("b", "behovsanalys"), draft("x", "business-case")];
    const one = buildBasisSnapshot({
      methodVersion: "1.2",
      numeral: "I",
      basisTypeIds: ["idebeskrivning", "behovsanalys"],
      deliverables: docs,
      preparations: [],
      reported,
    });
    const two = buildBasisSnapshot({
      methodVersion: "1.2",
      numeral: "I",
      basisTypeIds: ["behovsanalys", "idebeskrivning"],
      deliverables: [...docs].reverse(),
      preparations: [],
      reported,
    });
    expect(one.hash).toBe(two.hash);
    expect(one.snapshot.deliverables.map((d) => d.deliverableId)).toEqual(["b", "a"]);
    expect(basisChangedSince(one.snapshot, docs)).toBe(false);
    const edited = docs.map((d) => (d.id === "a" ? { ...d, latest: { version: 2, status: "utkast" as const, contentHash: "new" } } : d));
    expect(basisChangedSince(one.snapshot, edited)).toBe(false);
    const approvedAgain = edited.map((d) =>
      d.id === "a" ? { ...d, latest: { ...d.latest, status: "faststalld" as const }, approved: { version: 2, contentHash: "new" } } : d,
    );
    expect(basisChangedSince(one.snapshot, approvedAgain)).toBe(true);
  });
});

describe("communications", () => {
  const flow = (over: Partial<PlanFlow>): PlanFlow => ({
    id: "f",
    name: "",
    recipientType: "privatperson",
    annualVolume: 12_000,
    seasonality: Array.from({ length: 12 }, () => 1 / 12),
    costPerLetterSek: 15,
    tactic: null,
    status: "prioriterad",
    plannedTestDate: null,
    plannedProductionDate: null,
    ...over,
  });
  const plan = [
    flow({ id: "f1", name: "Beslut om bygglov", tactic: "formedlare", plannedTestDate: "2027-03-01", plannedProductionDate: "2027-06-01" }),
    flow({ id: "f2", name: "Kallelser", recipientType: "foretag", annualVolume: 1200 }),
    // Being wound down: not part of the plan ahead, and it sends nothing.
    flow({ id: "f3", name: "Gamla påminnelser", status: "avvecklad", plannedProductionDate: "2026-01-01" }),
  ];
  const figures = {
    plan,
    forecast: forecast({
      flows: plan.map((f) => ({
        id: f.id,
        recipientType: f.recipientType,
        annualVolume: f.annualVolume,
        seasonality: f.seasonality as unknown as Seasonality,
        status: f.status,
        ...(f.plannedProductionDate ? { plannedProductionDate: f.plannedProductionDate } : {}),
      })),
      from: "2026-12",
      months: 60,
    }),
  };
  const base = {
    organisationName: "Sundsvalls kommun",
    initiativeName: "Digitala beslut",
    plannedGoLive: "2027-09-01",
    outcome: "go" as const,
    conditions: [],
    decidedOn: "2026-11-27",
    decidedByName: "Sara Styrgrupp",
    incompleteBasisReason: null,
    deliverables: [],
    contact: null,
  };
  const none = { timeline: null, messageVolumePerYear: null, volumeNote: null, note: null };

  it("tells the förvaltningsgrupp at milestone II the timeline and volumes computed from the flows, and the note", () => {
    const drafts = composeCommunications({
      ...base,
      milestone: milestone("II"),
      reported: { ...none, note: "Volymerna för kallelser är osäkra." },
      figures,
    });
    const fg = drafts.find((d) => d.audience === "forvaltningsgrupp");
    const item = (key: string) => fg?.items.find((i) => i.key === key)?.value;
    expect(item("tidplan")).toBe(
      "Beslut om bygglov: test 2027-03-01, produktion 2027-06-01; Kallelser: test ej planerad, produktion ej planerad",
    );
    // 2026 is December only; from June 2027 the bygglov flow goes digital at the reach share of its month.
    const digital = (year: string) =>
      figures.forecast.months.filter((m) => m.month.startsWith(year)).reduce((sum, m) => sum + m.digital, 0);
    expect(digital("2026")).toBe(0);
    expect(digital("2028")).toBeGreaterThan(0);
    const volumes = item("meddelandevolymer") ?? "";
    expect(volumes).toContain("2026 (dec): 0 av 1\u00a0100");
    expect(volumes).toContain(`2028: ${new Intl.NumberFormat("sv-SE").format(digital("2028"))} av 13\u00a0200`);
    expect(volumes).not.toContain("2031");
    expect(fg?.body).toContain(`– Tidplan för anslutning till Mina meddelanden: Beslut om bygglov: test 2027-03-01`);
    expect(fg?.body).toContain("Kommentar: Volymerna för kallelser är osäkra.");
    expect(drafts.find((d) => d.audience === "own_organisation")?.body).not.toContain("Kommentar");
  });

  it("presents the nyttoutvärderingsrapport and the benefits' outcome to the förvaltningsgrupp at milestone VIII (method 10.2)", () => {
    const drafts = composeCommunications({
      ...base,
      milestone: milestone("VIII"),
      reported: none,
      figures: null,
      deliverables: [
        {
          typeId: "nyttoutvarderingsrapport",
          title: "Nyttoutvärdering bygglov",
          latest: { version: 2, status: "faststalld" },
          approved: { version: 2, status: "faststalld" },
        } as never,
      ],
      benefits: [{ name: "Färre brev", unit: "brev", targetValue: 9_000, actual: 8_000, gap: -1_000, realisation: "delvis" }],
    });
    expect(drafts.map((d) => d.audience)).toEqual(["affected_stakeholders", "forvaltningsgrupp"]);
    const fg = drafts.find((d) => d.audience === "forvaltningsgrupp");
    expect(fg?.items.map((i) => i.key)).toEqual(["nyttoutvardering"]);
    expect(fg?.items[0]?.value).toBe(
      "Rapport: Nyttoutvärdering bygglov, version 2 (fastställd). 1 nyttor: 0 realiserade, 1 delvis realiserade, 0 inte realiserade, 0 inte mätta. " +
        "Färre brev: 8\u00a0000 brev mot målet 9\u00a0000 brev (gap \u22121\u00a0000 brev)",
    );
    expect(drafts.find((d) => d.audience === "affected_stakeholders")?.items).toEqual([]);
  });

  it("reports figures typed on the decision beside the computed ones", () => {
    const [fg] = composeCommunications({
      ...base,
      milestone: milestone("II"),
      reported: { ...none, timeline: "Hösten 2027", messageVolumePerYear: 45000, volumeNote: "bygglovsbeslut" },
      figures,
    }).filter((d) => d.audience === "forvaltningsgrupp");
    expect(fg?.items.find((i) => i.key === "tidplan")?.value).toMatch(/produktion ej planerad Angivet vid beslutet: Hösten 2027$/);
    expect(fg?.items.find((i) => i.key === "meddelandevolymer")?.value).toMatch(
      /Angivet vid beslutet: 45\u00a0000 meddelanden per år, bygglovsbeslut$/,
    );
  });

  it("without computed figures, tells the förvaltningsgrupp the typed timeline and volumes at milestone II", () => {
    expect(requiredReports(milestone("II"))).toEqual({ timeline: true, messageVolumes: true });
    const drafts = composeCommunications({
      figures: null,
      milestone: milestone("II"),
      organisationName: "Sundsvalls kommun",
      initiativeName: "Digitala beslut",
      plannedGoLive: "2027-09-01",
      outcome: "go_with_conditions",
      conditions: [{ text: "Säkra finansiering", owner: "Ekonomichef", dueDate: "2027-01-31" }],
      decidedOn: "2026-11-27",
      decidedByName: "Sara Styrgrupp",
      incompleteBasisReason: null,
      reported: { timeline: "Test Q2 2027, produktion Q3 2027", messageVolumePerYear: 45000, volumeNote: "bygglovsbeslut" },
      deliverables: [],
      contact: { name: "Petra", email: "petra@sundsvall.example" },
    });
    expect(drafts.map((d) => d.audience)).toEqual(milestone("II").inform.audiences);
    const fg = drafts.find((d) => d.audience === "forvaltningsgrupp");
    expect(fg?.items.map((i) => i.key)).toEqual(["tidplan", "meddelandevolymer"]);
    expect(fg?.body).toContain("45\u00a0000 meddelanden per år (bygglovsbeslut)");
    expect(fg?.body).toContain("Säkra finansiering (ansvarig Ekonomichef, senast 2027-01-31)");
    expect(drafts.find((d) => d.audience === "own_organisation")?.items).toEqual([]);
  });

  it("points the plan items at the initiative's documents at milestone IV", () => {
    const [fg] = composeCommunications({
      milestone: milestone("IV"),
      organisationName: "O",
      initiativeName: "I",
      plannedGoLive: null,
      outcome: "go",
      conditions: [],
      decidedOn: "2026-11-27",
      decidedByName: "S",
      incompleteBasisReason: "Direktivet fastställs nästa vecka",
      reported: { timeline: null, messageVolumePerYear: 1000, volumeNote: null },
      figures: null,
      deliverables: [approved("g", "genomforandedirektiv", 3)],
      contact: null,
    }).filter((d) => d.audience === "forvaltningsgrupp");
    expect(fg?.items.find((i) => i.key === "genomforandeplan")?.value).toBe("genomforandedirektiv, version 3 (fastställd)");
    expect(fg?.items.find((i) => i.key === "detaljerad_anslutningsplan")?.value).toBe("Dokumentet är inte upprättat i Ansluta");
    expect(fg?.body).toContain("ofullständigt underlag");
  });
});
