import type { LoadResult } from "./load.ts";
import { SETTLE_SECONDS } from "./memory.ts";
import { type ColdStart, type DatabaseKind, type ScenarioResult, table } from "./report.ts";

/*
 * Issue 16's goals, judged from one run: throughput as a fraction of GET /healthz on the same server
 * at 50 connections, tails (p99 ≤ 5× p50) in every scenario at every level, a write scenario with
 * no failed request, resident memory idle and under the highest load, and start times. A scenario
 * that had non-2xx answers, errors or timeouts never meets its goal: fast failures are not speed.
 */

/** Connections at which the throughput goals are judged. */
export const GOAL_CONNECTIONS = 50;
/** Throughput as a fraction of the floor's, per scenario and database. */
export const THROUGHPUT_GOALS = {
  me: { label: "API read GET /api/v1/me", postgres: 0.5, pglite: 0.35 },
  page: { label: "page GET /organisations", postgres: 0.3, pglite: 0.2 },
} as const;
export const TAIL_GOAL = 5;
/** Bytes; MB as the issue writes it, 10^6 (the stricter reading). */
export const IDLE_RSS_GOAL = 300e6;
export const PEAK_RSS_GOAL = 500e6;
export const PEAK_RSS_CONNECTIONS = 200;
/** Milliseconds; the first start is judged on the embedded database only, which it creates, migrates and seeds. */
export const FIRST_START_GOAL_MS = 8_000;
export const RESTART_GOAL_MS = 3_000;

export type MemoryFigures = {
  /** Right after /healthz first answered, before any request. */
  startRssBytes: number | null;
  /** Median over the first second of quiet after the first (lowest) connection level: the load's tail, reported. */
  loadedRssBytes: number | null;
  /** Median over a second after SETTLE_SECONDS of quiet following the first level: warm, settled, judged. */
  idleRssBytes: number | null;
  /** Highest sample (every 100 ms) during the highest connection level, warm-ups included. */
  peakRssBytes: number | null;
  peakConnections: number;
};

export type GoalInput = {
  database: DatabaseKind;
  /** Every scenario at every level; `connections` tells the level. */
  scenarios: readonly (ScenarioResult & { connections: number })[];
  coldStart: ColdStart;
  memory: MemoryFigures;
};

export type GoalResult = "met" | "NOT met" | "not measured";

export type Goal = {
  database: DatabaseKind;
  goal: string;
  measured: string;
  result: GoalResult;
  /** The figure judged and its bound, for whoever reads the JSON. */
  value: number | null;
  target: number | null;
};

const DATABASE_NAMES: Record<DatabaseKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };
export const databaseName = (database: DatabaseKind) => DATABASE_NAMES[database];

const thousands = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const judged = (met: boolean): GoalResult => (met ? "met" : "NOT met");

/** What went wrong in a scenario, or null when every request was answered 2xx in time. */
export function trouble(s: Pick<LoadResult, "requests" | "non2xx" | "errors" | "timeouts" | "statusCodes">): string | null {
  if (s.requests === 0) return "no response in the measured seconds";
  if (s.non2xx + s.errors + s.timeouts === 0) return null;
  const codes = Object.entries(s.statusCodes)
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, count]) => `${count}× ${code}`);
  const parts = [
    s.non2xx ? `${thousands(s.non2xx)} non-2xx${codes.length ? ` (${codes.join(", ")})` : ""}` : "",
    s.errors ? `${thousands(s.errors)} errors` : "",
    s.timeouts ? `${thousands(s.timeouts)} timeouts` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

const tail = (s: ScenarioResult) => s.latencyMs.p99 / s.latencyMs.p50;

/** Below this share of the connections (Little's law), the percentiles leave out the slowest requests. */
export const ANSWERED_SHARE_GOAL = 0.8;

/** Null when the answered requests account for the connections; else how many connections' time they cover. */
export function missingTail(s: Pick<LoadResult, "requests" | "answeredConcurrency">, connections: number): string | null {
  if (s.requests === 0 || s.answeredConcurrency >= ANSWERED_SHARE_GOAL * connections) return null;
  // Short: it repeats per scenario in the Goals table; docs/benchmarks.md explains it.
  return `answers cover ${Math.round(s.answeredConcurrency)}/${connections} conn, p99 understates`;
}

function throughputGoal(input: GoalInput, id: keyof typeof THROUGHPUT_GOALS): Goal {
  const { label, [input.database]: target } = THROUGHPUT_GOALS[id];
  const goal = `${label} ≥ ${target}× /healthz req/s at ${GOAL_CONNECTIONS} conn`;
  const at = input.scenarios.filter((s) => s.connections === GOAL_CONNECTIONS);
  const scenario = at.find((s) => s.id === id);
  const floor = at.find((s) => s.id === "healthz");
  if (!scenario || !floor) {
    return {
      database: input.database,
      goal,
      measured: `${GOAL_CONNECTIONS} connections not measured`,
      result: "not measured",
      value: null,
      target,
    };
  }
  const ratio = scenario.requestsPerSecond / floor.requestsPerSecond;
  const problems = [trouble(scenario) && `${id}: ${trouble(scenario)}`, trouble(floor) && `healthz: ${trouble(floor)}`].filter(Boolean);
  const measured =
    `${ratio.toFixed(2)}× (${thousands(scenario.requestsPerSecond)} vs ${thousands(floor.requestsPerSecond)} req/s; ` +
    `p50 ${ms(scenario.latencyMs.p50)} ms, p99 ${ms(scenario.latencyMs.p99)} ms)` +
    (problems.length ? ` (!) ${problems.join("; ")}` : "");
  return { database: input.database, goal, measured, result: judged(ratio >= target && !problems.length), value: ratio, target };
}

function writeGoal(input: GoalInput, connections: number): Goal | null {
  const write = input.scenarios.find((s) => s.connections === connections && s.id === "write");
  if (!write) return null;
  const problem = trouble(write);
  return {
    database: input.database,
    goal: `write (section edit + audit) answered 2xx at ${connections} conn`,
    measured:
      `${thousands(write.requestsPerSecond)} req/s, ${write.vsFloor.throughput.toFixed(2)}× floor; ` +
      `p50 ${ms(write.latencyMs.p50)} ms, p99 ${ms(write.latencyMs.p99)} ms` +
      (problem ? ` (!) ${problem}` : ""),
    result: judged(!problem),
    value: write.requests === 0 ? null : write.non2xx + write.errors + write.timeouts,
    target: 0,
  };
}

function tailGoal(input: GoalInput, connections: number): Goal {
  const at = input.scenarios.filter((s) => s.connections === connections);
  const worst = Math.max(...at.map(tail));
  const failing = at.filter((s) => !(tail(s) <= TAIL_GOAL) || trouble(s) || missingTail(s, connections));
  const measured = at
    .map((s) => {
      const problem = trouble(s) ?? missingTail(s, connections);
      return `${s.id} ${tail(s).toFixed(1)}×${problem ? ` (!) ${problem}` : ""}`;
    })
    .join(", ");
  return {
    database: input.database,
    goal: `p99 ≤ ${TAIL_GOAL}× p50, every scenario at ${connections} conn`,
    measured,
    result: judged(at.length > 0 && !failing.length),
    value: worst,
    target: TAIL_GOAL,
  };
}

function memoryGoals(input: GoalInput): Goal[] {
  const { database, memory } = input;
  const idle: Goal =
    memory.idleRssBytes === null
      ? {
          database,
          goal: `idle RSS ≤ ${mb(IDLE_RSS_GOAL)}`,
          measured: "no /proc (not Linux?)",
          result: "not measured",
          value: null,
          target: IDLE_RSS_GOAL,
        }
      : {
          database,
          goal: `idle RSS ≤ ${mb(IDLE_RSS_GOAL)} (warm, ${SETTLE_SECONDS} s quiet)`,
          measured:
            `${mb(memory.idleRssBytes)} (` +
            [
              memory.startRssBytes === null ? "" : `${mb(memory.startRssBytes)} just after start`,
              memory.loadedRssBytes === null ? "" : `${mb(memory.loadedRssBytes)} 1 s after the first load`,
            ]
              .filter(Boolean)
              .join(", ") +
            ")",
          result: judged(memory.idleRssBytes <= IDLE_RSS_GOAL),
          value: memory.idleRssBytes,
          target: IDLE_RSS_GOAL,
        };
  const goal = `peak RSS ≤ ${mb(PEAK_RSS_GOAL)} at ${PEAK_RSS_CONNECTIONS} conn`;
  let peak: Goal;
  if (memory.peakRssBytes === null) {
    peak = { database, goal, measured: "no /proc (not Linux?)", result: "not measured", value: null, target: PEAK_RSS_GOAL };
  } else if (memory.peakConnections < PEAK_RSS_CONNECTIONS) {
    // A peak under a lighter load would pass too easily: reported, not judged.
    peak = {
      database,
      goal,
      measured: `${mb(memory.peakRssBytes)} at ${memory.peakConnections} conn only`,
      result: "not measured",
      value: memory.peakRssBytes,
      target: PEAK_RSS_GOAL,
    };
  } else {
    peak = {
      database,
      goal,
      measured: `${mb(memory.peakRssBytes)} (${memory.peakConnections} conn, sampled every 100 ms)`,
      result: judged(memory.peakRssBytes <= PEAK_RSS_GOAL),
      value: memory.peakRssBytes,
      target: PEAK_RSS_GOAL,
    };
  }
  return [idle, peak];
}

function startGoals(input: GoalInput): Goal[] {
  const { database, coldStart } = input;
  const goals: Goal[] = [];
  if (database === "pglite") {
    goals.push({
      database,
      goal: `first start on an empty embedded database ≤ ${FIRST_START_GOAL_MS / 1000} s`,
      measured: `${(coldStart.firstStartMs / 1000).toFixed(2)} s (${coldStart.firstStartDoes})`,
      result: judged(coldStart.firstStartMs <= FIRST_START_GOAL_MS),
      value: coldStart.firstStartMs,
      target: FIRST_START_GOAL_MS,
    });
  }
  goals.push({
    database,
    goal: `restart ≤ ${RESTART_GOAL_MS / 1000} s (median)`,
    measured: `${(coldStart.restartMedianMs / 1000).toFixed(2)} s (${coldStart.restartsMs.map((r) => (r / 1000).toFixed(2)).join(", ")} s)`,
    result: judged(coldStart.restartMedianMs <= RESTART_GOAL_MS),
    value: coldStart.restartMedianMs,
    target: RESTART_GOAL_MS,
  });
  return goals;
}

/** Every goal of issue 16 for one database, in the order the table shows them. */
export function evaluateGoals(input: GoalInput): Goal[] {
  const levels = [...new Set(input.scenarios.map((s) => s.connections))].sort((a, b) => a - b);
  return [
    throughputGoal(input, "me"),
    throughputGoal(input, "page"),
    ...levels.map((c) => tailGoal(input, c)),
    ...levels.flatMap((c) => writeGoal(input, c) ?? []),
    ...memoryGoals(input),
    ...startGoals(input),
  ];
}

/** A database whose bench failed meets none of its goals: one row says so, with the error. */
export function failedGoal(database: DatabaseKind, error: string): Goal {
  const [first = error] = error.split("\n");
  return { database, goal: "the bench ran to the end", measured: first, result: "NOT met", value: null, target: null };
}

/** The Goals table: one row per goal and database, with what was measured and whether it was met. */
export function formatGoals(goals: readonly Goal[]): string {
  const met = goals.filter((g) => g.result === "met").length;
  const judgedCount = goals.filter((g) => g.result !== "not measured").length;
  const unmeasured = goals.length - judgedCount;
  return [
    `Goals (issue 16): ${met} of ${judgedCount} met${unmeasured ? `, ${unmeasured} not measured` : ""}`,
    table(
      ["database", "goal", "measured", "result"],
      goals.map((g) => [databaseName(g.database), g.goal, g.measured, g.result]),
      [0, 1, 2, 3],
    ),
  ].join("\n");
}
