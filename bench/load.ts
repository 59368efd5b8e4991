import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";

export type LoadSettings = {
  /** Seconds measured per scenario. */
  durationSeconds: number;
  /** Seconds of discarded load first, so the JIT and the database's caches are warm. */
  warmupSeconds: number;
  connections: number;
};

export type Scenario = {
  id:
    | "page"
    | "api"
    | "healthz"
    | "forecast"
    | "initiative"
    | "business-case-page"
    | "overview-page"
    | "portfolio-forecast"
    | "portfolio"
    | "me"
    | "write";
  label: string;
  /** Where the requests go; for a scenario with `next`, the pattern its paths follow (for the report). */
  path: string;
  headers: Record<string, string>;
  /** A substring of the body that proves the scenario exercised what it claims to (not a login page or an error). */
  expectBody: string;
  /**
   * A scenario whose every request differs (a write that must change something to be a write):
   * called once per request, by the probe and under load.
   */
  next?: () => { method: "PUT" | "POST"; path: string; body: string };
};

export type LoadResult = {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Exact percentiles over every response, in milliseconds with sub-millisecond precision. */
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** Counted in the measured seconds, as the latencies are. */
  non2xx: number;
  /** Connection errors and timeouts (no answer within 10 s) over warm-up and measurement both. */
  errors: number;
  timeouts: number;
  /** Responses by status code, so a non-2xx count says what went wrong (409, 429, 500…). */
  statusCodes: Record<string, number>;
  /** Sent but not answered when the load stopped (at most one per connection when the server keeps up). */
  unansweredAtEnd: number;
  /** How long the server then took to answer /healthz: the backlog the load left it. */
  drainMs: number;
  /**
   * Little's law over the answered requests, throughput × mean latency: about `connections` when
   * every connection was answered through the measured seconds, far below when requests waited
   * beyond them — those are missing from the percentiles, which then understate the tail.
   */
  answeredConcurrency: number;
};

/** One request before the load, so a lost session or a wrong path fails loudly instead of benchmarking a redirect. */
export async function probe(baseUrl: string, scenario: Scenario): Promise<void> {
  const request = scenario.next?.();
  const url = `${baseUrl}${request?.path ?? scenario.path}`;
  const response = await fetch(
    url,
    request
      ? { method: request.method, headers: scenario.headers, body: request.body, redirect: "manual" }
      : { headers: scenario.headers, redirect: "manual" },
  );
  const body = await response.text();
  if (response.status !== 200 || !body.includes(scenario.expectBody)) {
    throw new Error(`${scenario.label}: expected 200 with "${scenario.expectBody}", got ${response.status}: ${body.slice(0, 200)}`);
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * Waits until the server answers /healthz, which pings the database: requests the load left behind
 * (a client that hangs up does not cancel them) queue before it on the embedded database's one
 * connection and in PostgreSQL's pool, so the next scenario starts on a quiet server.
 */
async function drain(baseUrl: string): Promise<number> {
  const startedAt = performance.now();
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(120_000) });
      await response.body?.cancel();
      if (response.ok) return performance.now() - startedAt;
    } catch (e) {
      if (performance.now() - startedAt > 120_000) {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new Error(
          `server did not answer /healthz within 120 s after the load: ${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`,
        );
      }
    }
    await sleep(100);
  }
}

/**
 * Drives one scenario with autocannon from this process (the server is a separate child process).
 * Latencies are collected per response rather than read from autocannon's summary: its histogram
 * rounds to whole milliseconds and has no p95, and the /healthz floor is well under a millisecond.
 *
 * Warm-up and measurement are one run on the same connections, and only responses after the
 * warm-up count: a separate warm-up run would hang up with requests in flight, and the server's
 * work on them (seconds of queued writes at 200 connections) would land in the measured seconds.
 */
export async function runLoad(baseUrl: string, scenario: Scenario, settings: LoadSettings): Promise<LoadResult> {
  const { next } = scenario;
  const instance = autocannon({
    url: `${baseUrl}${scenario.path}`,
    headers: scenario.headers,
    connections: settings.connections,
    timeout: 10,
    duration: settings.warmupSeconds + settings.durationSeconds,
    ...(next ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, ...next() }) }] } : {}),
  });
  const measureFrom = performance.now() + settings.warmupSeconds * 1000;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let responses = 0;
  instance.on("response", (_client, status, _bytes, responseTimeMs) => {
    responses++;
    if (performance.now() < measureFrom) return;
    latencies.push(responseTimeMs);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  });
  const result = await instance;
  const measuredSeconds = Math.max(0.001, (performance.now() - measureFrom) / 1000);
  const unansweredAtEnd = Math.max(0, result.requests.sent - responses - result.errors);
  const drainMs = await drain(baseUrl);

  const sorted = Float64Array.from(latencies).sort();
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    requests: sorted.length,
    durationSeconds: measuredSeconds,
    requestsPerSecond: sorted.length / measuredSeconds,
    latencyMs: {
      mean: total / sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    non2xx: Object.entries(statusCodes).reduce((sum, [code, count]) => sum + (code.startsWith("2") ? 0 : count), 0),
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    unansweredAtEnd,
    drainMs,
    answeredConcurrency: sorted.length ? (sorted.length / measuredSeconds) * (total / sorted.length / 1000) : 0,
  };
}
