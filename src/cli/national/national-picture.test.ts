import { describe, expect, it } from "vitest";
import { forecast } from "../../domain/forecast/forecast.ts";
import type { PlanFlow } from "../../domain/forecast-versions/plan.ts";
import { currentDecisions } from "../../domain/milestones/current-decisions.ts";
import { decisionMatchesHash } from "../../domain/milestones/decision-hash.ts";
import { currentPhase } from "../../domain/milestones/milestone-rules.ts";
import { parseOrganisationNumber } from "../../domain/organisations/organisation-number.ts";
import type { MilestoneNumeral } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { nationalPicture } from "./national-picture.ts";

/** Object.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) {
    const k = key(item);
    groups[k] = [...(groups[k] ?? []), item];
  }
  return groups;
}

const now = new Date("2026-12-07T04:00:00Z");
const make = (scale = 1) =>
  nationalPicture({ scale, now, passwordHash: "$argon2id$stand-in", takenNumbers: new Set(), takenEmails: new Set() });

describe("the national demo picture", () => {
  const picture = make();

  it("has the country's organisations: 289 kommuner and Region Gotland's 21 regioner in their county, 340 myndigheter, valid unique numbers", () => {
    const kinds = groupBy(picture.organisations, (o) => o.kind);
    expect(picture.organisations).toHaveLength(650);
    expect(kinds.kommun).toHaveLength(289);
    expect(kinds.region).toHaveLength(21);
    expect(kinds.statlig).toHaveLength(340);
    expect(new Set(picture.organisations.map((o) => o.number)).size).toBe(650);
    for (const o of picture.organisations) expect(parseOrganisationNumber(o.number), o.number).toMatchObject({ ok: true });
    expect(picture.organisations.find((o) => o.name === "Sundsvalls kommun")).toMatchObject({ county: "Y" });
    expect(picture.organisations.find((o) => o.name === "Region Skåne")).toMatchObject({ county: "M" });
    expect(picture.organisations.find((o) => o.name === "Stockholms stad")).toMatchObject({ county: "AB" });
    const inStockholm = (kinds.statlig ?? []).filter((o) => o.county === "AB").length;
    expect(inStockholm / 340).toBeGreaterThan(0.5);
  });

  it("has about 1,000 initiatives in every phase, a projektledare each, and about 30 % publishable", () => {
    expect(picture.initiatives).toHaveLength(1000);
    const users = new Map(picture.users.map((u) => [u.id, u]));
    for (const i of picture.initiatives) expect(users.has(i.projectManagerId ?? "")).toBe(true);
    const publishable = picture.initiatives.filter((i) => i.publishable).length;
    expect(publishable).toBeGreaterThan(250);
    expect(publishable).toBeLessThan(350);
    const byInitiative = groupBy(picture.decisions, (d) => d.initiativeId);
    const phases = new Set<number>();
    let completed = 0;
    for (const i of picture.initiatives) {
      const decisions = [...(byInitiative[i.id ?? ""] ?? [])].sort(
        (a, b) => (b.createdAt as Date).getTime() - (a.createdAt as Date).getTime(),
      );
      const current = currentDecisions(
        decisions.map((d) => ({ id: d.id as string, numeral: d.numeral, outcome: d.outcome, supersedesId: d.supersedesId ?? null })),
      );
      const phase = currentPhase(methodV12, new Map([...current].map(([n, d]) => [n as MilestoneNumeral, d.outcome])));
      phases.add(phase.phase);
      if (phase.completed) completed++;
    }
    expect([...phases].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(completed).toBeGreaterThan(0);
  });

  it("decides milestones in order on fastställda documents, with hashes that verify, decided 2024–2026", () => {
    const outcomes = new Set(picture.decisions.map((d) => d.outcome));
    expect(outcomes).toEqual(new Set(["go", "go_with_conditions", "rework", "stop"]));
    for (const d of picture.decisions) {
      expect(d.decidedOn >= "2024-01-01" && d.decidedOn <= "2026-12-07", d.decidedOn).toBe(true);
      expect(
        decisionMatchesHash({
          ...d,
          id: d.id as string,
          createdAt: d.createdAt as Date,
          decisionHash: d.decisionHash ?? null,
          diarienummer: d.diarienummer ?? null,
          incompleteBasisReason: d.incompleteBasisReason ?? null,
          supersedesId: d.supersedesId ?? null,
          minutes: d.minutes,
        }),
      ).toBe(true);
      if (d.outcome === "go_with_conditions") expect((d.conditions as unknown[]).length).toBeGreaterThan(0);
      else expect(d.conditions).toEqual([]);
    }
    // A go on a milestone needs a go on the one before it, and the decision before it came earlier.
    const byInitiative = groupBy(picture.decisions, (d) => d.initiativeId);
    for (const decisions of Object.values(byInitiative)) {
      const passed = (decisions ?? []).filter((d) => d.outcome === "go" || d.outcome === "go_with_conditions");
      const numerals = passed.map((d) => methodV12.milestones.findIndex((m) => m.numeral === d.numeral)).sort((a, b) => a - b);
      expect(numerals).toEqual(numerals.map((_, i) => i));
      const days = [...passed]
        .sort(
          (a, b) =>
            methodV12.milestones.findIndex((m) => m.numeral === a.numeral) - methodV12.milestones.findIndex((m) => m.numeral === b.numeral),
        )
        .map((d) => d.decidedOn);
      expect(days).toEqual([...days].sort());
    }
  });

  it("has 20,000 flows, most small and a few very large, statuses and dates that fit the phase, and actuals only for flows in production", () => {
    expect(picture.flows).toHaveLength(20000);
    const volumes = picture.flows.map((f) => f.annualVolume).sort((a, b) => a - b);
    const median = volumes[10000] ?? 0;
    expect(median).toBeLessThan(10_000);
    expect(volumes.at(-1)).toBeGreaterThan(100 * median);
    const inProduction = new Set(picture.flows.filter((f) => f.status === "i_produktion").map((f) => f.id));
    expect(inProduction.size).toBeGreaterThan(1000);
    for (const f of picture.flows) {
      if (f.plannedTestDate && f.plannedProductionDate) expect(f.plannedTestDate <= f.plannedProductionDate).toBe(true);
      if (f.status === "i_produktion") expect((f.plannedProductionDate ?? "9999") < "2026-12-07").toBe(true);
    }
    expect(picture.actuals.length).toBeGreaterThan(inProduction.size);
    for (const a of picture.actuals) {
      expect(inProduction.has(a.flowId)).toBe(true);
      expect(a.month < "2026-12").toBe(true);
    }
  });

  it("freezes a baseline at each initiative's latest decision at II–V, as decide-milestone freezes it, and tells the förvaltningsgrupp", () => {
    const decisions = new Map(picture.decisions.map((d) => [d.id as string, d]));
    const baselines = picture.forecastVersions.filter((v) => v.kind === "baseline");
    expect(baselines.length).toBeGreaterThan(500);
    expect(new Set(baselines.map((v) => v.initiativeId)).size).toBe(baselines.length);
    for (const v of baselines.slice(0, 50)) {
      const decision = decisions.get(v.decisionId ?? "");
      expect(decision?.numeral).toBe(v.milestone);
      expect(["II", "III", "IV", "V"]).toContain(v.milestone);
      const later = picture.decisions.filter(
        (d) =>
          d.initiativeId === v.initiativeId && ["II", "III", "IV", "V"].includes(d.numeral) && d.decidedOn > (decision?.decidedOn ?? ""),
      );
      expect(later).toEqual([]);
      // The frozen forecast is the forecast of the frozen plan, from the decision's month.
      const plan = v.plan as PlanFlow[];
      const frozen = v.forecast as ReturnType<typeof forecast>;
      expect(frozen.from).toBe(decision?.decidedOn.slice(0, 7));
      const again = forecast({
        flows: plan.map((f) => ({
          ...f,
          seasonality: f.seasonality as never,
          plannedTestDate: f.plannedTestDate ?? undefined,
          plannedProductionDate: f.plannedProductionDate ?? undefined,
        })),
        from: frozen.from,
        months: 60,
        reach: {},
      });
      expect(again.months).toEqual(frozen.months);
    }
    const toFg = picture.communications.filter((c) => c.audience === "forvaltningsgrupp");
    expect(toFg).toHaveLength(baselines.length);
    // Every message carries the milestone's items; most (II–IV) the message volumes frozen with the baseline.
    for (const c of toFg) expect((c.items as unknown[]).length).toBeGreaterThan(0);
    const withVolumes = toFg.filter((c) => (c.items as { key: string }[]).some((i) => i.key === "meddelandevolymer"));
    expect(withVolumes.length / toFg.length).toBeGreaterThan(0.4);
    const fgCopies = picture.communicationRecipients.filter((r) => r.kind === "forvaltningsgrupp");
    expect(fgCopies).toHaveLength(toFg.length);
    expect(fgCopies.some((r) => r.readAt === null)).toBe(true);
    expect(fgCopies.some((r) => r.readAt !== null)).toBe(true);
  });

  it("re-forecasts some plans since their baseline, each with a reason, and moves the plans between them", () => {
    const reforecasts = picture.forecastVersions.filter((v) => v.kind === "reforecast");
    expect(reforecasts.length).toBeGreaterThan(100);
    const baselineOf = new Map(picture.forecastVersions.filter((v) => v.kind === "baseline").map((v) => [v.initiativeId, v]));
    let moved = 0;
    for (const r of reforecasts) {
      expect(r.reason?.length).toBeGreaterThan(10);
      const baseline = baselineOf.get(r.initiativeId);
      expect((baseline?.createdAt as Date) < (r.createdAt as Date)).toBe(true);
      if (JSON.stringify(baseline?.plan) !== JSON.stringify(r.plan)) moved++;
    }
    expect(moved / reforecasts.length).toBeGreaterThan(0.5);
  });

  it("has two reporting rounds — one closed half a year ago, one open past its deadline — one report per initiative and round, reminders once", () => {
    expect(picture.reportingRounds.map((r) => [r.name, r.closedAt === null])).toEqual([
      ["Halvårsrapport 2026-1", false],
      ["Halvårsrapport 2026-2", true],
    ]);
    const [closed, open] = picture.reportingRounds;
    expect(open?.deadline).toBe("2026-12-02");
    const byRound = groupBy(picture.reportingSubmissions, (s) => s.roundId);
    const inClosed = byRound[closed?.id ?? ""] ?? [];
    const inOpen = byRound[open?.id ?? ""] ?? [];
    expect(inClosed.length).toBeGreaterThan(inOpen.length);
    expect(inOpen.length).toBeGreaterThan(200);
    for (const list of [inClosed, inOpen]) expect(new Set(list.map((s) => s.initiativeId)).size).toBe(list.length);
    for (const s of inClosed) expect((s.submittedAt as Date) <= new Date(`${closed?.deadline}T23:59:59Z`)).toBe(true);
    // Late reports still arrive in the open round; whoever had not reported by a reminder's day got it, once.
    expect(inOpen.some((s) => (s.submittedAt as Date) > new Date(`${open?.deadline}T23:59:59Z`))).toBe(true);
    const reminders = picture.reportingReminders;
    expect(new Set(reminders.map((m) => `${m.roundId} ${m.initiativeId} ${m.kind}`)).size).toBe(reminders.length);
    const submittedOn = new Map(picture.reportingSubmissions.map((s) => [`${s.roundId} ${s.initiativeId}`, s.submittedAt as Date]));
    for (const m of reminders) {
      const submitted = submittedOn.get(`${m.roundId} ${m.initiativeId}`);
      if (submitted) expect(submitted > (m.sentAt as Date)).toBe(true);
    }
    expect(reminders.filter((m) => m.roundId === open?.id && m.kind === "after").length).toBeGreaterThan(100);
  });

  it("states benefits for initiatives past milestone III, measured only where production has started", () => {
    const decided = groupBy(picture.decisions, (d) => d.initiativeId);
    const passed = (initiativeId: string, numeral: string) =>
      (decided[initiativeId] ?? []).some((d) => d.numeral === numeral && (d.outcome === "go" || d.outcome === "go_with_conditions"));
    expect(picture.benefits.length).toBeGreaterThan(500);
    for (const b of picture.benefits) expect(passed(b.initiativeId, "III")).toBe(true);
    const benefitOf = new Map(picture.benefits.map((b) => [b.id as string, b]));
    expect(picture.benefitMeasurements.length).toBeGreaterThan(200);
    for (const m of picture.benefitMeasurements) {
      const benefit = benefitOf.get(m.benefitId);
      expect(passed(benefit?.initiativeId ?? "", "VI")).toBe(true);
      expect(m.date < "2026-12-07").toBe(true);
    }
  });

  it("comes out the same on every run, and scales down for tests", () => {
    const again = make();
    expect(again.decisions.map((d) => d.decisionHash)).toEqual(picture.decisions.map((d) => d.decisionHash));
    expect(again.flows.map((f) => [f.id, f.annualVolume])).toEqual(picture.flows.map((f) => [f.id, f.annualVolume]));
    const tenth = make(0.1);
    expect([tenth.organisations.length, tenth.initiatives.length, tenth.flows.length]).toEqual([65, 100, 2000]);
  });
});
