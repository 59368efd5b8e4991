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

async function pingWith(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    // JIT off: PostgreSQL compiles any query its planner thinks costly (the status read model over
    // every initiative is), and compiling took 0.5 s of a 0.7 s query — never repaid by queries of
    // a few milliseconds. Set at connection start, so it holds whatever the server's default.
    const pool = new pg.Pool({ connectionString: target.url, max: 10, options: "-c jit=off" });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    let ended: Promise<void> | undefined;
    return { db, kind: "postgres", ping: () => (ended ? Promise.resolve(false) : pingWith(db)), close: () => (ended ??= pool.end()) };
  }
  let client: PGlite;
  if (target.kind === "pglite") {
    await ensureEmbeddedDatabase(target.dataDir);
    client = await PGlite.create(target.dataDir);
  } else {
    client = await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
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
