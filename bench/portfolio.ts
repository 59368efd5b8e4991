import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../src/cli/demo-seed.ts";
import { NATIONAL_FORVALTNINGSGRUPP } from "../src/cli/national/national-picture.ts";
import { type LoadResult, probe, runLoad, type Scenario } from "./load.ts";
import { type DatabaseEnv, dependencyVersion, runCli, startServer } from "./server-process.ts";
import { bearerToken } from "./sign-in.ts";
import { createThrowawayDatabase, PostgresUnreachableError } from "./throwaway-postgres.ts";

/*
 * Issue 14's scale goal: on a server whose database holds the national picture (`demo:seed --national`:
 * 650 organisations, 1,000 initiatives, 20,000 flows), one client at a time, GET /api/v1/portfolio/forecast
 * (the national forecast over 60 months, warm: cached per portfolio generation) must answer within 10× the
 * time of GET /api/v1/me on the same server. Also reported: the first, cold forecast (every flow read and
 * forecast) and GET /api/v1/portfolio (every initiative with status and flags). Part of `npm run bench`;
 * alone: `npx tsx bench/portfolio.ts [--database pglite|postgres] [--duration 10] [--scale 1]`.
 */

export const PORTFOLIO_GOAL = 10;

export type PortfolioBenchSettings = {
  databases: readonly ("pglite" | "postgres")[];
  postgresUrl: string;
  durationSeconds: number;
  warmupSeconds: number;
  /** The share of the national picture seeded (1 in the bench; smaller only to try the bench out). */
  scale: number;
};

type Measured = Pick<LoadResult, "requests" | "requestsPerSecond" | "latencyMs">;

export type PortfolioBenchOutcome =
  | {
      database: "pglite" | "postgres";
      status: "measured";
      version: string;
      scale: number;
      seedMs: number;
      coldForecastMs: number;
      portfolio: Measured;
      forecast: Measured;
      me: Measured;
      /** Warm forecast p50 ÷ /me p50. */
      p50Ratio: number;
      met: boolean;
    }
  | { database: "pglite" | "postgres"; status: "skipped"; reason: string };

const say = (line: string) => process.stdout.write(`${line}\n`);
const pick = (r: LoadResult): Measured => ({ requests: r.requests, requestsPerSecond: r.requestsPerSecond, latencyMs: r.latencyMs });

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return performance.now() - started;
}

async function measureOn(database: DatabaseEnv, settings: PortfolioBenchSettings) {
  const seedMs = await runCli(["demo:seed", "--national", "--scale", String(settings.scale)], database);
  say(`  demo:seed --national through the CLI: ${(seedMs / 1000).toFixed(1)} s`);
  const server = await startServer(database);
  try {
    const token = await bearerToken(server.baseUrl, { email: NATIONAL_FORVALTNINGSGRUPP.email, password: DEMO_PASSWORD });
    const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
    const coldForecastMs = await timedGet(`${server.baseUrl}/api/v1/portfolio/forecast`, headers);
    say(`  first (cold) GET /api/v1/portfolio/forecast: ${coldForecastMs.toFixed(0)} ms`);
    const single = { connections: 1, durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds };
    const scenarios: Scenario[] = [
      {
        id: "portfolio-forecast",
        label: "GET /api/v1/portfolio/forecast (warm)",
        path: "/api/v1/portfolio/forecast",
        headers,
        expectBody: '"byKind"',
      },
      { id: "me", label: "GET /api/v1/me", path: "/api/v1/me", headers, expectBody: NATIONAL_FORVALTNINGSGRUPP.email },
      { id: "portfolio", label: "GET /api/v1/portfolio", path: "/api/v1/portfolio", headers, expectBody: '"initiatives"' },
    ];
    const results = new Map<string, Measured>();
    for (const scenario of scenarios) {
      await probe(server.baseUrl, scenario);
      const r = pick(await runLoad(server.baseUrl, scenario, single));
      results.set(scenario.id, r);
      say(
        `  ${scenario.label}, one client: ${r.requests} requests, p50 ${r.latencyMs.p50.toFixed(2)} ms, p99 ${r.latencyMs.p99.toFixed(2)} ms`,
      );
    }
    const forecast = results.get("portfolio-forecast") as Measured;
    const me = results.get("me") as Measured;
    const p50Ratio = forecast.latencyMs.p50 / me.latencyMs.p50;
    say(`  forecast p50 / me p50: ${p50Ratio.toFixed(2)}× (goal ≤ ${PORTFOLIO_GOAL}×: ${p50Ratio <= PORTFOLIO_GOAL ? "met" : "NOT met"})`);
    return {
      seedMs,
      coldForecastMs,
      portfolio: results.get("portfolio") as Measured,
      forecast,
      me,
      p50Ratio,
      met: p50Ratio <= PORTFOLIO_GOAL,
    };
  } finally {
    await server.stop();
  }
}

export async function measurePortfolio(settings: PortfolioBenchSettings): Promise<PortfolioBenchOutcome[]> {
  const outcomes: PortfolioBenchOutcome[] = [];
  for (const database of settings.databases) {
    if (database === "pglite") {
      say("  PGlite");
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "ansluta-bench-national-"));
      try {
        const m = await measureOn({ DATA_DIR: dataDir }, settings);
        outcomes.push({
          database,
          status: "measured",
          version: `PGlite ${dependencyVersion("@electric-sql/pglite")}`,
          scale: settings.scale,
          ...m,
        });
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
      continue;
    }
    say("  PostgreSQL");
    let throwaway: Awaited<ReturnType<typeof createThrowawayDatabase>>;
    try {
      throwaway = await createThrowawayDatabase(settings.postgresUrl, `ansluta_bench_national_${process.pid}`);
    } catch (e) {
      if (!(e instanceof PostgresUnreachableError)) throw e;
      say(`  skipped: PostgreSQL not reachable (${e.message})`);
      outcomes.push({ database, status: "skipped", reason: `PostgreSQL not reachable (${e.message})` });
      continue;
    }
    try {
      const m = await measureOn({ DATABASE_URL: throwaway.url }, settings);
      outcomes.push({ database, status: "measured", version: `PostgreSQL ${throwaway.serverVersion}`, scale: settings.scale, ...m });
    } finally {
      await throwaway.drop();
    }
  }
  return outcomes;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

export function formatPortfolioReport(outcomes: readonly PortfolioBenchOutcome[]): string {
  const lines = [`National portfolio (demo:seed --national), one client; goal: warm forecast p50 ≤ ${PORTFOLIO_GOAL}× GET /api/v1/me p50`];
  for (const o of outcomes) {
    if (o.status === "skipped") {
      lines.push(`  ${o.database}: skipped, ${o.reason}`);
      continue;
    }
    lines.push(
      `  ${o.version}${o.scale === 1 ? "" : ` (scale ${o.scale})`}: seeded in ${(o.seedMs / 1000).toFixed(1)} s; first (cold) forecast ${ms(o.coldForecastMs)} ms`,
      `    GET /api/v1/portfolio/forecast (warm): p50 ${ms(o.forecast.latencyMs.p50)} ms, p99 ${ms(o.forecast.latencyMs.p99)} ms`,
      `    GET /api/v1/me:                        p50 ${ms(o.me.latencyMs.p50)} ms, p99 ${ms(o.me.latencyMs.p99)} ms`,
      `    ratio of the p50s: ${o.p50Ratio.toFixed(2)}× (${o.met ? "met" : "NOT met"})`,
      `    GET /api/v1/portfolio (every initiative): p50 ${ms(o.portfolio.latencyMs.p50)} ms, p99 ${ms(o.portfolio.latencyMs.p99)} ms`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      database: { type: "string", multiple: true, default: ["pglite", "postgres"] },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      scale: { type: "string", default: "1" },
      "postgres-url": { type: "string", default: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
    },
  });
  const outcomes = await measurePortfolio({
    databases: values.database.filter((d): d is "pglite" | "postgres" => d === "pglite" || d === "postgres"),
    postgresUrl: values["postgres-url"],
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    scale: Number(values.scale),
  });
  say(`\n${formatPortfolioReport(outcomes)}`);
}
