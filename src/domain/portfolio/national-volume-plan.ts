import type { OrganisationKind } from "../access/roles.ts";
import { monthIndexOf, yearMonthAt } from "../forecast/calendar-month.ts";
import type { Counts } from "../forecast/forecast.ts";
import type { RecipientType } from "../forecast/reach-curve.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import type { NationalForecast, NationalMonth } from "./national-forecast.ts";

/**
 * The national volume plan (issue 14): per month, what the infrastructure must be dimensioned for,
 * four ways — the initiatives' current forecasts, their latest baselines, their latest re-forecasts
 * and what they actually sent — in total, by organisation kind and by recipient type.
 *
 * Each series is the initiatives' own numbers added up, as each initiative's endpoints show them:
 * - current: the live forecast (national-forecast.ts, the initiative's forecast endpoint);
 * - baseline: its latest baseline (newest by time, then id: the version its actuals are measured
 *   against, actuals/flow-actuals.ts);
 * - reforecast: its latest estimate, the newest of its frozen versions (the first its versions
 *   endpoint lists). That is its latest re-forecast, unless a baseline was frozen after it — or it
 *   has never saved one — when its latest baseline is its newest estimate and counts here too. An
 *   initiative without any version counts in neither series;
 * - actual: the sum of its flows' actuals as recorded (volume = digital + paper), null for a month
 *   that has not begun (a month not yet sent is not a month of zero).
 *
 * A frozen version covers the 60 months from the month it was frozen; a month outside them counts
 * nothing from it, as when two versions are compared (forecast/compare.ts). The recipient type of a
 * frozen figure is its flow's as frozen in the version's plan; of an actual, its flow's now.
 *
 * chooseVersions picks each initiative's versions for the two frozen series; the repository then adds
 * up the chosen versions' figures (and the actuals) per kind, recipient type and month in SQL, so
 * volumePlan receives a few hundred cells rather than every initiative's months.
 */

/** A version as the choice of the latest ones reads it: which, of what kind, when frozen. */
export type VersionMeta = {
  id: string;
  kind: "baseline" | "reforecast";
  /** When it was frozen, as text that sorts as the instants it names (microseconds, as stored). */
  createdAt: string;
};

/** One initiative's newest baseline and newest re-forecast, if any. */
export type InitiativeVersions = { initiativeId: string; latestBaseline: VersionMeta | null; latestReforecast: VersionMeta | null };

/**
 * Figures of one organisation kind, recipient type and month, already added up over initiatives
 * (the repository does it in SQL, over the versions chosen here); an actual's volume is digital + paper.
 */
export type PlanCell = { organisationKind: OrganisationKind; recipientType: RecipientType; month: YearMonth } & Counts;

export type VolumePlanMonth = {
  month: YearMonth;
  current: Counts;
  baseline: Counts;
  reforecast: Counts;
  actual: Counts | null;
};

export type VolumePlan = {
  from: YearMonth;
  months: VolumePlanMonth[];
  byKind: Partial<Record<OrganisationKind, VolumePlanMonth[]>>;
  byRecipientType: Partial<Record<RecipientType, VolumePlanMonth[]>>;
  /** How many initiatives each series adds up. */
  initiatives: {
    withBaseline: number;
    withReforecast: number;
    /** Of those with a latest estimate, the ones whose newest version is a baseline. */
    estimateIsBaseline: number;
    withActuals: number;
  };
};

export type ChosenVersions = {
  /** Each initiative's latest baseline: the baseline series adds up these. */
  baselineIds: string[];
  /** Each initiative's latest estimate: the reforecast series adds up these (a baseline may be in both). */
  estimateIds: string[];
  withBaseline: number;
  withReforecast: number;
  estimateIsBaseline: number;
};

/** The newer of two versions: later frozen, then the greater id (the order of the initiative's versions list). */
const newer = (a: VersionMeta, b: VersionMeta) => (a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id) ? a : b);

/** The initiative's latest estimate: its newest frozen version, whichever kind (see above); null without any. */
export function latestEstimate({
  latestBaseline: baseline,
  latestReforecast: reforecast,
}: Omit<InitiativeVersions, "initiativeId">): VersionMeta | null {
  if (baseline && reforecast) return newer(baseline, reforecast);
  return reforecast ?? baseline;
}

/** The versions each series adds up, one per initiative and series, and how many initiatives each counts. */
export function chooseVersions(initiatives: readonly InitiativeVersions[]): ChosenVersions {
  const chosen: ChosenVersions = { baselineIds: [], estimateIds: [], withBaseline: 0, withReforecast: 0, estimateIsBaseline: 0 };
  for (const initiative of initiatives) {
    if (initiative.latestBaseline) {
      chosen.baselineIds.push(initiative.latestBaseline.id);
      chosen.withBaseline++;
    }
    const estimate = latestEstimate(initiative);
    if (estimate) {
      chosen.estimateIds.push(estimate.id);
      chosen.withReforecast++;
      if (estimate.kind === "baseline") chosen.estimateIsBaseline++;
    }
  }
  return chosen;
}

const zero = (): Counts => ({ volume: 0, digital: 0, paper: 0 });

function add(target: Counts, cell: Counts) {
  target.volume += cell.volume;
  target.digital += cell.digital;
  target.paper += cell.paper;
}

export function volumePlan({
  from,
  months,
  currentMonth,
  current,
  baseline,
  reforecast,
  actual,
  initiatives,
}: {
  from: YearMonth;
  months: number;
  /** This month in Stockholm: later months have no actuals yet. */
  currentMonth: YearMonth;
  /** The national forecast over the same months. */
  current: NationalForecast;
  /** The chosen latest baselines' figures, the chosen latest estimates' and the actuals, in the period. */
  baseline: readonly PlanCell[];
  reforecast: readonly PlanCell[];
  actual: readonly PlanCell[];
  initiatives: VolumePlan["initiatives"];
}): VolumePlan {
  if (current.from !== from || current.months.length !== months) throw new Error("the national forecast covers other months");
  const first = monthIndexOf(from);
  const labels = Array.from({ length: months }, (_, i) => yearMonthAt(first + i));
  const indexOf = new Map(labels.map((m, i) => [m, i]));
  const begun = monthIndexOf(currentMonth);
  const series = (): VolumePlanMonth[] =>
    labels.map((month, i) => ({
      month,
      current: zero(),
      baseline: zero(),
      reforecast: zero(),
      actual: first + i <= begun ? zero() : null,
    }));
  const total = series();
  const byKind: VolumePlan["byKind"] = {};
  const byRecipientType: VolumePlan["byRecipientType"] = {};
  const of = <K extends string>(parts: Partial<Record<K, VolumePlanMonth[]>>, key: K) => {
    const made = parts[key] ?? series();
    parts[key] = made;
    return made;
  };

  const currentParts = (parts: Partial<Record<string, NationalMonth[]>>, into: (key: string) => VolumePlanMonth[]) => {
    for (const [key, monthsOf] of Object.entries(parts)) {
      const target = into(key);
      monthsOf?.forEach((m, i) => {
        if (target[i]) add(target[i]!.current, m);
      });
    }
  };
  current.months.forEach((m, i) => {
    if (total[i]) add(total[i]!.current, m);
  });
  currentParts(current.byKind, (k) => of(byKind, k as OrganisationKind));
  currentParts(current.byRecipientType, (t) => of(byRecipientType, t as RecipientType));

  for (const [cells, key] of [
    [baseline, "baseline"],
    [reforecast, "reforecast"],
    [actual, "actual"],
  ] as const) {
    for (const cell of cells) {
      const i = indexOf.get(cell.month);
      if (i === undefined) continue; // outside the period
      for (const m of [total[i]!, of(byKind, cell.organisationKind)[i]!, of(byRecipientType, cell.recipientType)[i]!]) {
        const target = m[key];
        if (target) add(target, cell);
      }
    }
  }
  return { from, months: total, byKind, byRecipientType, initiatives };
}
