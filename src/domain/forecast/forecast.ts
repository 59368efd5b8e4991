import type { YearMonth } from "../volumes/volume-series.ts";
import { calendarMonthOf, type MonthIndex, monthIndexOf, monthIndexOfDay, yearMonthAt } from "./calendar-month.ts";
import type { ForecastFlow } from "./forecast-input.ts";
import { monthlyVolumes } from "./monthly-volume.ts";
import { type ReachOverrides, type ReachShare, reachShare } from "./reach-curve.ts";

/**
 * The volume forecast (issue 11): for each flow and month, `volume` is the flow's messages that
 * calendar month (monthly-volume.ts), `digital` is 0 before the month of the flow's planned production
 * date — a flow without one never goes digital — and round(volume · reachShare) from it, and `paper` is
 * volume − digital. Each count is rounded once, per flow and month; the totals are sums of those
 * whole numbers, so a table of flows always adds up to its total row. Rounding the whole-number volume
 * times a share in [0, 1] keeps digital between 0 and volume, so paper is never negative.
 *
 * A decommissioned flow (status "avvecklad") contributes nothing at all: the flow register records no
 * date it stopped, so any month of it would be a guess. It stays in `flows`, with zero counts, so the
 * forecast still lists every flow of the register.
 */

export type Counts = { volume: number; digital: number; paper: number };
export type FlowMonth = Counts & { month: YearMonth; reachShare: ReachShare };
export type FlowForecast = { flowId: string; months: FlowMonth[] };
export type MonthTotal = Counts & { month: YearMonth };
export type Forecast = { from: YearMonth; months: MonthTotal[]; flows: FlowForecast[] };

export type ForecastRequest = {
  flows: readonly ForecastFlow[];
  from: YearMonth;
  months: number;
  reach?: ReachOverrides;
};

/** The months of the forecast, named once: every flow shares them. */
type Calendar = { first: MonthIndex; labels: readonly YearMonth[] };

function flowForecast(flow: ForecastFlow, calendar: Calendar, shares: readonly ReachShare[]): FlowForecast {
  const byCalendarMonth = monthlyVolumes(flow.annualVolume, flow.seasonality);
  const decommissioned = flow.status === "avvecklad";
  const production = flow.plannedProductionDate === undefined ? Number.POSITIVE_INFINITY : monthIndexOfDay(flow.plannedProductionDate);
  const months = calendar.labels.map((label, i): FlowMonth => {
    const month = calendar.first + i;
    const share = shares[i]!;
    const volume = decommissioned ? 0 : byCalendarMonth[calendarMonthOf(month)]!;
    const digital = month < production ? 0 : Math.round(volume * share);
    return { month: label, volume, reachShare: share, digital, paper: volume - digital };
  });
  return { flowId: flow.id, months };
}

export function forecast({ flows, from, months, reach = {} }: ForecastRequest): Forecast {
  const first = monthIndexOf(from);
  const calendar: Calendar = { first, labels: Array.from({ length: months }, (_, i) => yearMonthAt(first + i)) };
  // The reach curve depends only on the recipient type and the month: once per type, not per flow.
  const sharesByType = new Map<ForecastFlow["recipientType"], ReachShare[]>();
  const sharesOf = (type: ForecastFlow["recipientType"]) => {
    let shares = sharesByType.get(type);
    if (!shares) {
      shares = Array.from({ length: months }, (_, i) => reachShare(type, first + i, reach));
      sharesByType.set(type, shares);
    }
    return shares;
  };
  const perFlow = flows.map((flow) => flowForecast(flow, calendar, sharesOf(flow.recipientType)));
  const totals = Array.from({ length: months }, (_, i): MonthTotal => {
    const total = { month: calendar.labels[i]!, volume: 0, digital: 0, paper: 0 };
    for (const flow of perFlow) {
      const cell = flow.months[i]!;
      total.volume += cell.volume;
      total.digital += cell.digital;
      total.paper += cell.paper;
    }
    return total;
  });
  return { from, months: totals, flows: perFlow };
}
