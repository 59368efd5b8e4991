import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.ts";
import { migrateDatabase } from "./migrate.ts";
import { openDatabase } from "./open-database.ts";

// The embedded database is one process's: nobody else can be migrating it at the same time.
describe.runIf(process.env.DATABASE_URL)("migrating PostgreSQL from several app servers at once (PostgreSQL only)", () => {
  const admin = process.env.DATABASE_URL as string;
  const name = `ansluta_t_migrate_${process.pid}`;
  const handles: DatabaseHandle[] = [];

  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await run(`drop database if exists ${name} with (force)`);
    await run(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    // Three servers' pools: to PostgreSQL as separate as three processes.
    for (let i = 0; i < 3; i++) handles.push(await openDatabase({ kind: "postgres", url: url.toString() }));
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
    await run(`drop database if exists ${name} with (force)`);
  });

  it("lets servers started together on an empty database all come up, each migration applied once", async () => {
    const outcomes = await Promise.allSettled(handles.map((h) => migrateDatabase(h)));
    expect(outcomes.map((o) => (o.status === "rejected" ? String(o.reason) : "ok"))).toEqual(handles.map(() => "ok"));
    const db = handles[0]?.db;
    const applied = (await db?.execute(sql`select hash from drizzle.__drizzle_migrations`)) as unknown as { rows: { hash: string }[] };
    expect(new Set(applied.rows.map((r) => r.hash)).size).toBe(applied.rows.length);
    // No lock left behind for the next start to wait on.
    const held = (await db?.execute(
      sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(held.rows[0]?.n).toBe(0);
  });
});
