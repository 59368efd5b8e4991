import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fromProjectRoot } from "../project-root.ts";

/**
 * Making a new embedded database (PostgreSQL's initdb, compiled to WebAssembly, run beside a
 * temporary PostgreSQL) takes PGlite some 20 s and lifts the process to ~700 MB, most of it
 * WebAssembly memory that the process only gives back slowly, if at all; opening one that exists
 * needs about a third of that. So a new one is made by a child process that exits when it is done,
 * and the server only ever opens an existing one: its peak no longer depends on whether it is the
 * first start. `npm start` (src/start.ts) begins this while the app is still loading.
 */
/** Where PGlite keeps its files inside DATA_DIR. */
export const pgliteDir = (dataDir: string): string => path.resolve(dataDir, "pglite");

export const embeddedDatabaseExists = (dir: string): boolean => existsSync(path.join(dir, "PG_VERSION"));

const INITDB = `
import { PGlite } from "@electric-sql/pglite";
const db = await PGlite.create(process.argv[1]);
await db.close();
`;

// Run from this folder so that the child resolves @electric-sql/pglite from the app's node_modules.
const here = fromProjectRoot("src", "db");
const making = new Map<string, Promise<void>>();

/** Makes the embedded database in `dir` unless it exists; concurrent callers share one child. */
export function ensureEmbeddedDatabase(dir: string): Promise<void> {
  const target = path.resolve(dir);
  // A folder with files but no PG_VERSION is not ours to replace: PGlite decides what to do with it.
  if (embeddedDatabaseExists(target) || (existsSync(target) && readdirSync(target).length > 0)) return Promise.resolve();
  let pending = making.get(target);
  if (!pending) {
    pending = makeInChild(target).finally(() => making.delete(target));
    making.set(target, pending);
  }
  return pending;
}

async function makeInChild(target: string): Promise<void> {
  // Made beside the target and renamed into place, so a start stopped half-way leaves no half-made
  // database, and two starts at once never write into the same folder (the data directory's lock is
  // only taken later, when the database is opened).
  mkdirSync(path.dirname(target), { recursive: true });
  const staging = `${target}.new-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const stderr: Buffer[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "--eval", INITDB, staging], {
      cwd: here,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (exitCode !== 0 || !embeddedDatabaseExists(staging)) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not create the embedded database in ${target}: ${Buffer.concat(stderr).toString().trim()}`);
  }
  try {
    // rename() replaces an empty folder but never one with files, so a database made meanwhile by another start wins.
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!embeddedDatabaseExists(target)) throw error;
  }
}
