import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedDatabaseExists, ensureEmbeddedDatabase } from "./embedded-database.ts";

const root = mkdtempSync(path.join(tmpdir(), "ansluta-embedded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("ensureEmbeddedDatabase", () => {
  it("creates the database in a child process, once for concurrent callers, and leaves nothing beside it", async () => {
    const dir = path.join(root, "data", "pglite");
    const first = ensureEmbeddedDatabase(dir);
    expect(ensureEmbeddedDatabase(dir)).toBe(first);
    await first;
    expect(embeddedDatabaseExists(dir)).toBe(true);
    expect(readdirSync(path.dirname(dir))).toEqual(["pglite"]);
    const db = await PGlite.create(dir);
    try {
      expect((await db.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
    // Opening an existing one asks for no child at all.
    await ensureEmbeddedDatabase(dir);
  }, 180_000);

  it("leaves a folder that holds files but no database to PGlite", async () => {
    const dir = path.join(root, "foreign");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "note.txt"), "not a database");
    await ensureEmbeddedDatabase(dir);
    expect(readdirSync(dir)).toEqual(["note.txt"]);
  });
});
