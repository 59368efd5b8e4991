import { businessCaseRatio } from "./business-case.ts";
import { forecastRatio } from "./forecast.ts";
import { type Goal, type MemoryFigures, missingTail, trouble } from "./goals.ts";
import type { LoadResult, LoadSettings, Scenario } from "./load.ts";

export type DatabaseKind = "pglite" | "postgres";

export type ColdStart = {
  /** What the first start had to do, which differs by database. */
  firstStartDoes: string;
  firstStartMs: number;
  /** Starts on a database that already has schema and data; the last one is the server that took the load. */
  restartsMs: number[];
  restartMedianMs: number;
};

export type ScenarioResult = Pick<Scenario, "id" | "label" | "path"> &
  LoadResult & {
    /** Concurrent connections it ran with. */
    connections: number;
    /** Against GET /healthz on the same server: throughput as a fraction of the floor's, p50 as a multiple of it. */
    vsFloor: { throughput: number; p50: number };
  };

export type DatabaseOutcome =
  | {
      database: DatabaseKind;
      status: "measured";
      version: string;
      coldStart: ColdStart;
      /** PostgreSQL only: `demo:seed` run through the CLI, which the embedded database does on its first start. */
      demoSeedMs?: number;
      scenarios: ScenarioResult[];
      memory: MemoryFigures;
      /** Issue 16's goals judged from this database's figures. */
      goals: Goal[];
    }
  | { database: DatabaseKind; status: "skipped"; reason: string }
  | { database: DatabaseKind; status: "failed"; error: string };

export type BenchReport = {
  generatedAt: string;
  revision: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; platform: string; node: string; loadAverageAtStart: number };
  settings: Omit<LoadSettings, "connections"> & {
    /** Every level runs /healthz, the API read, the page and the write; the other scenarios run at the first only. */
    connections: number[];
    restarts: number;
    user: string;
    /** Inherited by the servers; unset means React renders with its development build. */
    serverNodeEnv: string | null;
  };
  databases: DatabaseOutcome[];
};

const DATABASE_NAMES: Record<DatabaseKind, string> = { pglite: "PGlite", postgres: "PostgreSQL" };

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

/** Each result against the /healthz among them: pass the results of one connection level. */
export function againstFloor<T extends Pick<Scenario, "id"> & LoadResult>(results: T[]): (T & { vsFloor: ScenarioResult["vsFloor"] })[] {
  const floor = results.find((r) => r.id === "healthz");
  return results.map((r) => ({
    ...r,
    vsFloor: {
      throughput: floor ? r.requestsPerSecond / floor.requestsPerSecond : Number.NaN,
      p50: floor ? r.latencyMs.p50 / floor.latencyMs.p50 : Number.NaN,
    },
  }));
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const thousands = (value: number) => Math.round(value).toLocaleString("en-US");

export function table(header: string[], rows: string[][], leftAligned: readonly number[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (leftAligned.includes(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function formatReport(report: BenchReport): string {
  const { machine, settings } = report;
  const out: string[] = [
    `Ansluta ${report.revision} bench: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}`,
    `1-minute load average before the bench: ${machine.loadAverageAtStart.toFixed(2)}${machine.loadAverageAtStart > 0.5 ? " (the machine was busy: figures are pessimistic)" : ""}`,
    `${settings.durationSeconds} s per scenario after ${settings.warmupSeconds} s warm-up, ${settings.connections.join(" / ")} connections (scenarios other than floor, me, page and write at ${settings.connections[0]} only), loopback; logged in as ${settings.user}`,
    `Server NODE_ENV: ${settings.serverNodeEnv ?? "production"}${settings.serverNodeEnv === "production" || !settings.serverNodeEnv ? " (as `npm start`)" : " (not as `npm start`: React's development build)"}`,
    "",
  ];

  const loadRows: string[][] = [];
  const startRows: string[][] = [];
  const forecastLines: string[] = [];
  const businessCaseLines: string[] = [];
  for (const outcome of report.databases) {
    const name = DATABASE_NAMES[outcome.database];
    if (outcome.status !== "measured") {
      out.push(`${name}: ${outcome.status === "skipped" ? `skipped, ${outcome.reason}` : `FAILED, ${outcome.error}`}`);
      continue;
    }
    for (const s of outcome.scenarios) {
      const problem = trouble(s) ?? missingTail(s, s.connections);
      loadRows.push([
        name,
        String(s.connections),
        s.id === "healthz" ? "floor" : s.id,
        s.label + (problem ? `  (!) ${problem}` : ""),
        thousands(s.requestsPerSecond),
        ms(s.latencyMs.p50),
        ms(s.latencyMs.p95),
        ms(s.latencyMs.p99),
        s.id === "healthz" ? "floor" : `${s.vsFloor.throughput.toFixed(2)}×`,
        s.id === "healthz" ? "floor" : `${s.vsFloor.p50.toFixed(1)}×`,
      ]);
    }
    const ratio = forecastRatio(outcome.scenarios);
    if (ratio)
      forecastLines.push(
        `${name}: forecast p50 is ${ratio.p50Ratio.toFixed(2)}× the initiative read's (goal ≤ ${ratio.goal}×: ${ratio.met ? "met" : "NOT met"})`,
      );
    const bc = businessCaseRatio(outcome.scenarios);
    if (bc)
      businessCaseLines.push(
        `${name}: the business-case page's p50 is ${bc.p50Ratio.toFixed(2)}× the overview page's (goal ≤ ${bc.goal}×: ${bc.met ? "met" : "NOT met"})`,
      );
    const c = outcome.coldStart;
    startRows.push([
      name,
      `${thousands(c.firstStartMs)} ms`,
      `${thousands(c.restartMedianMs)} ms`,
      c.restartsMs.map(thousands).join(", "),
      outcome.demoSeedMs === undefined ? "-" : `${thousands(outcome.demoSeedMs)} ms`,
      c.firstStartDoes,
    ]);
  }
  if (loadRows.length) {
    out.push(
      "",
      table(
        ["database", "conn", "scenario", "request", "req/s", "p50 ms", "p95 ms", "p99 ms", "req/s vs floor", "p50 vs floor"],
        loadRows,
        [0, 2, 3],
      ),
      "",
      ...(forecastLines.length ? ["Volume forecast (issue 11), same server and run:", ...forecastLines, ""] : []),
      ...(businessCaseLines.length ? ["Business case (issue 12), same server and run:", ...businessCaseLines, ""] : []),
      "Cold start: spawn of `node scripts/start.mjs` (as `npm start`) until GET /healthz answers 200",
      table(["database", "first start", "restart (median)", "restarts (ms)", "demo:seed (CLI)", "first start does"], startRows, [0, 5]),
    );
  }
  return `${out.join("\n")}\n`;
}
