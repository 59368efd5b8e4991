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
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses by status code, so a non-2xx count says what went wrong (409, 429, 500…). */
  statusCodes: Record<string, number>;
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
 * Drives one scenario with autocannon from this process (the server is a separate child process).
 * Latencies are collected per response rather than read from autocannon's summary: its histogram
 * rounds to whole milliseconds and has no p95, and the /healthz floor is well under a millisecond.
 */
export async function runLoad(baseUrl: string, scenario: Scenario, settings: LoadSettings): Promise<LoadResult> {
  const { next } = scenario;
  const options = {
    url: `${baseUrl}${scenario.path}`,
    headers: scenario.headers,
    connections: settings.connections,
    timeout: 10,
    ...(next ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, ...next() }) }] } : {}),
  };
  if (settings.warmupSeconds > 0) await autocannon({ ...options, duration: settings.warmupSeconds });

  const latencies: number[] = [];
  const instance = autocannon({ ...options, duration: settings.durationSeconds });
  instance.on("response", (_client, _status, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs);
  });
  const result = await instance;

  const sorted = Float64Array.from(latencies).sort();
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    requests: sorted.length,
    durationSeconds: result.duration,
    requestsPerSecond: sorted.length / result.duration,
    latencyMs: {
      mean: total / sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}
