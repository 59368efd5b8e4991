import type { Config } from "../config.ts";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import type { DatabaseHandle } from "./database.ts";
import { migrateDatabase } from "./migrate.ts";
import { openDatabase, targetFromConfig } from "./open-database.ts";

/**
 * Opens the database the configuration names and brings its schema up to date. For the embedded
 * database it first takes the data directory's lock, which it releases on close.
 */
export async function openConfiguredDatabase(config: Config, opts: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const target = targetFromConfig(config);
  const release = target.kind === "pglite" ? acquireDataDirLock(config.DATA_DIR) : () => {};
  try {
    const handle = await openDatabase(target);
    if (opts.migrate !== false) await migrateDatabase(handle);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
