import { describe, expect, it } from "vitest";
import { stockholmMonth, testSeriesFromEvents, type VolumeEvent } from "./test-series-from-events.ts";

const lookup = (at: string, extra: Partial<VolumeEvent> = {}): VolumeEvent => ({
  at: new Date(at),
  endpoint: "recipient",
  operation: "isReachable",
  outcome: "answered",
  operatorId: null,
  httpStatus: 200,
  loadTestId: null,
  ...extra,
});

const delivery = (at: string, outcome: VolumeEvent["outcome"], operatorId = "kivra", extra: Partial<VolumeEvent> = {}): VolumeEvent => ({
  at: new Date(at),
  endpoint: "service",
  operation: "deliverSecure",
  outcome,
  operatorId,
  httpStatus: outcome === "delivered" || outcome === "not-delivered" ? 200 : 500,
  loadTestId: null,
  ...extra,
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

describe("testSeriesFromEvents", () => {
  it("is marked as a test series from the emulator, and empty without calls", () => {
    const series = testSeriesFromEvents([]);
    expect(series).toMatchObject({ kind: "test", source: "ansluta-emulator", months: [], excludedLoadTestCalls: 0 });
    expect(series.totals).toMatchObject({ lookups: 0, deliveries: 0 });
  });

  it("puts a call on the month it was made in Stockholm, not in UTC", () => {
    const series = testSeriesFromEvents([lookup("2026-03-31T21:30:00Z"), lookup("2026-03-31T22:30:00Z")]);
    expect(series.months.map((m) => [m.month, m.lookups])).toEqual([
      ["2026-03", 1],
      ["2026-04", 1],
    ]);
  });

  it("counts each delivery by its outcome, and the deliveries as their sum", () => {
    const series = testSeriesFromEvents([
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

  it("counts a call refused before it was read at a Service endpoint as a refused delivery", () => {
    const noCertificate = delivery("2026-05-04T08:00:00Z", "refused", "kivra", { operation: null });
    const series = testSeriesFromEvents([noCertificate]);
    expect(series.totals).toMatchObject({ deliveries: 1, refused: 1 });
  });

  it("does not count WSDL and schema fetches, GETs, isRegistered, getSenders or other operations sent to a Service endpoint", () => {
    const series = testSeriesFromEvents([
      delivery("2026-05-04T08:00:00Z", "answered", "kivra", { operation: "wsdl", httpStatus: 200 }),
      delivery("2026-05-04T08:00:00Z", "refused", "kivra", { operation: null, httpStatus: 404 }),
      delivery("2026-05-04T08:00:00Z", "refused", "kivra", { operation: null, httpStatus: 405 }),
      delivery("2026-05-04T08:00:00Z", "fault", "kivra", { operation: "getSenders" }),
      lookup("2026-05-04T08:00:00Z", { operation: "isRegistered" }),
      lookup("2026-05-04T08:00:00Z", { endpoint: "authority", operation: "getSenders" }),
      lookup("2026-05-04T08:00:00Z", { endpoint: "other", operation: "schema" }),
    ]);
    expect(series.months).toEqual([]);
    expect(series.totals).toMatchObject({ lookups: 0, deliveries: 0 });
  });

  it("leaves out calls made during a load test, and says how many", () => {
    const series = testSeriesFromEvents([
      lookup("2026-05-04T08:00:00Z"),
      delivery("2026-05-04T08:00:01Z", "delivered"),
      ...Array.from({ length: 50 }, (_, i) =>
        delivery(`2026-05-04T09:00:${String(i).padStart(2, "0")}Z`, "delivered", "kivra", { loadTestId: "lt-1" }),
      ),
      lookup("2026-06-04T08:00:00Z", { loadTestId: "lt-2" }),
    ]);
    expect(series.excludedLoadTestCalls).toBe(51);
    expect(series.months.map((m) => m.month)).toEqual(["2026-05"]);
    expect(series.totals).toMatchObject({
      lookups: 1,
      deliveries: 1,
      delivered: 1,
      byOperator: { kivra: { deliveries: 1, delivered: 1 } },
    });
  });

  it("lists every month from the first call to the last, a month without calls as zero, in order whatever the events' order", () => {
    const series = testSeriesFromEvents([delivery("2027-02-10T10:00:00Z", "delivered"), lookup("2026-11-10T10:00:00Z")]);
    expect(series.months.map((m) => [m.month, m.lookups, m.deliveries])).toEqual([
      ["2026-11", 1, 0],
      ["2026-12", 0, 0],
      ["2027-01", 0, 0],
      ["2027-02", 0, 1],
    ]);
  });

  it("adds the months up into totals, operators included", () => {
    const series = testSeriesFromEvents([
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
