import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import { fromProjectRoot } from "../project-root.ts";
import type { DatabaseHandle } from "./database.ts";

const migrationsFolder = fromProjectRoot("src", "db", "migrations");

/** A fixed advisory-lock key that only migrating uses ("migr" in ASCII). */
const MIGRATION_LOCK_KEY = 0x6d69_6772;

/**
 * Applies the versioned SQL files in src/db/migrations that have not run yet, in one transaction.
 * Both drivers record what ran in drizzle.__drizzle_migrations, so running it again is a no-op.
 * On PostgreSQL, app servers started together on a new version (or a server and the CLI's
 * db:migrate) take turns: each holds an advisory lock while it migrates, on a connection of its own
 * beside the migration's. Without it both read the same "not yet applied" and the second failed on
 * the first's CREATE TABLE, ending its start.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const db = handle.db as unknown as NodePgDatabase & { $client: pg.Pool };
  const lock = await db.$client.connect();
  try {
    await lock.query("select pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    await migratePg(db, { migrationsFolder });
  } finally {
    // Closing the connection would release the lock as well; unlocking lets the pool keep it.
    await lock.query("select pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]).then(
      () => lock.release(),
      (e: Error) => lock.release(e),
    );
  }
}
