import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "../scripts/server-node-flags.mjs";
import { newSecretKey } from "../src/secrets/secret-box.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** How a child finds its database: exactly one of the two, as in production. */
export type DatabaseEnv = { DATA_DIR: string } | { DATABASE_URL: string };

export type RunningServer = {
  baseUrl: string;
  pid: number;
  /** From spawn of `node scripts/start.mjs` (as `npm start`) until /healthz first answers 200: imports, opening and migrating the database, listen. */
  coldStartMs: number;
  /** SIGTERM, then wait for the graceful shutdown; rejects if it had to be killed or exited non-zero. */
  stop: () => Promise<void>;
  /** null while it runs; once it has exited on its own, how, with the last lines it wrote. */
  exitReport: () => string | null;
};

const STOP_GRACE_MS = 10_000;
const HEALTH_POLL_MS = 10;
const live = new Set<ChildProcess>();

// A bench that dies between start and stop must not leave a server holding a port or a data directory.
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** One per bench run, so every server started on the same database opens the same sealed keys. */
const BENCH_SECRET_KEY = newSecretKey();

function childEnv(database: DatabaseEnv): NodeJS.ProcessEnv {
  // The developer's own database, port or mail settings must not leak into the measured process.
  const { DATABASE_URL: _url, DATA_DIR: _dir, PORT: _port, HOST: _host, SMTP_URL: _smtp, ...inherited } = process.env;
  // PostgreSQL needs SECRET_KEY (every app server the same); a throwaway one seals the throwaway database's keys.
  const secretKey = "DATABASE_URL" in database ? { SECRET_KEY: inherited.SECRET_KEY ?? BENCH_SECRET_KEY } : {};
  // As `npm start` runs it: production unless the developer says otherwise (React's development
  // build checks every element and costs a page several times its production render).
  const nodeEnv = inherited.NODE_ENV ?? "production";
  return { ...inherited, ...database, ...secretKey, NODE_ENV: nodeEnv, HOST: "127.0.0.1", LOG_LEVEL: "warn" };
}

/** The last lines a child wrote, to explain a failure. */
function captureTail(child: ChildProcess, keep = 30): () => string {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - keep));
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  return () => lines.map((l) => `    | ${l}`).join("\n");
}

function spawnNode(nodeArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // node itself rather than npm or npx: one process, so the pid we signal is the server itself.
  const child = spawn(process.execPath, nodeArgs, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

let bundleBuilt = false;
/** Builds the server bundle if src/ changed, outside every timed start (a build is not a start). */
function ensureBundleBuilt() {
  if (bundleBuilt) return;
  execFileSync(
    process.execPath,
    ["--input-type=module", "-e", "await (await import('./scripts/server-bundle.mjs')).ensureServerBundle()"],
    {
      cwd: REPO_ROOT,
      stdio: "inherit",
    },
  );
  bundleBuilt = true;
}

export async function startServer(database: DatabaseEnv, { timeoutMs = 120_000 } = {}): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  // As `npm start` runs it: the server bundle (scripts/start.mjs), built before the first timed start.
  ensureBundleBuilt();
  const child = spawnNode([...SERVER_NODE_FLAGS, "scripts/start.mjs"], { ...childEnv(database), PORT: String(port) });
  const tail = captureTail(child);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (hasExited(child)) return;
      const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      const [code, signal] = await exited;
      clearTimeout(killer);
      if (signal === "SIGKILL") throw new Error(`server pid ${child.pid} ignored SIGTERM for ${STOP_GRACE_MS / 1000} s and was killed`);
      if (code !== 0) throw new Error(`server pid ${child.pid} exited with ${code ?? signal} on shutdown:\n${tail()}`);
    })();
    return stopping;
  };

  while (!(await healthy(baseUrl))) {
    if (hasExited(child)) {
      throw new Error(`server exited with ${child.exitCode ?? child.signalCode} before /healthz answered:\n${tail()}`);
    }
    if (performance.now() - startedAt > timeoutMs) {
      await stop().catch(() => {});
      throw new Error(`server did not answer /healthz within ${timeoutMs / 1000} s:\n${tail()}`);
    }
    await sleep(HEALTH_POLL_MS);
  }
  const exitReport = () =>
    hasExited(child) && !stopping ? `server pid ${child.pid} exited with ${child.exitCode ?? child.signalCode}:\n${tail()}` : null;
  return { baseUrl, pid: child.pid ?? -1, coldStartMs: performance.now() - startedAt, stop, exitReport };
}

/** Runs one `npm run cli` command against the database and resolves with its wall time. */
export async function runCli(args: string[], database: DatabaseEnv): Promise<number> {
  const startedAt = performance.now();
  const child = spawnNode(["--import", "tsx", "src/cli/main.ts", ...args], childEnv(database));
  const tail = captureTail(child);
  const [code] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`cli ${args.join(" ")} failed with ${code}:\n${tail()}`);
  return performance.now() - startedAt;
}

/** A dependency's version as package.json pins it, for the report. */
export function dependencyVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  return manifest.dependencies[name] ?? "unknown";
}
