/**
 * Actual message volumes, the counterpart of the forecast in the method's benefit follow-up
 * (Realisera nyttor). A series is either production volumes (reported from Mina meddelanden, to
 * come) or a test series made from the emulator's recorded calls. The two share one shape so the
 * follow-up code path is the same; the kind is carried everywhere so a test series can never be
 * read as production.
 */

/** A calendar month in Europe/Stockholm time, "YYYY-MM". */
export type YearMonth = `${number}-${number}`;

/** What happened to the deliveries and lookups of a period. */
export type VolumeCounts = {
  /** isReachable calls. */
  lookups: number;
  /** deliverSecure calls: always delivered + notDelivered + faults + timeouts + refused (see `countsOf`). */
  deliveries: number;
  delivered: number;
  notDelivered: number;
  faults: number;
  timeouts: number;
  refused: number;
};

export type OperatorVolume = { deliveries: number; delivered: number };

export type MonthVolume = VolumeCounts & { month: YearMonth; byOperator: Record<string, OperatorVolume> };

export type VolumeTotals = VolumeCounts & { byOperator: Record<string, OperatorVolume> };

/** The emulator is the only source of a test series. */
export type TestSeries = {
  kind: "test";
  source: "ansluta-emulator";
  months: MonthVolume[];
  totals: VolumeTotals;
  /** Calls made during load tests: left out of the months (see db/repositories/sandbox-volume-mapper.ts), counted here so nothing is silently dropped. */
  excludedLoadTestCalls: number;
};

export type ProductionSeries = {
  kind: "production";
  /** Where the volumes were reported from. */
  source: string;
  months: MonthVolume[];
  totals: VolumeTotals;
};

export type VolumeSeries = TestSeries | ProductionSeries;

export type DeliveryOutcome = "delivered" | "not-delivered" | "fault" | "timeout" | "refused";

/** Counts whose deliveries are the sum of their outcomes by construction. */
export function countsOf(c: Omit<VolumeCounts, "deliveries">): VolumeCounts {
  return { ...c, deliveries: c.delivered + c.notDelivered + c.faults + c.timeouts + c.refused };
}

export const NO_VOLUME: VolumeCounts = countsOf({ lookups: 0, delivered: 0, notDelivered: 0, faults: 0, timeouts: 0, refused: 0 });

const OUTCOME_FIELD: Record<DeliveryOutcome, keyof Omit<VolumeCounts, "deliveries" | "lookups">> = {
  delivered: "delivered",
  "not-delivered": "notDelivered",
  fault: "faults",
  timeout: "timeouts",
  refused: "refused",
};

export function addDelivery(counts: VolumeCounts, outcome: DeliveryOutcome): VolumeCounts {
  const field = OUTCOME_FIELD[outcome];
  return { ...counts, [field]: counts[field] + 1, deliveries: counts.deliveries + 1 };
}

export const addLookup = (counts: VolumeCounts): VolumeCounts => ({ ...counts, lookups: counts.lookups + 1 });

function addOperators(into: Record<string, OperatorVolume>, from: Record<string, OperatorVolume>): Record<string, OperatorVolume> {
  const sum = { ...into };
  for (const [operatorId, v] of Object.entries(from)) {
    const before = sum[operatorId] ?? { deliveries: 0, delivered: 0 };
    sum[operatorId] = { deliveries: before.deliveries + v.deliveries, delivered: before.delivered + v.delivered };
  }
  return sum;
}

/** The series' months added up. */
export function totalsOf(months: readonly MonthVolume[]): VolumeTotals {
  let totals: VolumeTotals = { ...NO_VOLUME, byOperator: {} };
  for (const { month: _month, byOperator, ...m } of months) {
    totals = {
      lookups: totals.lookups + m.lookups,
      deliveries: totals.deliveries + m.deliveries,
      delivered: totals.delivered + m.delivered,
      notDelivered: totals.notDelivered + m.notDelivered,
      faults: totals.faults + m.faults,
      timeouts: totals.timeouts + m.timeouts,
      refused: totals.refused + m.refused,
      byOperator: addOperators(totals.byOperator, byOperator),
    };
  }
  return totals;
}
