import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../src/cli/demo-seed.ts";
import { businessCaseRatio, businessCaseScenarios } from "./business-case.ts";
import { type EmulatorBench, formatEmulatorReport, measureEmulator } from "./emulator.ts";
import { type ExportBench, measureExports } from "./exports.ts";
import { forecastRatio, forecastScenarios } from "./forecast.ts";
import { evaluateGoals, failedGoal, formatGoals, type MemoryFigures, missingTail, trouble } from "./goals.ts";
import { formatStatusReport, measureInitiativeStatus, type StatusBenchOutcome } from "./initiative-status.ts";
import { type LoadSettings, probe, runLoad, type Scenario } from "./load.ts";
import { idleRss, rssBytes, SETTLE_SECONDS, samplePeakRss, settledIdleRss } from "./memory.ts";
import { formatPortfolioReport, measurePortfolio, type PortfolioBenchOutcome } from "./portfolio.ts";
import {
  againstFloor,
  type BenchReport,
  type ColdStart,
  type DatabaseKind,
  type DatabaseOutcome,
  formatReport,
  median,
  type ScenarioResult,
} from "./report.ts";
import { sectionEditScenario } from "./section-edit.ts";
import { type DatabaseEnv, dependencyVersion, REPO_ROOT, type RunningServer, runCli, startServer } from "./server-process.ts";
import { bearerToken, sessionCookieHeader } from "./sign-in.ts";
import { createThrowawayDatabase, PostgresUnreachableError, type ThrowawayDatabase } from "./throwaway-postgres.ts";

/*
 * `npm run bench`: this process is the load generator; each server under test is a child process
 * on loopback, so the two share the machine's cores but not an event loop.
 */

const USAGE = `Usage: npm run bench -- [options]
  --duration S      seconds measured per scenario (default 10)
  --warmup S        seconds of discarded load before each (default 2)
  --connections L   concurrent connections, a comma-separated list of levels (default 10,50,200):
                    /healthz, GET /api/v1/me, the /organisations page and the section edit run at
                    every level; the other scenarios at the first level only. Issue 16's goals are
                    judged at 50 (throughput), at every level (p99 ≤ 5× p50) and at 200 (peak memory)
  --restarts N      restarts timed per database, median reported (default 3)
  --database D      pglite or postgres; repeat for both (default both)
  --postgres-url U  an existing database to create the throwaway one from
                    (default $BENCH_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/test)
  --emulator-concurrency N
                    concurrent senders against the emulator (default 8)
  --skip-emulator   leave out the emulator (deliverSecure, full validation vs empty answer)
  --status-initiatives N
                    initiatives listed with their status, read model vs per initiative
                    (default 650, about the number of Swedish public organisations)
  --skip-status     leave out the initiative status list
  --export-rounds N timed exports per case: a 20-page document and a decision package
                    with a 5 MB PDF attachment, PDF and DOCX, in-process (default 5)
  --skip-exports    leave out the document and decision package exports
  --skip-portfolio  leave out the national portfolio (demo:seed --national on each database, then
                    GET /api/v1/portfolio/forecast against GET /api/v1/me, one client)
  --quick           only issue 16's goals: the same as --skip-emulator --skip-status --skip-exports
                    --skip-portfolio, and without the issue 11/12 scenarios (forecast, business case)
                    and GET /api/v1/organisations
  --out FILE        JSON results (default reports/bench.json)
  --help            this text

Prints the scenarios at each level against /healthz on the same server, cold starts, and a Goals
table (goal, measured, met / NOT met), also in the JSON under "goals".`;

const USER = "projektledare@sundsvall.example";

type Settings = Omit<LoadSettings, "connections"> & {
  /** Ascending; the first also runs the scenarios of earlier issues. */
  connections: number[];
  /** false: --quick, only the goal scenarios. */
  earlierScenarios: boolean;
  restarts: number;
  databases: DatabaseKind[];
  postgresUrl: string;
  out: string;
  /** null: --skip-emulator. */
  emulatorConcurrency: number | null;
  /** null: --skip-status. */
  statusInitiatives: number | null;
  /** null: --skip-exports. */
  exportRounds: number | null;
  portfolio: boolean;
};

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      connections: { type: "string", default: "10,50,200" },
      restarts: { type: "string", default: "3" },
      database: { type: "string", multiple: true, default: ["pglite", "postgres"] },
      "postgres-url": { type: "string", default: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
      out: { type: "string", default: "reports/bench.json" },
      "emulator-concurrency": { type: "string", default: "8" },
      "skip-emulator": { type: "boolean", default: false },
      "status-initiatives": { type: "string", default: "650" },
      "skip-status": { type: "boolean", default: false },
      "export-rounds": { type: "string", default: "5" },
      "skip-exports": { type: "boolean", default: false },
      "skip-portfolio": { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (flag: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be a whole number ≥ ${min}, got "${raw}"\n\n${USAGE}`);
    return n;
  };
  const databases = values.database.map((d) => {
    if (d !== "pglite" && d !== "postgres") throw new Error(`--database must be pglite or postgres, got "${d}"\n\n${USAGE}`);
    return d;
  });
  const quick = values.quick;
  const connections = [...new Set(values.connections.split(",").map((c) => count("connections", c.trim(), 1)))].sort((a, b) => a - b);
  return {
    durationSeconds: count("duration", values.duration, 1),
    warmupSeconds: count("warmup", values.warmup, 0),
    connections,
    earlierScenarios: !quick,
    restarts: count("restarts", values.restarts, 1),
    databases: [...new Set(databases)],
    postgresUrl: values["postgres-url"],
    out: path.resolve(REPO_ROOT, values.out),
    emulatorConcurrency: quick || values["skip-emulator"] ? null : count("emulator-concurrency", values["emulator-concurrency"], 1),
    statusInitiatives: quick || values["skip-status"] ? null : count("status-initiatives", values["status-initiatives"], 1),
    exportRounds: quick || values["skip-exports"] ? null : count("export-rounds", values["export-rounds"], 1),
    portfolio: !quick && !values["skip-portfolio"],
  };
}

/** Undo steps for everything the bench creates, run in reverse on success, failure or Ctrl-C. */
class Cleanup {
  readonly #steps: { label: string; run: () => Promise<void> }[] = [];

  /** Registers a step; the returned function runs it now instead (at most once). */
  defer(label: string, run: () => Promise<void>): () => Promise<void> {
    const step = { label, run };
    this.#steps.push(step);
    return async () => {
      const i = this.#steps.indexOf(step);
      if (i === -1) return;
      this.#steps.splice(i, 1);
      await run();
    };
  }

  /** Runs every pending step even if some fail; returns the failures. */
  async runAll(): Promise<string[]> {
    const failures: string[] = [];
    for (let step = this.#steps.pop(); step; step = this.#steps.pop()) {
      try {
        await step.run();
      } catch (e) {
        failures.push(`${step.label}: ${(e as Error).message}`);
      }
    }
    return failures;
  }
}

/** The commit measured, marked dirty when the working tree has changes, so figures can be traced to code. */
function revision(): string {
  try {
    return execFileSync("git", ["describe", "--always", "--dirty"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function launch(database: DatabaseEnv, cleanup: Cleanup): Promise<{ server: RunningServer; stopServer: () => Promise<void> }> {
  const server = await startServer(database);
  return { server, stopServer: cleanup.defer(`stop server pid ${server.pid}`, server.stop) };
}

/** Starts the server `restarts` times on an already-initialised database; the last one stays up for the load. */
async function timedRestarts(
  database: DatabaseEnv,
  restarts: number,
  cleanup: Cleanup,
): Promise<{ restartsMs: number[]; server: RunningServer; stopServer: () => Promise<void> }> {
  const restartsMs: number[] = [];
  for (let i = 1; ; i++) {
    const { server, stopServer } = await launch(database, cleanup);
    restartsMs.push(server.coldStartMs);
    say(`  restart ${i}/${restarts}: ${seconds(server.coldStartMs)}`);
    if (i === restarts) return { restartsMs, server, stopServer };
    await stopServer();
  }
}

type LoadOutcome = { scenarios: ScenarioResult[]; memory: MemoryFigures };

/**
 * Issue 16's scenarios at every connection level, the earlier issues' at the first level only; each
 * waits for the server to finish the previous one's backlog (runLoad drains). Memory: idle after the first level,
 * peak during the last.
 */
async function measureLoad(server: RunningServer, settings: Settings): Promise<LoadOutcome> {
  const startRssBytes = rssBytes(server.pid);
  const credentials = { email: USER, password: DEMO_PASSWORD };
  const token = await bearerToken(server.baseUrl, credentials);
  const cookie = await sessionCookieHeader(server.baseUrl, credentials);
  const api = { authorization: `Bearer ${token}`, accept: "application/json" };
  const earlier: Scenario[] = settings.earlierScenarios
    ? [
        {
          id: "api",
          label: "GET /api/v1/organisations, bearer token",
          path: "/api/v1/organisations",
          headers: api,
          expectBody: "Sundsvalls kommun",
        },
        ...(await forecastScenarios(server.baseUrl, token)),
        // After the forecast's: the business case computes its benefits from the flows that bench registers.
        ...(await businessCaseScenarios(server.baseUrl, token, cookie)),
      ]
    : [];
  const goalScenarios: Scenario[] = [
    { id: "me", label: "GET /api/v1/me, bearer token", path: "/api/v1/me", headers: api, expectBody: USER },
    {
      id: "page",
      label: "GET /organisations, session cookie",
      path: "/organisations",
      headers: { cookie, accept: "text/html" },
      expectBody: "Sundsvalls kommun",
    },
    { id: "healthz", label: "GET /healthz", path: "/healthz", headers: {}, expectBody: '"ok"' },
    // Last: it grows the audit log and the documents, which the reads should not see change under them.
    await sectionEditScenario(server.baseUrl, token, Math.max(...settings.connections)),
  ];
  for (const scenario of [...earlier, ...goalScenarios]) await probe(server.baseUrl, scenario);

  const scenarios: ScenarioResult[] = [];
  let loadedRssBytes: number | null = null;
  let idleRssBytes: number | null = null;
  let peakRssBytes: number | null = null;
  const last = settings.connections.at(-1);
  const levels = async () => {
    for (const [i, connections] of settings.connections.entries()) {
      const peak = connections === last ? samplePeakRss(server.pid) : null;
      const results = [];
      for (const scenario of i === 0 ? [...earlier, ...goalScenarios] : goalScenarios) {
        const result = await runLoad(server.baseUrl, scenario, { ...settings, connections });
        const problem = trouble(result) ?? missingTail(result, connections);
        say(
          `  ${connections} conn ${scenario.id} ${scenario.label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(2)} ms, p99 ${result.latencyMs.p99.toFixed(2)} ms${problem ? ` (!) ${problem}` : ""}${result.drainMs > 1000 ? `; backlog: ${seconds(result.drainMs)} until /healthz answered` : ""}`,
        );
        results.push({ id: scenario.id, label: scenario.label, path: scenario.path, connections, ...result });
      }
      if (peak) {
        peakRssBytes = peak.stop();
        if (peakRssBytes !== null) say(`  peak RSS during ${connections} connections: ${(peakRssBytes / 1e6).toFixed(0)} MB`);
      }
      scenarios.push(...againstFloor(results));
      if (i === 0) {
        // Warm (JIT, caches, pools) but quiet: what an idle server between report deadlines holds.
        loadedRssBytes = await idleRss(server.pid);
        idleRssBytes = await settledIdleRss(server.pid, SETTLE_SECONDS - 1);
        if (loadedRssBytes !== null && idleRssBytes !== null)
          say(
            `  RSS after ${connections} connections: ${(loadedRssBytes / 1e6).toFixed(0)} MB 1 s after, ` +
              `${(idleRssBytes / 1e6).toFixed(0)} MB idle after ${SETTLE_SECONDS} s quiet`,
          );
      }
    }
  };
  try {
    await levels();
  } catch (e) {
    // A server that died under load explains the failure better than the request that noticed.
    const exit = server.exitReport();
    throw exit ? new Error(`${(e as Error).message}\n  ${exit}`) : e;
  }
  const ratio = forecastRatio(scenarios);
  if (ratio)
    say(`  forecast p50 / initiative p50: ${ratio.p50Ratio.toFixed(2)}× (goal ≤ ${ratio.goal}×: ${ratio.met ? "met" : "NOT met"})`);
  const bc = businessCaseRatio(scenarios);
  if (bc)
    say(`  business-case page p50 / overview page p50: ${bc.p50Ratio.toFixed(2)}× (goal ≤ ${bc.goal}×: ${bc.met ? "met" : "NOT met"})`);
  return { scenarios, memory: { startRssBytes, loadedRssBytes, idleRssBytes, peakRssBytes, peakConnections: last ?? 0 } };
}

async function measurePglite(settings: Settings, cleanup: Cleanup, tempDirs: Set<string>): Promise<DatabaseOutcome> {
  say("PGlite (embedded)");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ansluta-bench-"));
  tempDirs.add(dataDir);
  const removeDir = cleanup.defer(`remove ${dataDir}`, async () => {
    await rm(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  });
  const database = { DATA_DIR: dataDir };

  const first = await launch(database, cleanup);
  say(`  first start on an empty data directory: ${seconds(first.server.coldStartMs)}`);
  await first.stopServer();
  const { restartsMs, server, stopServer } = await timedRestarts(database, settings.restarts, cleanup);
  const coldStart: ColdStart = {
    firstStartDoes: "create the PGlite cluster, migrate, seed the demo",
    firstStartMs: first.server.coldStartMs,
    restartsMs,
    restartMedianMs: median(restartsMs),
  };
  const { scenarios, memory } = await measureLoad(server, settings);
  await stopServer();
  await removeDir();
  return {
    database: "pglite",
    status: "measured",
    version: `PGlite ${dependencyVersion("@electric-sql/pglite")} (inside the server process)`,
    coldStart,
    scenarios,
    memory,
    goals: evaluateGoals({ database: "pglite", scenarios, coldStart, memory }),
  };
}

async function measurePostgres(settings: Settings, cleanup: Cleanup): Promise<DatabaseOutcome> {
  say("PostgreSQL");
  const name = `ansluta_bench_${process.pid}`;
  const adminUrl = new URL(settings.postgresUrl);
  const where = `${adminUrl.hostname}:${adminUrl.port || 5432}`;
  let throwaway: ThrowawayDatabase;
  try {
    throwaway = await createThrowawayDatabase(settings.postgresUrl, name);
  } catch (e) {
    if (!(e instanceof PostgresUnreachableError)) throw e;
    const reason = `PostgreSQL not reachable at ${where} (${e.message}); set --postgres-url or BENCH_POSTGRES_URL`;
    say(`  skipped: ${reason}`);
    return { database: "postgres", status: "skipped", reason };
  }
  say(`  created throwaway database ${name} on ${where} (PostgreSQL ${throwaway.serverVersion})`);
  const dropDatabase = cleanup.defer(`drop database ${name}`, throwaway.drop);
  const database = { DATABASE_URL: throwaway.url };

  const first = await launch(database, cleanup);
  say(`  first start on an empty database: ${seconds(first.server.coldStartMs)}`);
  await first.stopServer();
  const demoSeedMs = await runCli(["demo:seed"], database);
  say(`  demo:seed through the CLI: ${seconds(demoSeedMs)}`);
  const { restartsMs, server, stopServer } = await timedRestarts(database, settings.restarts, cleanup);
  const coldStart: ColdStart = {
    firstStartDoes: "migrate (nothing is seeded on PostgreSQL)",
    firstStartMs: first.server.coldStartMs,
    restartsMs,
    restartMedianMs: median(restartsMs),
  };
  const { scenarios, memory } = await measureLoad(server, settings);
  await stopServer();
  await dropDatabase();
  say(`  dropped ${name}`);
  return {
    database: "postgres",
    status: "measured",
    version: `PostgreSQL ${throwaway.serverVersion}`,
    coldStart,
    demoSeedMs,
    scenarios,
    memory,
    goals: evaluateGoals({ database: "postgres", scenarios, coldStart, memory }),
  };
}

async function main(): Promise<number> {
  const settings = parseSettings(process.argv.slice(2));
  // Read before we add load ourselves: anything else running on the machine skews every figure.
  const [loadAverageAtStart = Number.NaN] = os.loadavg();
  const cleanup = new Cleanup();
  const tempDirs = new Set<string>();
  // Last resort if the bench dies without unwinding: the children are killed by server-process.ts.
  process.on("exit", () => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      say(`\n${signal}: cleaning up`);
      void cleanup.runAll().then((failures) => {
        for (const f of failures) console.error(`cleanup failed: ${f}`);
        process.exit(130);
      });
    });
  }

  const outcomes: DatabaseOutcome[] = [];
  for (const database of settings.databases) {
    try {
      outcomes.push(database === "pglite" ? await measurePglite(settings, cleanup, tempDirs) : await measurePostgres(settings, cleanup));
    } catch (e) {
      say(`  failed: ${(e as Error).message}`);
      outcomes.push({ database, status: "failed", error: (e as Error).message });
    }
    const failures = await cleanup.runAll();
    for (const f of failures) console.error(`cleanup failed: ${f}`);
    if (failures.length) return 1;
  }

  let emulator: EmulatorBench | { status: "failed"; error: string } | null = null;
  if (settings.emulatorConcurrency !== null) {
    try {
      emulator = await measureEmulator({
        durationSeconds: settings.durationSeconds,
        warmupSeconds: settings.warmupSeconds,
        concurrency: settings.emulatorConcurrency,
      });
    } catch (e) {
      say(`  failed: ${(e as Error).message}`);
      emulator = { status: "failed", error: (e as Error).message };
    }
  }

  let status: StatusBenchOutcome[] | { status: "failed"; error: string } | null = null;
  if (settings.statusInitiatives !== null) {
    say("Initiative status list");
    try {
      // The per-initiative baseline takes tens of seconds on PGlite: one round of it is enough beside five of the read model.
      status = await measureInitiativeStatus({
        initiatives: settings.statusInitiatives,
        rounds: 5,
        baselineRounds: 1,
        postgresUrl: settings.postgresUrl,
        databases: settings.databases,
      });
    } catch (e) {
      say(`  failed: ${(e as Error).message}`);
      status = { status: "failed", error: (e as Error).message };
    }
  }

  let portfolio: PortfolioBenchOutcome[] | { status: "failed"; error: string } | null = null;
  if (settings.portfolio) {
    say("National portfolio (demo:seed --national)");
    try {
      portfolio = await measurePortfolio({
        databases: settings.databases,
        postgresUrl: settings.postgresUrl,
        durationSeconds: settings.durationSeconds,
        warmupSeconds: settings.warmupSeconds,
        scale: 1,
      });
    } catch (e) {
      say(`  failed: ${(e as Error).message}`);
      portfolio = { status: "failed", error: (e as Error).message };
    }
  }

  let exports: ExportBench | { status: "failed"; error: string } | null = null;
  if (settings.exportRounds !== null) {
    say("Exports: a 20-page document and a decision package (in-process, one child per case)");
    try {
      exports = await measureExports({ rounds: settings.exportRounds }, say);
    } catch (e) {
      say(`  failed: ${(e as Error).message}`);
      exports = { status: "failed", error: (e as Error).message };
    }
  }

  const cpus = os.cpus();
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    revision: revision(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadAverageAtStart,
    },
    settings: {
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
      connections: settings.connections,
      restarts: settings.restarts,
      user: USER,
      serverNodeEnv: process.env.NODE_ENV ?? "production",
    },
    databases: outcomes,
  };
  await mkdir(path.dirname(settings.out), { recursive: true });
  const goals = outcomes.flatMap((o) =>
    o.status === "measured" ? o.goals : o.status === "failed" ? [failedGoal(o.database, o.error)] : [],
  );
  await writeFile(
    settings.out,
    `${JSON.stringify({ ...report, goals, emulator, initiativeStatus: status, portfolio, exports }, (_key, value: unknown) => (typeof value === "number" ? Number(value.toFixed(3)) : value), 2)}\n`,
  );
  say(`\n${formatReport(report)}`);
  if (emulator && !("status" in emulator)) say(`\n${formatEmulatorReport(emulator)}`);
  if (Array.isArray(status)) say(`\n${formatStatusReport(status)}`);
  if (Array.isArray(portfolio)) say(`\n${formatPortfolioReport(portfolio)}`);
  if (goals.length) say(`\n${formatGoals(goals)}\n`);
  say(`JSON: ${path.relative(REPO_ROOT, settings.out)}`);
  const statusFailed = status !== null && !Array.isArray(status);
  const exportsFailed = exports !== null && "status" in exports;
  const portfolioFailed = portfolio !== null && !Array.isArray(portfolio);
  return outcomes.some((o) => o.status === "failed") ||
    (emulator && "status" in emulator) ||
    statusFailed ||
    exportsFailed ||
    portfolioFailed
    ? 1
    : 0;
}

process.exitCode = await main().catch((e: unknown) => {
  console.error((e as Error).message);
  return 2;
});
