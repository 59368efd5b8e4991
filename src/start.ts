import { readConfig } from "./config.ts";
import { embeddedDatabaseExists, ensureEmbeddedDatabase, pgliteDir } from "./db/embedded-database.ts";
import { startupNotice } from "./startup-notice.ts";

/**
 * What `npm start` runs (from the bundle scripts/start.mjs builds), before main.ts. On a first start
 * of the embedded database it has a child process create the database while the app loads, which
 * main.ts then only has to open.
 */
const config = readConfig();
startupNotice(config, "starting: loading the application …");
if (!config.DATABASE_URL) {
  const dir = pgliteDir(config.DATA_DIR);
  if (!embeddedDatabaseExists(dir)) {
    startupNotice(config, `first start: creating the embedded database in ${dir} …`);
    // main.ts opens the database through the same function, which waits for this child; a failure
    // surfaces there, with the rest of the start's errors.
    ensureEmbeddedDatabase(dir).catch(() => {});
  }
}
await import("./main.ts");
