import type { Endpoint, EventOutcome } from "../../sandbox/emulator/events.ts";
import {
  addDelivery,
  addLookup,
  type DeliveryOutcome,
  type MonthVolume,
  NO_VOLUME,
  type OperatorVolume,
  type TestSeries,
  totalsOf,
  type VolumeCounts,
  type YearMonth,
} from "./volume-series.ts";

/** What the aggregation needs of a recorded emulator call (a sandbox_events row has all of it). */
export type VolumeEvent = {
  at: Date;
  endpoint: Endpoint;
  operation: string | null;
  outcome: EventOutcome;
  operatorId: string | null;
  httpStatus: number | null;
  loadTestId: string | null;
};

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

type Counted = { kind: "lookup" } | { kind: "delivery"; outcome: DeliveryOutcome; operatorId: string | null } | { kind: "none" };

/**
 * A lookup is an isReachable that reached the emulator's parser. A delivery is any POST the
 * emulator took at a Service endpoint, since those serve deliverSecure only: one refused before
 * it was read (no client certificate, too large, not XML) has no operation yet but was still an
 * attempt to deliver, and counts as refused. A 404 or 405 there answered a GET or another method,
 * not a SOAP call. WSDL and schema fetches, isRegistered and getSenders are not volumes.
 */
function classify(e: VolumeEvent): Counted {
  if (e.operation === "isReachable") return { kind: "lookup" };
  const atService = e.endpoint === "service" && (e.operation === "deliverSecure" || e.operation === null);
  const notSoap = e.httpStatus === 404 || e.httpStatus === 405;
  if (!atService || notSoap || e.outcome === "answered") return { kind: "none" };
  return { kind: "delivery", outcome: e.outcome, operatorId: e.operatorId };
}

function addToMonth(month: MonthVolume, counted: Exclude<Counted, { kind: "none" }>): MonthVolume {
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
 * The emulator's calls as a test series of actual volumes, by calendar month in Stockholm time,
 * every month from the first call's to the last's (a month without calls is a real zero).
 *
 * Calls made during a load test are left out: a load test is a synthetic burst at a rate the
 * organisation picked, thousands of calls in minutes, and would drown the signal the follow-up
 * compares with the forecast (what a real sender's flows look like). Their number is kept in
 * `excludedLoadTestCalls` so the page can say what was left out.
 */
export function testSeriesFromEvents(
  events: readonly VolumeEvent[],
  /** Load-test calls already left out where the events were read (counted there, not fetched). */
  { loadTestCallsLeftOut = 0 }: { loadTestCallsLeftOut?: number } = {},
): TestSeries {
  const byMonth = new Map<YearMonth, MonthVolume>();
  let excludedLoadTestCalls = loadTestCallsLeftOut;
  for (const e of events) {
    if (e.loadTestId !== null) {
      excludedLoadTestCalls += 1;
      continue;
    }
    const counted = classify(e);
    if (counted.kind === "none") continue;
    const month = stockholmMonth(e.at);
    byMonth.set(month, addToMonth(byMonth.get(month) ?? { month, ...NO_VOLUME, byOperator: {} }, counted));
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
