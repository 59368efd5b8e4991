import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "../../scripts/server-node-flags.mjs";
import { pgliteDir } from "../../src/db/embedded-database.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { seedWorld } from "./test-app.ts";
import { createTestDatabaseEnv } from "./test-database.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The suite's SECRET_KEY (tests/support/test-secrets.ts): the template databases' sealed keys open with it, and the audit checkpoint is signed with it. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

export type ServerProcess = {
  readonly baseUrl: string;
  readonly pid: number;
  /** Resolves when the process has exited, with its code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the process wrote (the last 2 MB), to wait on and to explain a failure. */
  output(): string;
  /** Waits until the output written after `from` (a length of output()) matches `pattern`. */
  waitForOutput(pattern: RegExp, opts?: { from?: number; timeoutMs?: number }): Promise<void>;
  kill(signal: NodeJS.Signals): void;
};

const live = new Set<ChildProcess>();
// A test that fails between start and stop must not leave a server holding a port or a data directory.
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

const MAX_OUTPUT = 2 * 1024 * 1024;

/**
 * Ansluta as `npm start` runs it (scripts/start.mjs: the server bundle, rebuilt when src/ changed;
 * production build of React), in a process of its own on the given database, listening on
 * 127.0.0.1; resolves once /healthz answers 200. A start takes seconds on a busy machine, and a
 * first one builds the bundle, so tests that start servers have minutes, not seconds.
 */
export async function startServerProcess(
  database: Record<string, string>,
  { env = {}, timeoutMs = 120_000 }: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The developer's own database, port, mail or emulator settings must not reach the process under test.
  const { DATABASE_URL: _u, DATA_DIR: _d, SECRET_KEY: _k, PORT: _p, HOST: _h, SMTP_URL: _m, SANDBOX_PORT: _s, ...inherited } = process.env;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/start.mjs"], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      ...database,
      SECRET_KEY: TEST_SECRET_KEY,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  let text = "";
  let dropped = 0;
  const take = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    if (text.length > MAX_OUTPUT) {
      dropped += text.length - MAX_OUTPUT;
      text = text.slice(-MAX_OUTPUT);
    }
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const server: ServerProcess = {
    baseUrl,
    pid: child.pid ?? -1,
    exited,
    output: () => text,
    async waitForOutput(pattern, { from = 0, timeoutMs: limit = 30_000 } = {}) {
      const started = performance.now();
      for (;;) {
        if (pattern.test(text.slice(Math.max(0, from - dropped)))) return;
        if (hasExited()) throw new Error(`the server exited before writing ${pattern}:\n${text.slice(-4000)}`);
        if (performance.now() - started > limit)
          throw new Error(`the server did not write ${pattern} within ${limit} ms:\n${text.slice(-4000)}`);
        await sleep(20);
      }
    },
    kill: (signal) => {
      if (!hasExited()) child.kill(signal);
    },
  };

  const started = performance.now();
  for (;;) {
    if (hasExited())
      throw new Error(`the server exited with ${child.exitCode ?? child.signalCode} before /healthz answered:\n${text.slice(-4000)}`);
    const up = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
      async (r) => {
        await r.body?.cancel();
        return r.status === 200;
      },
      () => false,
    );
    if (up) return server;
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz within ${timeoutMs / 1000} s:\n${text.slice(-4000)}`);
    }
    await sleep(100);
  }
}

/** Logs in over HTTP and returns a fetch for the API with the bearer token. */
export async function apiOver(baseUrl: string, email: string, password: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login as ${email}: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return (method: string, url: string, body?: unknown, signal?: AbortSignal) =>
    fetch(`${baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
}

/**
 * A fresh database for server processes of a test's own — a PostgreSQL database from the template,
 * or an embedded DATA_DIR — with the test world's organisations and people in it (seedWorld), so a
 * first start on PGlite does not seed the demo. Closed again before a server opens it.
 */
export async function seededDatabaseEnv(dataDir: string) {
  const { env, drop } = await createTestDatabaseEnv(dataDir);
  const handle = await openDatabase(
    env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: pgliteDir(env.DATA_DIR as string) },
  );
  try {
    const world = await seedWorld(handle.db);
    return { env, drop, world };
  } finally {
    await handle.close();
  }
}

/** Opens the database a server process used, once the process has exited (PGlite allows one process at a time). */
export function openDatabaseOf(env: Record<string, string>) {
  return openDatabase(
    env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: pgliteDir(env.DATA_DIR as string) },
  );
}
