import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import type { Database, DatabaseHandle } from "../../src/db/database.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { auditCheckpointFitsKey } from "../../src/domain/audit/audit-checkpoint-fits-key.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { ensureSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { buildApp } from "../../src/http/app.ts";
import { apiAs, browser } from "../support/test-app.ts";
import { TEST_AUDIT_KEY, TEST_SECRETS } from "../support/test-secrets.ts";

/**
 * A database made by an earlier release upgrades to this one with its data intact. Each fixture in
 * tests/fixtures/upgrade is what scripts/make-upgrade-fixture.sh dumped after that release's own
 * migrations, demo seed and first start (its README); every one is loaded into a fresh database, this
 * version's migrations run over it, and the rows, the audit chain and the app must all come through.
 */
const FIXTURES = path.resolve("tests/fixtures/upgrade");

type Manifest = {
  ref: string;
  commit: string;
  lastMigration: string;
  login: { email: string; password: string };
  rows: Record<string, number>;
};

/**
 * What this version's migrations may change in an earlier release's rows, each named with its migration;
 * any other difference fails the test. 0022 gives the portfolio's status its own generation (row 2).
 */
const CHANGED_BY_MIGRATIONS: Record<string, (rowsBefore: unknown[], rowsAfter: unknown[]) => void> = {
  portfolio_generation: (before, after) => {
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toContainEqual({ id: 2, generation: 0 });
  },
};

const manifests = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as Manifest);

let counter = 0;
/** A fresh database holding nothing but the fixture: a new PostgreSQL database, or a new in-memory PGlite. */
async function loadFixture(ref: string): Promise<DatabaseHandle> {
  const dump = gunzipSync(readFileSync(path.join(FIXTURES, `${ref}.sql.gz`))).toString("utf8");
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ kind: "pglite-memory" });
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    await client.exec(dump);
    // The dump's SETs (row_security, check_function_bodies …) are for the load only.
    await client.exec("reset all");
    return handle;
  }
  // Named like the suite's other databases, so global-setup's teardown drops one a failed run leaves.
  const name = `ansluta_t_${process.ppid}_${process.pid}_upgrade_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const loader = new pg.Client({ connectionString: dbUrl.toString() });
  await loader.connect();
  await loader.query(dump);
  await loader.end();
  const handle = await openDatabase({ kind: "postgres", url: dbUrl.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

type Rows<T> = { rows: T[] };

/** Every table's rows as PostgreSQL renders them to JSON, in a stable order, and the migrations applied. */
async function snapshot(db: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as Rows<{ table_name: string }>;
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { table_name } of tables.rows) {
    const r = (await db.execute(
      sql.raw(`select coalesce(json_agg(t), '[]'::json)::text as rows from public."${table_name}" t`),
    )) as unknown as Rows<{ rows: string }>;
    const rows = JSON.parse(r.rows[0]?.rows ?? "[]") as Record<string, unknown>[];
    out[table_name] = rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  const migrations = (await db.execute(
    sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`,
  )) as unknown as Rows<Record<string, unknown>>;
  out["drizzle.__drizzle_migrations"] = migrations.rows;
  return out;
}

/** A row as it was: only the columns the earlier release had, so a column added since is not a difference. */
const onColumnsOf = (before: Record<string, unknown>[], rows: Record<string, unknown>[]) => {
  const columns = Object.keys(before[0] ?? {});
  return rows
    .map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
};

const currentMigrations = () =>
  (JSON.parse(readFileSync("src/db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] }).entries.length;

describe.each(manifests)("upgrading a database of $ref ($lastMigration)", (manifest) => {
  let handle: DatabaseHandle;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let after: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    handle = await loadFixture(manifest.ref);
    before = await snapshot(handle.db);
    await migrateDatabase(handle);
    after = await snapshot(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("loads the fixture as the release left it: every table's rows as its manifest counted them", () => {
    const counts = Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]));
    expect(counts).toEqual({ ...manifest.rows, "drizzle.__drizzle_migrations": Number(manifest.lastMigration.slice(0, 4)) + 1 });
    expect(manifest.rows.audit_log).toBeGreaterThan(100);
    expect(manifest.rows.initiatives).toBeGreaterThan(3);
  });

  it("applies only the migrations made since, keeping the record of those that ran", () => {
    const applied = after["drizzle.__drizzle_migrations"] ?? [];
    expect(applied).toHaveLength(currentMigrations());
    expect(applied.slice(0, before["drizzle.__drizzle_migrations"]?.length)).toEqual(before["drizzle.__drizzle_migrations"]);
  });

  it("keeps every row of every table, unchanged on the columns the release had", () => {
    for (const [table, rows] of Object.entries(before)) {
      if (table === "drizzle.__drizzle_migrations") continue;
      const now = after[table];
      expect(now, `table ${table} is gone`).toBeDefined();
      const check = CHANGED_BY_MIGRATIONS[table];
      if (check) check(rows, now ?? []);
      else expect(onColumnsOf(rows, now ?? []), `rows of ${table}`).toEqual(rows);
    }
  });

  it("verifies the audit chain against the release's signed checkpoint, and start-up opens its sealed keys", async () => {
    expect(await verifyAuditLog({ db: handle.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY })).toMatchObject({
      ok: true,
      entries: manifest.rows.audit_log,
      expectedEntries: manifest.rows.audit_log,
    });
    expect(await auditCheckpointFitsKey(handle.db, TEST_AUDIT_KEY)).toBe(true);
    // The test CA the release made and sealed: start-up uses it as it is, and makes no new one.
    const authority = await ensureSandboxAuthority(handle.db, { now: new Date(), secrets: TEST_SECRETS });
    expect(authority).toBeDefined();
    const authorities = (await handle.db.execute(sql`select id from sandbox_authorities`)) as unknown as Rows<{ id: string }>;
    expect(authorities.rows.map((r) => r.id)).toEqual(before.sandbox_authorities?.map((r) => r.id));
  });

  it("serves the release's user a page and the API, takes a change, and the chain still verifies after it", async () => {
    const app = await buildApp({
      handle,
      config: readConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://ansluta.test" }),
      secrets: TEST_SECRETS,
      logger: false,
    });
    try {
      await app.ready();
      const { email, password } = manifest.login;
      const api = await apiAs(app, email, password);
      const me = await api.get("/api/v1/me");
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ email });
      const list = await api.get("/api/v1/initiatives");
      expect(list.statusCode).toBe(200);
      const initiatives = (list.json() as { initiatives: { id: string; name: string }[] }).initiatives;
      const user = before.users?.find((u) => u.email === email);
      const mine = new Set(before.memberships?.filter((m) => m.user_id === user?.id).map((m) => m.organisation_id));
      const expected = before.initiatives?.filter((i) => mine.has(i.organisation_id)) ?? [];
      expect(expected.length).toBeGreaterThan(0);
      expect(initiatives.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());

      const b = browser(app);
      expect((await b.post("/login", { email, password, next: "/" })).statusCode).toBe(303);
      const first = expected[0] as { id: string; name: string };
      const page = await b.get(`/initiatives/${first.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(first.name.replaceAll("&", "&amp;"));

      const activity = before.activity_progress?.find((a) => a.initiative_id === first.id) as { activity_id: string };
      const changed = await api.put(`/api/v1/initiatives/${first.id}/activities/${activity.activity_id}`, { status: "done" });
      expect(changed.statusCode).toBe(200);
      expect(await verifyAuditLog({ db: handle.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
