import { describe, expect, it } from "vitest";
import { stockholmMonth, testSeries } from "./test-series.ts";
import type { VolumeObservation } from "./volume-observation.ts";
import type { DeliveryOutcome } from "./volume-series.ts";

const lookup = (at: string): VolumeObservation => ({ at: new Date(at), kind: "lookup" });

const delivery = (at: string, outcome: DeliveryOutcome, operatorId: string | null = "kivra"): VolumeObservation => ({
  at: new Date(at),
  kind: "delivery",
  outcome,
  operatorId,
});

describe("stockholmMonth", () => {
  it("reads the calendar month in Swedish time, winter (UTC+1) and summer (UTC+2)", () => {
    expect(stockholmMonth(new Date("2026-01-31T22:59:59Z"))).toBe("2026-01");
    expect(stockholmMonth(new Date("2026-01-31T23:00:00Z"))).toBe("2026-02");
    expect(stockholmMonth(new Date("2026-06-30T21:59:59Z"))).toBe("2026-06");
    expect(stockholmMonth(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07");
    expect(stockholmMonth(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01");
  });
});

describe("testSeries", () => {
  it("is marked as a test series from the emulator, and empty without calls", () => {
    const series = testSeries([]);
    expect(series).toMatchObject({ kind: "test", source: "ansluta-emulator", months: [], excludedLoadTestCalls: 0 });
    expect(series.totals).toMatchObject({ lookups: 0, deliveries: 0 });
  });

  it("puts a call on the month it was made in Stockholm, not in UTC", () => {
    const series = testSeries([lookup("2026-03-31T21:30:00Z"), lookup("2026-03-31T22:30:00Z")]);
    expect(series.months.map((m) => [m.month, m.lookups])).toEqual([
      ["2026-03", 1],
      ["2026-04", 1],
    ]);
  });

  it("counts each delivery by its outcome, and the deliveries as their sum", () => {
    const series = testSeries([
      delivery("2026-05-04T08:00:00Z", "delivered"),
      delivery("2026-05-04T08:01:00Z", "delivered"),
      delivery("2026-05-04T08:02:00Z", "not-delivered", "billo"),
      delivery("2026-05-04T08:03:00Z", "fault", "fortnox"),
      delivery("2026-05-04T08:04:00Z", "timeout", "minmyndighetspost"),
      delivery("2026-05-04T08:05:00Z", "refused"),
    ]);
    expect(series.months).toEqual([
      {
        month: "2026-05",
        lookups: 0,
        deliveries: 6,
        delivered: 2,
        notDelivered: 1,
        faults: 1,
        timeouts: 1,
        refused: 1,
        byOperator: {
          kivra: { deliveries: 3, delivered: 2 },
          billo: { deliveries: 1, delivered: 0 },
          fortnox: { deliveries: 1, delivered: 0 },
          minmyndighetspost: { deliveries: 1, delivered: 0 },
        },
      },
    ]);
  });

  it("carries the number of load-test calls left out where the calls were read", () => {
    expect(testSeries([lookup("2026-05-04T08:00:00Z")], { excludedLoadTestCalls: 51 }).excludedLoadTestCalls).toBe(51);
  });

  it("lists every month from the first call to the last, a month without calls as zero, in order whatever the events' order", () => {
    const series = testSeries([delivery("2027-02-10T10:00:00Z", "delivered"), lookup("2026-11-10T10:00:00Z")]);
    expect(series.months.map((m) => [m.month, m.lookups, m.deliveries])).toEqual([
      ["2026-11", 1, 0],
      ["2026-12", 0, 0],
      ["2027-01", 0, 0],
      ["2027-02", 0, 1],
    ]);
  });

  it("adds the months up into totals, operators included", () => {
    const series = testSeries([
      lookup("2026-05-04T08:00:00Z"),
      delivery("2026-05-04T08:00:01Z", "delivered"),
      lookup("2026-06-04T08:00:00Z"),
      delivery("2026-06-04T08:00:01Z", "delivered"),
      delivery("2026-06-04T08:00:02Z", "fault", "fortnox"),
    ]);
    expect(series.totals).toEqual({
      lookups: 2,
      deliveries: 3,
      delivered: 2,
      notDelivered: 0,
      faults: 1,
      timeouts: 0,
      refused: 0,
      byOperator: { kivra: { deliveries: 2, delivered: 2 }, fortnox: { deliveries: 1, delivered: 0 } },
    });
  });
});
