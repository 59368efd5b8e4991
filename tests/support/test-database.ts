import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.ts";
import { pgliteDir } from "../../src/db/embedded-database.ts";
import { openDatabase } from "../../src/db/open-database.ts";

let counter = 0;

/** A fresh, migrated, empty database for one test file, on whichever engine the run targets. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `ansluta_t_${process.ppid}_${process.pid}_${counter++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
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
  const dump = readFileSync(inject("pgliteTemplate"));
  return openDatabase({ kind: "pglite-memory", loadDataDir: new Blob([dump]) });
}

/**
 * The environment a separate process (the CLI) needs to reach a fresh database of its own:
 * a new PostgreSQL database from the template, or an embedded data directory unpacked from the
 * template's dump. An empty directory would cost PGlite's initdb and every migration on first open
 * (5–20 s each, most of what made the CLI's tests take over a minute).
 */
export async function createTestDatabaseEnv(dataDir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    cpSync(await cleanPgliteDir(), pgliteDir(dataDir), { recursive: true });
    return { env: { DATA_DIR: dataDir }, drop: async () => {} };
  }
  const name = `ansluta_t_${process.ppid}_${process.pid}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: dbUrl.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let cleanDir: Promise<string> | undefined;
/**
 * The template unpacked on disk once per test process and closed cleanly: the dump was taken from a
 * running database, so the first start on it replays the log (twice the cost of a plain start).
 * The dump is a plain tar of PGlite's data directory, the layout PGlite keeps on disk.
 */
function cleanPgliteDir(): Promise<string> {
  cleanDir ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ansluta-pglite-template-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    execFileSync("tar", ["-xf", inject("pgliteTemplate"), "-C", dir], { stdio: "ignore" });
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    await handle.close();
    return dir;
  })();
  return cleanDir;
}
