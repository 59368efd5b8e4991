import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The project's folder, found from this file upwards: the folder whose package.json is Ansluta's.
 * Files read at run time (migrations, the SOAP contract, stylesheets, worker modules) are named from
 * here rather than from the reading module's own place, so the code reads the same files whether it
 * runs from src/ under tsx or from the bundle `npm start` builds (scripts/server-bundle.mjs).
 */
function findProjectRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "ansluta") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Ansluta package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

export const PROJECT_ROOT = findProjectRoot();

/** A path inside the project, e.g. fromProjectRoot("src", "db", "migrations"). */
export const fromProjectRoot = (...segments: string[]) => path.join(PROJECT_ROOT, ...segments);

/** A module inside the project as a file URL, for a worker thread to import. */
export const projectModule = (...segments: string[]) => pathToFileURL(fromProjectRoot(...segments));
