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
 */

/** A frozen version's figures in the period, added up per recipient type and month. */
export type VersionCell = Counts & { recipientType: RecipientType; month: YearMonth };

export type FrozenVersionFigures = {
  id: string;
  kind: "baseline" | "reforecast";
  /** When it was frozen, as text that sorts as the instants it names (microseconds, as stored). */
  createdAt: string;
  cells: readonly VersionCell[];
};

export type ActualCell = { recipientType: RecipientType; month: YearMonth; digital: number; paper: number };

/** One initiative as the volume plan reads it: its newest baseline and re-forecast, its actuals in the period. */
export type VolumePlanInitiative = {
  initiativeId: string;
  organisationKind: OrganisationKind;
  latestBaseline: FrozenVersionFigures | null;
  latestReforecast: FrozenVersionFigures | null;
  actuals: readonly ActualCell[];
};

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

/** The newer of two versions: later frozen, then the greater id (the order of the initiative's versions list). */
const newer = (a: FrozenVersionFigures, b: FrozenVersionFigures) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id) ? a : b;

/** The initiative's latest estimate: its newest frozen version, whichever kind (see above); null without any. */
export function latestEstimate(initiative: Pick<VolumePlanInitiative, "latestBaseline" | "latestReforecast">): FrozenVersionFigures | null {
  const { latestBaseline: baseline, latestReforecast: reforecast } = initiative;
  if (baseline && reforecast) return newer(baseline, reforecast);
  return reforecast ?? baseline;
}

const zero = (): Counts => ({ volume: 0, digital: 0, paper: 0 });

function add(target: Counts, cell: { digital: number; paper: number; volume?: number }) {
  target.volume += cell.volume ?? cell.digital + cell.paper;
  target.digital += cell.digital;
  target.paper += cell.paper;
}

export function volumePlan({
  from,
  months,
  currentMonth,
  current,
  initiatives,
}: {
  from: YearMonth;
  months: number;
  /** This month in Stockholm: later months have no actuals yet. */
  currentMonth: YearMonth;
  /** The national forecast over the same months. */
  current: NationalForecast;
  initiatives: readonly VolumePlanInitiative[];
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
  /** The months of the total, the kind and the recipient type a cell counts in; none outside the period. */
  const targets = (kind: OrganisationKind, type: RecipientType, month: YearMonth) => {
    const i = indexOf.get(month);
    return i === undefined ? [] : [total[i]!, of(byKind, kind)[i]!, of(byRecipientType, type)[i]!];
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

  const counted = { withBaseline: 0, withReforecast: 0, estimateIsBaseline: 0, withActuals: 0 };
  for (const initiative of initiatives) {
    const kind = initiative.organisationKind;
    const estimate = latestEstimate(initiative);
    if (initiative.latestBaseline) counted.withBaseline++;
    if (estimate) counted.withReforecast++;
    if (estimate?.kind === "baseline") counted.estimateIsBaseline++;
    if (initiative.actuals.length) counted.withActuals++;
    for (const cell of initiative.latestBaseline?.cells ?? []) {
      for (const m of targets(kind, cell.recipientType, cell.month)) add(m.baseline, cell);
    }
    for (const cell of estimate?.cells ?? []) {
      for (const m of targets(kind, cell.recipientType, cell.month)) add(m.reforecast, cell);
    }
    for (const cell of initiative.actuals) {
      for (const m of targets(kind, cell.recipientType, cell.month)) if (m.actual) add(m.actual, cell);
    }
  }
  return { from, months: total, byKind, byRecipientType, initiatives: counted };
}
