import type { OrganisationKind } from "../access/roles.ts";
import { type Forecast, forecast } from "../forecast/forecast.ts";
import type { ForecastFlow } from "../forecast/forecast-input.ts";
import type { ReachOverrides, RecipientType } from "../forecast/reach-curve.ts";
import type { YearMonth } from "../volumes/volume-series.ts";

/** One initiative as the national forecast reads it: its organisation's kind, its flows, its reach overrides. */
export type ForecastInitiative = {
  initiativeId: string;
  organisationKind: OrganisationKind;
  flows: readonly ForecastFlow[];
  reach: ReachOverrides;
};

export type NationalMonth = { month: YearMonth; volume: number; digital: number; paper: number };

export type NationalForecast = {
  from: YearMonth;
  months: NationalMonth[];
  byKind: Partial<Record<OrganisationKind, NationalMonth[]>>;
  byRecipientType: Partial<Record<RecipientType, NationalMonth[]>>;
  /** Each initiative's digital messages over the whole period. */
  digitalByInitiative: Map<string, number>;
};

const zeroMonths = (labels: readonly YearMonth[]): NationalMonth[] => labels.map((month) => ({ month, volume: 0, digital: 0, paper: 0 }));

/** The series of `key` in `parts`, made (all zeros) the first time it is asked for. */
function seriesOf<K extends string>(parts: Partial<Record<K, NationalMonth[]>>, key: K, labels: readonly YearMonth[]): NationalMonth[] {
  const existing = parts[key];
  if (existing) return existing;
  const made = zeroMonths(labels);
  parts[key] = made;
  return made;
}

/**
 * The sum of every initiative's own forecast (domain/forecast/forecast.ts), computed exactly as the
 * initiative's forecast endpoint computes it — with its own reach overrides — so the national numbers
 * are the initiatives' numbers added up, by month, by organisation kind and by recipient type.
 */
export function nationalForecast({
  initiatives,
  from,
  months,
}: {
  initiatives: readonly ForecastInitiative[];
  from: YearMonth;
  months: number;
}): NationalForecast {
  const labels = forecast({ flows: [], from, months }).months.map((m) => m.month);
  const total = zeroMonths(labels);
  const byKind: NationalForecast["byKind"] = {};
  const byRecipientType: NationalForecast["byRecipientType"] = {};
  const digitalByInitiative = new Map<string, number>();
  for (const initiative of initiatives) {
    const result: Forecast = forecast({ flows: initiative.flows, from, months, reach: initiative.reach });
    const kindMonths = seriesOf(byKind, initiative.organisationKind, labels);
    let digital = 0;
    result.flows.forEach((flowForecast, f) => {
      const type = initiative.flows[f]!.recipientType;
      const typeMonths = seriesOf(byRecipientType, type, labels);
      flowForecast.months.forEach((cell, i) => {
        for (const target of [total[i]!, kindMonths[i]!, typeMonths[i]!]) {
          target.volume += cell.volume;
          target.digital += cell.digital;
          target.paper += cell.paper;
        }
        digital += cell.digital;
      });
    });
    digitalByInitiative.set(initiative.initiativeId, digital);
  }
  return { from, months: total, byKind, byRecipientType, digitalByInitiative };
}
