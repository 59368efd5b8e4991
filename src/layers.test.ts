import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of docs/ARCHITECTURE.md, read off the import statements: a rule that only lives
 * in a document is broken by the first hurried change, so each one is a test here.
 */
const SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every module a file imports, as a path under src/ for relative imports or the package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
  return specifiers.map((s) => (s.startsWith(".") ? path.relative(SRC, path.resolve(path.dirname(file), s)) : s));
}

function violations(layer: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(path.join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${path.relative(SRC, file)} → ${target}`),
  );
}

const DATABASE_DRIVERS = ["drizzle-orm", "pg", "@electric-sql/pglite"];
const isDriver = (t: string) => DATABASE_DRIVERS.some((d) => t === d || t.startsWith(`${d}/`));

describe("the layers", () => {
  it("domain code reaches data only through repositories: no driver, no schema", () => {
    expect(violations("domain", (t) => isDriver(t) || t.startsWith("db/schema"))).toEqual([]);
  });

  it("domain code never imports http, ui or the sandbox's adapters", () => {
    expect(violations("domain", (t) => t.startsWith("http/") || t.startsWith("ui/"))).toEqual([]);
  });

  it("exports and the sandbox never import ui (their text comes from i18n)", () => {
    expect([...violations("exports", (t) => t.startsWith("ui/")), ...violations("sandbox", (t) => t.startsWith("ui/"))]).toEqual([]);
  });

  it("ui never queries the database", () => {
    expect(violations("ui", (t) => isDriver(t) || t.startsWith("db/"))).toEqual([]);
  });

  it("page routes use page(): no hand-written session checks or DomainError catches", () => {
    const pages = sourceFiles(path.join(SRC, "http/routes")).filter((f) => f.endsWith(".pages.tsx"));
    const offenders = pages.filter((f) => /requireSession|instanceof DomainError/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
