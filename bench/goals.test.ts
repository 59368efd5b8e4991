import { describe, expect, it } from "vitest";
import { evaluateGoals, formatGoals, type GoalInput, trouble } from "./goals.ts";
import type { LoadResult } from "./load.ts";
import { parseVmRss } from "./memory.ts";
import type { ScenarioResult } from "./report.ts";

function result(id: ScenarioResult["id"], connections: number, rps: number, p50: number, p99: number, extra: Partial<LoadResult> = {}) {
  return {
    id,
    label: id,
    path: `/${id}`,
    connections,
    requests: rps * 10,
    durationSeconds: 10,
    requestsPerSecond: rps,
    latencyMs: { mean: p50, p50, p95: p99, p99, max: p99 },
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: { "200": rps * 10 },
    unansweredAtEnd: 0,
    drainMs: 5,
    answeredConcurrency: connections,
    vsFloor: { throughput: rps / 1000, p50: 1 },
    ...extra,
  };
}

const COLD_START = {
  firstStartDoes: "create, migrate, seed",
  firstStartMs: 7_000,
  restartsMs: [2_000, 2_500, 4_000],
  restartMedianMs: 2_500,
};
const MEMORY = { startRssBytes: 200e6, loadedRssBytes: 320e6, idleRssBytes: 250e6, peakRssBytes: 450e6, peakConnections: 200 };

function input(overrides: Partial<GoalInput> = {}): GoalInput {
  return {
    database: "postgres",
    scenarios: [10, 50, 200].flatMap((c) => [
      result("me", c, 600, 10, 30),
      result("page", c, 400, 20, 60),
      result("write", c, 100, 40, 120),
      result("healthz", c, 1000, 2, 6),
    ]),
    coldStart: COLD_START,
    memory: MEMORY,
    ...overrides,
  };
}

const byGoal = (goals: ReturnType<typeof evaluateGoals>, start: string) => goals.find((g) => g.goal.startsWith(start));

describe("issue 16's goals", () => {
  it("are met when every figure is within its bound and nothing failed", () => {
    const goals = evaluateGoals(input());
    expect(goals.map((g) => g.result)).toEqual(goals.map(() => "met"));
    expect(byGoal(goals, "API read")?.measured).toBe("0.60× (600 vs 1,000 req/s; p50 10.0 ms, p99 30.0 ms)");
    // PostgreSQL has no first-start goal: it is judged on the embedded database, which it creates and seeds.
    expect(byGoal(goals, "first start")).toBeUndefined();
    expect(goals.filter((g) => g.goal.startsWith("p99")).map((g) => g.goal)).toEqual([
      "p99 ≤ 5× p50, every scenario at 10 conn",
      "p99 ≤ 5× p50, every scenario at 50 conn",
      "p99 ≤ 5× p50, every scenario at 200 conn",
    ]);
  });

  it("judge throughput per database at 50 connections", () => {
    const scenarios = input().scenarios.map((s) => (s.id === "me" && s.connections === 50 ? { ...s, requestsPerSecond: 400 } : s));
    expect(byGoal(evaluateGoals(input({ scenarios })), "API read")?.result).toBe("NOT met");
    expect(byGoal(evaluateGoals(input({ scenarios, database: "pglite" })), "API read")?.result).toBe("met");
  });

  it("are not met by a scenario that answered non-2xx, however fast", () => {
    const scenarios = input().scenarios.map((s) =>
      s.id === "me" && s.connections === 50 ? { ...s, non2xx: 12, statusCodes: { "200": 5988, "503": 12 } } : s,
    );
    const goals = evaluateGoals(input({ scenarios }));
    expect(byGoal(goals, "API read")).toMatchObject({ result: "NOT met" });
    expect(byGoal(goals, "API read")?.measured).toContain("me: 12 non-2xx (12× 503)");
    expect(goals.find((g) => g.goal === "p99 ≤ 5× p50, every scenario at 50 conn")?.result).toBe("NOT met");
    expect(goals.find((g) => g.goal === "p99 ≤ 5× p50, every scenario at 10 conn")?.result).toBe("met");
  });

  it("report a failed write at its level", () => {
    const scenarios = input().scenarios.map((s) => (s.id === "write" && s.connections === 200 ? { ...s, timeouts: 3 } : s));
    const write = evaluateGoals(input({ scenarios })).filter((g) => g.goal.startsWith("write"));
    expect(write.map((g) => g.result)).toEqual(["met", "met", "NOT met"]);
    expect(write[2]?.measured).toContain("3 timeouts");
  });

  it("are not met by a scenario that got no response at all (every request slower than the measured seconds)", () => {
    const scenarios = input().scenarios.map((s) =>
      s.id === "write" && s.connections === 200
        ? {
            ...s,
            requests: 0,
            requestsPerSecond: 0,
            latencyMs: { mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN },
            statusCodes: {},
          }
        : s,
    );
    const goals = evaluateGoals(input({ scenarios }));
    expect(goals.find((g) => g.goal === "write (section edit + audit) answered 2xx at 200 conn")).toMatchObject({ result: "NOT met" });
    expect(goals.find((g) => g.goal === "p99 ≤ 5× p50, every scenario at 200 conn")?.result).toBe("NOT met");
  });

  it("do not trust a tail that leaves out requests still waiting when the measurement ended", () => {
    const scenarios = input().scenarios.map((s) => (s.id === "page" && s.connections === 200 ? { ...s, answeredConcurrency: 37 } : s));
    const tail = evaluateGoals(input({ scenarios })).find((g) => g.goal === "p99 ≤ 5× p50, every scenario at 200 conn");
    expect(tail?.result).toBe("NOT met");
    expect(tail?.measured).toContain("page 3.0× (!) answers cover 37/200 conn, p99 understates");
  });

  it("hold a long tail against its scenario", () => {
    const scenarios = input().scenarios.map((s) =>
      s.id === "page" && s.connections === 200 ? { ...s, latencyMs: { ...s.latencyMs, p99: 1_684 } } : s,
    );
    const tail = evaluateGoals(input({ scenarios })).find((g) => g.goal.endsWith("at 200 conn") && g.goal.startsWith("p99"));
    expect(tail).toMatchObject({ result: "NOT met", value: 84.2 });
    expect(tail?.measured).toContain("page 84.2×");
  });

  it("do not judge the peak memory below 200 connections or a level that was not run", () => {
    const scenarios = input().scenarios.filter((s) => s.connections === 10);
    const goals = evaluateGoals(input({ scenarios, memory: { ...MEMORY, peakConnections: 10 } }));
    expect(byGoal(goals, "peak RSS")).toMatchObject({ result: "not measured", measured: "450 MB at 10 conn only" });
    expect(byGoal(goals, "API read")?.result).toBe("not measured");
    expect(formatGoals(goals).split("\n")[0]).toBe("Goals (issue 16): 4 of 4 met, 3 not measured");
  });

  it("judge start times and memory on the embedded database", () => {
    const goals = evaluateGoals(
      input({
        database: "pglite",
        coldStart: { ...COLD_START, firstStartMs: 9_000, restartMedianMs: 3_100 },
        memory: { ...MEMORY, idleRssBytes: 310e6, peakRssBytes: 510e6 },
      }),
    );
    for (const start of ["first start", "restart", "idle RSS", "peak RSS"]) expect(byGoal(goals, start)?.result).toBe("NOT met");
  });
});

describe("trouble", () => {
  it("names each kind of failure and the status codes", () => {
    expect(trouble({ requests: 10, non2xx: 0, errors: 0, timeouts: 0, statusCodes: { "200": 10 } })).toBeNull();
    expect(trouble({ requests: 0, non2xx: 0, errors: 0, timeouts: 0, statusCodes: {} })).toBe("no response in the measured seconds");
    expect(trouble({ requests: 10, non2xx: 2, errors: 1, timeouts: 4, statusCodes: { "200": 8, "409": 2 } })).toBe(
      "2 non-2xx (2× 409), 1 errors, 4 timeouts",
    );
  });
});

describe("parseVmRss", () => {
  it("reads the resident set from /proc/<pid>/status in bytes", () => {
    expect(parseVmRss("Name:\tnode\nVmPeak:\t 1000 kB\nVmRSS:\t  512000 kB\nThreads:\t11\n")).toBe(512_000 * 1024);
    expect(parseVmRss("Name:\tkthreadd\n")).toBeNull();
  });
});
