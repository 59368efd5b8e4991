import { describe, expect, it } from "vitest";
import { type LoadTestEvent, type LoadTestWindow, MAX_BUCKETS, summariseLoadTest } from "./load-test-summary.ts";

const START = new Date("2026-11-27T10:00:00Z");
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

const run = (over: Partial<LoadTestWindow> = {}): LoadTestWindow => ({
  targetRate: 10,
  startedAt: START,
  endsAt: at(10),
  stoppedAt: null,
  ...over,
});

const delivery = (second: number, durationMs: number, over: Partial<LoadTestEvent> = {}): LoadTestEvent => ({
  receivedAt: at(second),
  durationMs,
  operation: "deliverSecure",
  outcome: "delivered",
  faultCode: null,
  failsACheck: false,
  ...over,
});

const lookup = (second: number): LoadTestEvent => ({ ...delivery(second, 2), operation: "isReachable", outcome: "answered" });

describe("summariseLoadTest", () => {
  it("sums up a run without events: nothing sent, no latency, a zero rate", () => {
    const summary = summariseLoadTest(run(), [], at(20));
    expect(summary).toMatchObject({
      windowSeconds: 10,
      running: false,
      calls: 0,
      deliveries: 0,
      delivered: 0,
      achievedRate: 0,
      ratio: 0,
      latencyMs: null,
      errors: { faults: 0, timeouts: 0, refused: 0, notDelivered: 0, failedChecks: 0 },
      faultCodes: [],
      bucketSeconds: 1,
    });
    expect(summary.throughput).toHaveLength(10);
    expect(summary.throughput.every((b) => b.deliveries === 0)).toBe(true);
  });

  it("has no rate before any time has passed", () => {
    const summary = summariseLoadTest(run(), [], START);
    expect(summary).toMatchObject({ running: true, windowSeconds: 0, achievedRate: null, ratio: null, throughput: [] });
  });

  it("takes nearest-rank percentiles of the answered deliveries' durations", () => {
    // 1…100 ms in shuffled order: p50 is the 50th value, p95 the 95th, p99 the 99th.
    const durations = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    const events = durations.map((ms, i) => delivery(i / 10, ms));
    const summary = summariseLoadTest(run(), events, at(10));
    expect(summary.latencyMs).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it("rounds the rank up for a few values, and leaves timeouts out of the latency", () => {
    const events = [
      delivery(1, 30),
      delivery(2, 10),
      delivery(3, 20),
      delivery(4, 9000, { outcome: "timeout" }),
      delivery(5, 40, { outcome: "fault", faultCode: 5003 }),
    ];
    // Four timed values: p50 is the 2nd (ceil 2.0), p95 and p99 the 4th.
    expect(summariseLoadTest(run(), events, at(10)).latencyMs).toEqual({ p50: 20, p95: 40, p99: 40, max: 40 });
  });

  it("compares the deliveries per second over the window with the target", () => {
    // 50 deliveries in a 10-second window at a target of 10/s: 5/s, half the target. Lookups are calls, not deliveries.
    const events = [...Array.from({ length: 50 }, (_, i) => delivery(i / 5, 5)), lookup(0), lookup(1)];
    const summary = summariseLoadTest(run(), events, at(60));
    expect(summary).toMatchObject({ calls: 52, deliveries: 50, delivered: 50, achievedRate: 5, ratio: 0.5 });
  });

  it("measures a running test up to now, and a stopped one up to its stop", () => {
    const events = Array.from({ length: 20 }, (_, i) => delivery(i / 10, 5));
    const running = summariseLoadTest(run(), events, at(2));
    expect(running).toMatchObject({ running: true, windowSeconds: 2, achievedRate: 10, ratio: 1 });
    const stopped = summariseLoadTest(run({ stoppedAt: at(4) }), events, at(30));
    expect(stopped).toMatchObject({ running: false, windowSeconds: 4, achievedRate: 5 });
  });

  it("counts errors by kind and by fault code", () => {
    const events = [
      delivery(0, 5),
      delivery(1, 5, { outcome: "fault", faultCode: 5001, failsACheck: true }),
      delivery(1, 5, { outcome: "fault", faultCode: 5001 }),
      delivery(2, 5, { outcome: "fault", faultCode: 4999 }),
      delivery(3, 5, { outcome: "not-delivered" }),
      delivery(4, 9000, { outcome: "timeout" }),
      { ...delivery(5, 1), operation: null, outcome: "refused", failsACheck: true } satisfies LoadTestEvent,
      delivery(6, 5, { failsACheck: true }),
    ];
    const summary = summariseLoadTest(run(), events, at(10));
    expect(summary.errors).toEqual({ faults: 3, timeouts: 1, refused: 1, notDelivered: 1, failedChecks: 3 });
    expect(summary.faultCodes).toEqual([
      { errorCode: 4999, count: 1 },
      { errorCode: 5001, count: 2 },
    ]);
    expect(summary.delivered).toBe(2);
  });

  it("counts deliveries per second, errors apart, and keeps a call at the stop in the last second", () => {
    const events = [delivery(0.1, 5), delivery(0.9, 5, { outcome: "fault", faultCode: 5000 }), delivery(2.5, 5), delivery(10.2, 5)];
    const summary = summariseLoadTest(run(), events, at(10));
    expect(summary.throughput.slice(0, 3)).toEqual([
      { offsetSeconds: 0, deliveries: 2, errors: 1, deliveriesPerSecond: 2 },
      { offsetSeconds: 1, deliveries: 0, errors: 0, deliveriesPerSecond: 0 },
      { offsetSeconds: 2, deliveries: 1, errors: 0, deliveriesPerSecond: 1 },
    ]);
    expect(summary.throughput.at(-1)).toEqual({ offsetSeconds: 9, deliveries: 1, errors: 0, deliveriesPerSecond: 1 });
  });

  it("widens the buckets of a long test so the series stays short", () => {
    const hour = run({ endsAt: at(3600) });
    const summary = summariseLoadTest(hour, [delivery(0, 5), delivery(59, 5), delivery(60, 5), delivery(3599, 5)], at(4000));
    expect(summary.bucketSeconds).toBe(60);
    expect(summary.throughput).toHaveLength(MAX_BUCKETS);
    expect(summary.throughput[0]).toMatchObject({ deliveries: 2, deliveriesPerSecond: 2 / 60 });
    expect(summary.throughput[1]).toMatchObject({ offsetSeconds: 60, deliveries: 1 });
    expect(summary.throughput[59]).toMatchObject({ offsetSeconds: 3540, deliveries: 1 });
  });
});
