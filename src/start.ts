import { readConfig } from "./config.ts";
import { embeddedDatabaseExists, ensureEmbeddedDatabase, pgliteDir } from "./db/embedded-database.ts";
import { startupNotice } from "./startup-notice.ts";

/**
 * What `npm start` runs, before main.ts. Loading the app (tsx compiles some 450 files) takes up to
 * half a minute on a busy machine before main.ts can print anything, so this says so first; and on
 * a first start of the embedded database it has a child process create the database meanwhile,
 * which main.ts then only has to open.
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
