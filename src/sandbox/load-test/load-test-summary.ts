import { percentile } from "../conformance/evaluate-conformance.ts";
import type { EventOutcome } from "../emulator/events.ts";

/**
 * What a load test achieved, from the calls the emulator tagged with it. Pure: the caller loads
 * the run and its events (sandbox_events.load_test_id) and passes the time, so a running test is
 * summed up to now and a finished one to its end.
 */

export type LoadTestWindow = {
  /** The deliveries per second the organisation meant to send. */
  targetRate: number;
  startedAt: Date;
  endsAt: Date;
  stoppedAt: Date | null;
};

/** What the summary reads of a recorded call. */
export type LoadTestEvent = {
  receivedAt: Date;
  durationMs: number;
  operation: string | null;
  outcome: EventOutcome;
  faultCode: number | null;
  /** At least one conformance check failed. */
  failsACheck: boolean;
};

export type LoadTestErrors = {
  faults: number;
  timeouts: number;
  refused: number;
  notDelivered: number;
  /** Calls with at least one failing conformance check, whatever their outcome. */
  failedChecks: number;
};

export type ThroughputBucket = {
  /** Seconds from the start of the window to the start of the bucket. */
  offsetSeconds: number;
  deliveries: number;
  /** Deliveries that did not end Delivered=true. */
  errors: number;
  deliveriesPerSecond: number;
};

export type LoadTestSummary = {
  /** Seconds from the start to the end of the window, or to now while it runs. */
  windowSeconds: number;
  running: boolean;
  calls: number;
  /** deliverSecure calls, whatever their outcome: what the sender sent. */
  deliveries: number;
  delivered: number;
  targetRate: number;
  /** Deliveries per second over the window; null before any time has passed. */
  achievedRate: number | null;
  /** achievedRate / targetRate. */
  ratio: number | null;
  /** Of the deliveries that were answered (Delivered true or false, or a fault); timeouts are counted, not timed. */
  latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
  errors: LoadTestErrors;
  /** The emulator's own ErrorCode mapping (fault-codes.ts), not the official one. */
  faultCodes: readonly { errorCode: number; count: number }[];
  /** At most MAX_BUCKETS buckets: per second for a short test, wider buckets for a long one. */
  bucketSeconds: number;
  throughput: readonly ThroughputBucket[];
};

/** Enough rows for a table and bars to read at a glance, for a 10-second test as for an hour. */
export const MAX_BUCKETS = 60;

const ANSWERED: ReadonlySet<EventOutcome> = new Set(["delivered", "not-delivered", "fault"]);

/** The moment the window closes: stopped early, or its planned end. */
export const windowEnd = (run: LoadTestWindow): Date => run.stoppedAt ?? run.endsAt;

export const isRunning = (run: LoadTestWindow, now: Date): boolean => run.stoppedAt === null && now < run.endsAt && now >= run.startedAt;

export function summariseLoadTest(run: LoadTestWindow, events: readonly LoadTestEvent[], now: Date): LoadTestSummary {
  const start = run.startedAt.getTime();
  const end = Math.max(start, Math.min(windowEnd(run).getTime(), now.getTime()));
  const windowSeconds = (end - start) / 1000;
  const deliveries = events.filter((e) => e.operation === "deliverSecure");
  const latencies = deliveries
    .filter((d) => ANSWERED.has(d.outcome))
    .map((d) => d.durationMs)
    .sort((a, b) => a - b);
  const achievedRate = windowSeconds > 0 ? deliveries.length / windowSeconds : null;
  const count = (outcome: EventOutcome) => events.filter((e) => e.outcome === outcome).length;
  const codes = new Map<number, number>();
  for (const e of events) if (e.faultCode !== null) codes.set(e.faultCode, (codes.get(e.faultCode) ?? 0) + 1);
  const bucketSeconds = Math.max(1, Math.ceil(windowSeconds / MAX_BUCKETS));
  return {
    windowSeconds,
    running: isRunning(run, now),
    calls: events.length,
    deliveries: deliveries.length,
    delivered: deliveries.filter((d) => d.outcome === "delivered").length,
    targetRate: run.targetRate,
    achievedRate,
    ratio: achievedRate === null ? null : achievedRate / run.targetRate,
    latencyMs: latencies.length
      ? {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: latencies[latencies.length - 1] ?? 0,
        }
      : null,
    errors: {
      faults: count("fault"),
      timeouts: count("timeout"),
      refused: count("refused"),
      notDelivered: count("not-delivered"),
      failedChecks: events.filter((e) => e.failsACheck).length,
    },
    faultCodes: [...codes].sort((a, b) => a[0] - b[0]).map(([errorCode, n]) => ({ errorCode, count: n })),
    bucketSeconds,
    throughput: throughputOf(deliveries, start, windowSeconds, bucketSeconds),
  };
}

/**
 * Deliveries by the second they arrived in, counted from the window's start. A call that arrived
 * just outside the window (a clock a little apart, a call in flight at the stop) goes to the
 * nearest bucket rather than being dropped: the totals above count it too.
 */
function throughputOf(
  deliveries: readonly LoadTestEvent[],
  start: number,
  windowSeconds: number,
  bucketSeconds: number,
): ThroughputBucket[] {
  const buckets = Math.max(1, Math.ceil(windowSeconds / bucketSeconds));
  const series = Array.from({ length: buckets }, (_, i) => ({ offsetSeconds: i * bucketSeconds, deliveries: 0, errors: 0 }));
  if (windowSeconds === 0 && deliveries.length === 0) return [];
  for (const d of deliveries) {
    const index = Math.min(buckets - 1, Math.max(0, Math.floor((d.receivedAt.getTime() - start) / 1000 / bucketSeconds)));
    const bucket = series[index];
    if (!bucket) continue;
    bucket.deliveries += 1;
    if (d.outcome !== "delivered") bucket.errors += 1;
  }
  return series.map((b) => {
    // The last bucket may be cut short by the window's end.
    const width = Math.min(bucketSeconds, windowSeconds - b.offsetSeconds);
    return { ...b, deliveriesPerSecond: width > 0 ? b.deliveries / width : 0 };
  });
}
