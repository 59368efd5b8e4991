import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database, DatabaseHandle } from "./database.ts";
import { ensureEmbeddedDatabase, pgliteDir } from "./embedded-database.ts";
import * as schema from "./schema.ts";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob };

export function targetFromConfig(config: { DATABASE_URL?: string | undefined; DATA_DIR: string }): DatabaseTarget {
  if (config.DATABASE_URL) return { kind: "postgres", url: config.DATABASE_URL };
  return { kind: "pglite", dataDir: pgliteDir(config.DATA_DIR) };
}

/**
 * How long /healthz waits for `select 1`. A database that hangs (a connection stuck behind a dead
 * network path) must not hang the probe too: a load balancer or orchestrator asks every few
 * seconds and takes no answer as no answer.
 */
export const PING_TIMEOUT_MS = 3_000;

async function pingWith(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How long one attempt to connect to PostgreSQL may take (a host that is down, a dropped SYN)
 * before it fails; a refused or reset connection fails at once anyway.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * How long a request waits for a connection from the pool (one being made, or a busy one freed)
 * before it fails with 503 DATABASE_UNAVAILABLE, rather than hanging while the database does. Long
 * enough that a burst of requests queueing behind the pool's ten connections is not refused.
 */
export const ACQUIRE_TIMEOUT_MS = 10_000;

/** pg hands the pool's own timeout to each connection it makes; this one gets the connect timeout instead. */
class BoundedClient extends pg.Client {
  constructor(config: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * The embedded PostgreSQL's shared buffers: 16 MB rather than its default 128 MB, which it zeroes in
 * WebAssembly memory at open, so an idle server held ~140 MB more than it needed (issue 16: at most
 * 300 MB idle). The embedded database is for one organisation's or a developer's data, a few MB to a
 * few hundred; pages beyond the buffers come from the operating system's file cache.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    // JIT off: PostgreSQL compiles any query its planner thinks costly (the status read model over
    // every initiative is), and compiling took 0.5 s of a 0.7 s query — never repaid by queries of
    // a few milliseconds. Set at connection start, so it holds whatever the server's default.
    // Keepalive probes find a connection whose peer vanished without a word (a failover, a dropped
    // network path), so that it errors and leaves the pool; with the operating system's default
    // probe interval that takes minutes, not for ever. Until then /healthz says 503 (PING_TIMEOUT_MS).
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      options: "-c jit=off",
      Client: BoundedClient as unknown as new () => pg.ClientBase,
      connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle client that loses its server must not crash the process; the next query reports it,
    // and the pool replaces it with a new connection, so the app recovers without a restart.
    pool.on("error", () => {});
    // Nor may a client that loses it while checked out (a transaction between two queries): with no
    // listener its error would be thrown as uncaught and end the process. Its next query fails
    // instead, and the pool drops it on release.
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    let ended: Promise<void> | undefined;
    return { db, kind: "postgres", ping: () => (ended ? Promise.resolve(false) : pingWith(db)), close: () => (ended ??= pool.end()) };
  }
  let client: PGlite;
  if (target.kind === "pglite") {
    await ensureEmbeddedDatabase(target.dataDir);
    client = await PGlite.create(target.dataDir, { startParams: EMBEDDED_START_PARAMS });
  } else {
    client = await PGlite.create({
      startParams: EMBEDDED_START_PARAMS,
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: "pglite",
    ping: () => (closed ? Promise.resolve(false) : pingWith(db)),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

/** PGlite's own client, needed only to dump a data directory for test templates. */
export async function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir("none");
}
