// The server as plain JavaScript, built by esbuild from src/ when src/ is newer than the last build.
//
// Why: under tsx every one of the app's ~500 TypeScript files, and every file of the ESM packages it
// imports, is resolved and loaded through module hooks that Node 20 runs on a separate thread, one
// round trip each; that was most of a restart's 5 s. The bundle is one file of the app's own code
// (packages stay in node_modules, but for the design system: below), built in well under a second, so a start
// costs only what the app does. Tests, the CLI and worker threads still run the TypeScript directly.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, ".build", "server");
export const ENTRY = path.join(OUT_DIR, "start.js");

/** The newest modification time among the inputs: src/ and what decides the build. */
function newestInput() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(path.join(ROOT, "src"));
  for (const file of ["package.json", "package-lock.json", "tsconfig.json", "scripts/server-bundle.mjs"]) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/*
 * Packages stay in node_modules, loaded by Node itself, except the design system. Its index imports
 * every one of its components, and with them an icon library (1.8 MB of JavaScript) and floating-ui:
 * loaded whole, it cost the server ~11 MB of heap and ~70 MB of resident memory for the dozen
 * components the pages render. Bundled and marked free of side effects (its modules only define
 * components), esbuild keeps what the pages use: ~180 KB. React stays external, so there is one React.
 */
const TREE_SHAKEN = "@digdir/designsystemet-react";
const TREE_SHAKEN_DIR = `${path.sep}node_modules${path.sep}@digdir${path.sep}designsystemet-react${path.sep}`;
const SHARED = /^react(-dom)?(\/|$)/;
const inNodeModules = (file) => file.includes(`${path.sep}node_modules${path.sep}`);

const packagesExternalButTheDesignSystem = {
  name: "packages-external-but-the-design-system",
  setup(build) {
    // Bare specifiers: node: modules and packages.
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (SHARED.test(args.path)) return { external: true };
      // What the design system imports is bundled with it (only it is ever followed into node_modules).
      if (inNodeModules(args.importer)) return undefined;
      if (args.path !== TREE_SHAKEN) return { external: true };
      return sideEffectFree(build, args);
    });
    build.onResolve({ filter: /^\./ }, (args) => (args.importer.includes(TREE_SHAKEN_DIR) ? sideEffectFree(build, args) : undefined));
  },
};

async function sideEffectFree(build, args) {
  if (args.pluginData === "resolving") return undefined;
  const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "resolving" });
  return resolved.errors.length ? resolved : { path: resolved.path, sideEffects: false };
}

const fresh = () => existsSync(ENTRY) && statSync(ENTRY).mtimeMs >= newestInput();

/** Builds the bundle unless it is newer than every input; answers the entry module's path. */
export async function ensureServerBundle({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (fresh()) return ENTRY;
  const startedAt = performance.now();
  const { build } = await import("esbuild");
  // Built beside and moved into place whole, so a server starting meanwhile never sees half a build.
  const staging = `${OUT_DIR}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/start.ts", "src/main.ts"],
    outdir: staging,
    bundle: true,
    // Dynamic imports (the export libraries' renderers) stay separate files, loaded at first use.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [packagesExternalButTheDesignSystem],
    jsx: "automatic",
    sourcemap: "linked",
    logLevel: "warning",
  });
  rmSync(OUT_DIR, { recursive: true, force: true });
  try {
    renameSync(staging, OUT_DIR);
  } catch (error) {
    // Another start built the same sources at the same moment and moved its build in first.
    rmSync(staging, { recursive: true, force: true });
    if (!fresh()) throw error;
  }
  log(`built the server bundle in ${Math.round(performance.now() - startedAt)} ms (${path.relative(ROOT, OUT_DIR)})`);
  return ENTRY;
}

export const MAIN = path.join(OUT_DIR, "main.js");
