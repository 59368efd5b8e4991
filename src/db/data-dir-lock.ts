import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process: two processes opening one data directory corrupt it.
 * The server holds a pid lock file; the CLI refuses to open a directory a live server holds.
 */
export class DataDirLockedError extends Error {
  constructor(readonly pid: number) {
    super(
      `Databasen i DATA_DIR används av en körande Ansluta-server (pid ${pid}). Stoppa servern först, ` +
        "eller kör kommandot mot PostgreSQL med DATABASE_URL. / The embedded database is held by a running server; stop it first.",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "ansluta.pid");
  let holder: number | undefined;
  try {
    holder = Number.parseInt(readFileSync(file, "utf8"), 10);
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(holder);
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number.parseInt(readFileSync(file, "utf8"), 10) === process.pid) rmSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
