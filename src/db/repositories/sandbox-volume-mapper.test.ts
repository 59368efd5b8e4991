import { describe, expect, it } from "vitest";
import { testSeries } from "../../domain/volumes/test-series.ts";
import { type RecordedCall, volumeObservationsOf } from "./sandbox-volume-mapper.ts";

const lookup = (at: string, extra: Partial<RecordedCall> = {}): RecordedCall => ({
  at: new Date(at),
  endpoint: "recipient",
  operation: "isReachable",
  outcome: "answered",
  operatorId: null,
  httpStatus: 200,
  loadTestId: null,
  ...extra,
});

const delivery = (at: string, outcome: RecordedCall["outcome"], operatorId = "kivra", extra: Partial<RecordedCall> = {}): RecordedCall => ({
  at: new Date(at),
  endpoint: "service",
  operation: "deliverSecure",
  outcome,
  operatorId,
  httpStatus: outcome === "delivered" || outcome === "not-delivered" ? 200 : 500,
  loadTestId: null,
  ...extra,
});

const seriesOf = (calls: RecordedCall[]) => {
  const { observations, loadTestCalls } = volumeObservationsOf(calls);
  return testSeries(observations, { excludedLoadTestCalls: loadTestCalls });
};

describe("volumeObservationsOf (the emulator's calls as volume observations)", () => {
  it("maps isReachable to a lookup and deliverSecure to a delivery with its outcome and operator", () => {
    const { observations } = volumeObservationsOf([
      lookup("2026-05-04T08:00:00Z"),
      delivery("2026-05-04T08:01:00Z", "not-delivered", "billo"),
    ]);
    expect(observations).toEqual([
      { at: new Date("2026-05-04T08:00:00Z"), kind: "lookup" },
      { at: new Date("2026-05-04T08:01:00Z"), kind: "delivery", outcome: "not-delivered", operatorId: "billo" },
    ]);
  });

  it("counts a call refused before it was read at a Service endpoint as a refused delivery", () => {
    const noCertificate = delivery("2026-05-04T08:00:00Z", "refused", "kivra", { operation: null });
    expect(seriesOf([noCertificate]).totals).toMatchObject({ deliveries: 1, refused: 1 });
  });

  it("does not count WSDL and schema fetches, GETs, isRegistered, getSenders or other operations sent to a Service endpoint", () => {
    const series = seriesOf([
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
    const series = seriesOf([
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
});
