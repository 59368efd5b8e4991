import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFlow, arbitraryMonth } from "../../../tests/support/forecast-arbitraries.ts";
import { ORGANISATION_KINDS, type OrganisationKind } from "../access/roles.ts";
import { monthIndexOf, yearMonthAt } from "../forecast/calendar-month.ts";
import { type Forecast, forecast } from "../forecast/forecast.ts";
import { EVEN_SEASONALITY, type ForecastFlow } from "../forecast/forecast-input.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { nationalForecast } from "./national-forecast.ts";
import {
  chooseVersions,
  latestEstimate,
  type PlanCell,
  type VersionMeta,
  type VolumePlanMonth,
  volumePlan,
} from "./national-volume-plan.ts";

const shift = (month: YearMonth, by: number) => yearMonthAt(monthIndexOf(month) + by);

/** What the repository adds up in SQL: figures per organisation kind, recipient type and month. */
function addCell(cells: Map<string, PlanCell>, cell: PlanCell) {
  const key = `${cell.organisationKind}|${cell.recipientType}|${cell.month}`;
  const sum = cells.get(key) ?? { ...cell, volume: 0, digital: 0, paper: 0 };
  sum.volume += cell.volume;
  sum.digital += cell.digital;
  sum.paper += cell.paper;
  cells.set(key, sum);
}

/** A frozen forecast's flows, month by month, as cells of the initiative's kind and each flow's recipient type. */
const cellsOf = (frozen: Forecast, flows: readonly ForecastFlow[], organisationKind: OrganisationKind): PlanCell[] =>
  frozen.flows.flatMap((flow) => {
    const recipientType = flows.find((f) => f.id === flow.flowId)!.recipientType;
    return flow.months.map(({ month, volume, digital, paper }) => ({ organisationKind, recipientType, month, volume, digital, paper }));
  });

/** An initiative with its flows, versions frozen some months before or after the period starts, and actuals. */
const arbitraryInitiative = (from: YearMonth) =>
  fc
    .record({
      initiativeId: fc.uuid(),
      organisationKind: fc.constantFrom(...ORGANISATION_KINDS),
      flows: fc.array(arbitraryFlow, { minLength: 1, maxLength: 3 }),
      baselineAt: fc.option(fc.integer({ min: -70, max: 20 }), { nil: null }),
      reforecastAt: fc.option(fc.integer({ min: -70, max: 20 }), { nil: null }),
      actuals: fc.array(fc.record({ at: fc.integer({ min: -3, max: 30 }), digital: fc.nat(5000), paper: fc.nat(5000), flow: fc.nat() }), {
        maxLength: 6,
      }),
    })
    .map(({ initiativeId, organisationKind, flows, baselineAt, reforecastAt, actuals }) => {
      const version = (kind: VersionMeta["kind"], at: number | null): (VersionMeta & { frozen: Forecast }) | null => {
        if (at === null) return null;
        const frozen = forecast({ flows, from: shift(from, at), months: 60 });
        // Frozen in the month it starts: a later month is a later version.
        return {
          id: `${kind}-${initiativeId}`,
          kind,
          createdAt: `${frozen.from}-15 09:00:00.000000`,
          frozen,
        };
      };
      return {
        initiativeId,
        organisationKind,
        latestBaseline: version("baseline", baselineAt),
        latestReforecast: version("reforecast", reforecastAt),
        actuals: actuals.map(
          (a): PlanCell => ({
            organisationKind,
            recipientType: flows[a.flow % flows.length]!.recipientType,
            month: shift(from, a.at),
            digital: a.digital,
            paper: a.paper,
            volume: a.digital + a.paper,
          }),
        ),
        flows,
      };
    });

const request = arbitraryMonth.chain((from) =>
  fc.record({
    from: fc.constant(from),
    months: fc.integer({ min: 1, max: 30 }),
    currentMonth: fc.integer({ min: -2, max: 32 }).map((n) => shift(from, n)),
    initiatives: fc.uniqueArray(arbitraryInitiative(from), { maxLength: 5, selector: (i) => i.initiativeId }),
  }),
);

type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

function planOf({ from, months, currentMonth, initiatives }: Request) {
  const current = nationalForecast({
    initiatives: initiatives.map((i) => ({
      initiativeId: i.initiativeId,
      organisationKind: i.organisationKind,
      flows: i.flows,
      reach: {},
    })),
    from,
    months,
  });
  // What the repository does: choose with chooseVersions, then add up the chosen versions' figures.
  const chosen = chooseVersions(initiatives);
  const baseline = new Map<string, PlanCell>();
  const reforecast = new Map<string, PlanCell>();
  const actual = new Map<string, PlanCell>();
  for (const i of initiatives) {
    for (const v of [i.latestBaseline, i.latestReforecast]) {
      if (!v) continue;
      const cells = cellsOf(v.frozen, i.flows, i.organisationKind);
      if (chosen.baselineIds.includes(v.id)) for (const c of cells) addCell(baseline, c);
      if (chosen.estimateIds.includes(v.id)) for (const c of cells) addCell(reforecast, c);
    }
    for (const c of i.actuals) addCell(actual, c);
  }
  const { baselineIds: _b, estimateIds: _e, ...counted } = chosen;
  const plan = volumePlan({
    from,
    months,
    currentMonth,
    current,
    baseline: [...baseline.values()],
    reforecast: [...reforecast.values()],
    actual: [...actual.values()],
    initiatives: { ...counted, withActuals: initiatives.filter((i) => i.actuals.length).length },
  });
  return { current, plan };
}

/** A frozen forecast's total in a month, as its version endpoint shows it; 0 for a month it does not cover. */
const frozenTotal = (version: { frozen: Forecast } | null, month: string, key: "volume" | "digital") =>
  version?.frozen.months.find((m) => m.month === month)?.[key] ?? 0;

const series = ["current", "baseline", "reforecast", "actual"] as const;

describe("the national volume plan", () => {
  it("adds up each initiative's latest baseline, its latest estimate and its actuals, month by month", () => {
    fc.assert(
      fc.property(request, (r) => {
        const { plan } = planOf(r);
        expect(plan.months.map((m) => m.month)).toEqual(Array.from({ length: r.months }, (_, i) => shift(r.from, i)));
        for (const m of plan.months) {
          for (const key of ["volume", "digital"] as const) {
            expect(m.baseline[key]).toBe(r.initiatives.reduce((s, i) => s + frozenTotal(i.latestBaseline, m.month, key), 0));
            // Newest by time, then id, worked out here rather than asked of latestEstimate.
            const newest = (i: (typeof r.initiatives)[number]) =>
              [i.latestBaseline, i.latestReforecast]
                .filter((v) => v !== null)
                .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))[0] ?? null;
            expect(m.reforecast[key]).toBe(r.initiatives.reduce((s, i) => s + frozenTotal(newest(i), m.month, key), 0));
          }
          const sent = r.initiatives.flatMap((i) => i.actuals.filter((a) => a.month === m.month));
          if (m.month > r.currentMonth) expect(m.actual).toBeNull();
          else
            expect(m.actual).toEqual({
              digital: sent.reduce((s, a) => s + a.digital, 0),
              paper: sent.reduce((s, a) => s + a.paper, 0),
              volume: sent.reduce((s, a) => s + a.digital + a.paper, 0),
            });
        }
      }),
    );
  });

  it("has the national forecast's months as its current series", () => {
    fc.assert(
      fc.property(request, (r) => {
        const { plan, current } = planOf(r);
        plan.months.forEach((m, i) => {
          const { month, ...counts } = current.months[i]!;
          expect(m.current).toEqual(counts);
        });
      }),
    );
  });

  it("splits every series exactly by organisation kind and by recipient type", () => {
    fc.assert(
      fc.property(request, (r) => {
        const { plan } = planOf(r);
        for (const parts of [plan.byKind, plan.byRecipientType]) {
          const split: VolumePlanMonth[][] = Object.values(parts);
          plan.months.forEach((m, k) => {
            for (const s of series) {
              if (m[s] === null) {
                expect(split.every((p) => p[k]![s] === null)).toBe(true);
                continue;
              }
              for (const key of ["volume", "digital", "paper"] as const) {
                expect(split.reduce((sum, p) => sum + (p[k]![s]?.[key] ?? 0), 0)).toBe(m[s]![key]);
              }
            }
          });
        }
      }),
    );
  });

  it("counts the initiatives behind each series", () => {
    fc.assert(
      fc.property(request, (r) => {
        const { plan } = planOf(r);
        expect(plan.initiatives.withBaseline).toBe(r.initiatives.filter((i) => i.latestBaseline).length);
        expect(plan.initiatives.withReforecast).toBe(r.initiatives.filter((i) => i.latestBaseline || i.latestReforecast).length);
        expect(plan.initiatives.estimateIsBaseline).toBe(
          r.initiatives.filter(
            (i) => i.latestBaseline && (!i.latestReforecast || i.latestBaseline.createdAt > i.latestReforecast.createdAt),
          ).length,
        );
      }),
    );
  });
});

describe("an initiative's latest estimate", () => {
  const version = (kind: VersionMeta["kind"], createdAt: string, id: string = kind): VersionMeta => ({ id, kind, createdAt });
  const baseline = version("baseline", "2027-03-01 10:00:00.000002");

  it("is its latest re-forecast when that is newer than its latest baseline", () => {
    const reforecast = version("reforecast", "2027-03-01 10:00:00.000003");
    expect(latestEstimate({ latestBaseline: baseline, latestReforecast: reforecast })).toBe(reforecast);
  });

  it("is its latest baseline when it has no re-forecast, or a baseline was frozen after the re-forecast", () => {
    expect(latestEstimate({ latestBaseline: baseline, latestReforecast: null })).toBe(baseline);
    // A microsecond apart: the order the database keeps, not a millisecond Date's.
    const older = version("reforecast", "2027-03-01 10:00:00.000001");
    expect(latestEstimate({ latestBaseline: baseline, latestReforecast: older })).toBe(baseline);
  });

  it("breaks a tie of the same instant by id, as the versions list does; none without any version", () => {
    const same = version("reforecast", baseline.createdAt, "ffff");
    expect(latestEstimate({ latestBaseline: baseline, latestReforecast: same })).toBe(same);
    expect(latestEstimate({ latestBaseline: null, latestReforecast: same })).toBe(same);
    expect(latestEstimate({ latestBaseline: null, latestReforecast: null })).toBeNull();
  });

  it("chooses one version per initiative and series: a baseline that is the newest estimate counts in both", () => {
    const newer = version("reforecast", "2027-04-01 08:00:00.000000", "r2");
    expect(
      chooseVersions([
        { initiativeId: "a", latestBaseline: baseline, latestReforecast: null },
        { initiativeId: "b", latestBaseline: version("baseline", "2027-01-01 08:00:00.000000", "b1"), latestReforecast: newer },
        { initiativeId: "c", latestBaseline: null, latestReforecast: version("reforecast", "2026-01-01 08:00:00.000000", "r1") },
      ]),
    ).toEqual({
      baselineIds: ["baseline", "b1"],
      estimateIds: ["baseline", "r2", "r1"],
      withBaseline: 2,
      withReforecast: 3,
      estimateIsBaseline: 1,
    });
  });

  it("leaves out an initiative without any version from both frozen series, but not from the current forecast", () => {
    const from = "2027-01";
    const flows: ForecastFlow[] = [
      {
        id: "f",
        recipientType: "foretag",
        annualVolume: 1200,
        seasonality: EVEN_SEASONALITY,
        status: "prioriterad",
        plannedProductionDate: "2027-01-01",
      },
    ];
    const current = nationalForecast({
      initiatives: [{ initiativeId: "i", organisationKind: "kommun", flows, reach: {} }],
      from,
      months: 2,
    });
    const { baselineIds, estimateIds, ...counted } = chooseVersions([{ initiativeId: "i", latestBaseline: null, latestReforecast: null }]);
    expect([baselineIds, estimateIds]).toEqual([[], []]);
    const plan = volumePlan({
      from,
      months: 2,
      currentMonth: "2027-01",
      current,
      baseline: [],
      reforecast: [],
      actual: [],
      initiatives: { ...counted, withActuals: 0 },
    });
    expect(plan.months.map((m) => [m.current.volume, m.baseline.volume, m.reforecast.volume, m.actual])).toEqual([
      [100, 0, 0, { volume: 0, digital: 0, paper: 0 }],
      [100, 0, 0, null],
    ]);
    expect(plan.byKind.kommun?.[0]?.current.volume).toBe(100);
    expect(plan.initiatives).toEqual({ withBaseline: 0, withReforecast: 0, estimateIsBaseline: 0, withActuals: 0 });
  });
});

describe("the volume plan's inputs", () => {
  it("refuses a national forecast over other months than its own", () => {
    const current = nationalForecast({ initiatives: [], from: "2027-01", months: 2 });
    const initiatives = { withBaseline: 0, withReforecast: 0, estimateIsBaseline: 0, withActuals: 0 };
    expect(() =>
      volumePlan({ from: "2027-02", months: 2, currentMonth: "2027-01", current, baseline: [], reforecast: [], actual: [], initiatives }),
    ).toThrow();
  });
});
