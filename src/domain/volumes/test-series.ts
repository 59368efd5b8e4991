import type { VolumeObservation } from "./volume-observation.ts";
import {
  addDelivery,
  addLookup,
  type MonthVolume,
  NO_VOLUME,
  type OperatorVolume,
  type TestSeries,
  totalsOf,
  type VolumeCounts,
  type YearMonth,
} from "./volume-series.ts";

const STOCKHOLM_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit" });

/** The calendar month in Sweden, where the volumes are followed up: 23:30 UTC on 31 January is already February. */
export function stockholmMonth(at: Date): YearMonth {
  const parts = STOCKHOLM_MONTH.formatToParts(at);
  const year = parts.find((p) => p.type === "year")?.value;
  const month = parts.find((p) => p.type === "month")?.value;
  return `${Number(year)}-${month}` as YearMonth;
}

function nextMonth(month: YearMonth): YearMonth {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : (`${year}-${String(m + 1).padStart(2, "0")}` as YearMonth);
}

function addToMonth(month: MonthVolume, counted: VolumeObservation): MonthVolume {
  if (counted.kind === "lookup") return { ...month, ...addLookup(month) };
  const counts: VolumeCounts = addDelivery(month, counted.outcome);
  if (counted.operatorId === null) return { ...month, ...counts };
  const before: OperatorVolume = month.byOperator[counted.operatorId] ?? { deliveries: 0, delivered: 0 };
  const byOperator = {
    ...month.byOperator,
    [counted.operatorId]: {
      deliveries: before.deliveries + 1,
      delivered: before.delivered + (counted.outcome === "delivered" ? 1 : 0),
    },
  };
  return { ...month, ...counts, byOperator };
}

/**
 * Observations made against the emulator as a test series of actual volumes, by calendar month in
 * Stockholm time, every month from the first call's to the last's (a month without calls is a real
 * zero). Calls made during load tests are left out where the calls are read (a synthetic burst
 * would drown the signal the follow-up compares with the forecast); their number is carried in
 * `excludedLoadTestCalls` so the page can say what was left out.
 */
export function testSeries(observations: readonly VolumeObservation[], { excludedLoadTestCalls = 0 } = {}): TestSeries {
  const byMonth = new Map<YearMonth, MonthVolume>();
  for (const o of observations) {
    const month = stockholmMonth(o.at);
    byMonth.set(month, addToMonth(byMonth.get(month) ?? { month, ...NO_VOLUME, byOperator: {} }, o));
  }
  const counted = [...byMonth.keys()].sort();
  const months: MonthVolume[] = [];
  const first = counted[0];
  const last = counted.at(-1);
  if (first && last) {
    for (let month = first; month <= last; month = nextMonth(month)) {
      months.push(byMonth.get(month) ?? { month, ...NO_VOLUME, byOperator: {} });
    }
  }
  return { kind: "test", source: "ansluta-emulator", months, totals: totalsOf(months), excludedLoadTestCalls };
}
