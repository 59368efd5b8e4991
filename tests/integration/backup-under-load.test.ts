import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Backup, createBackup, restoreBackup } from "../../src/db/backup.ts";
import type { Database } from "../../src/db/database.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { TEST_AUDIT_KEY, TEST_SECRETS } from "../support/test-secrets.ts";
import { type Api, parseBody, useTestWorld } from "../support/test-world.ts";

/**
 * A backup taken while the server keeps writing restores to a database that is one moment of the
 * original: every row a write committed is there with the audit entry the same transaction wrote, or
 * neither is, and the signed checkpoint ends exactly where the log does. The backup reads the log
 * before the initiatives and the flows, so tables read at different moments would show rows without
 * their audit entries. PGlite runs one transaction at a time, so there it holds by construction;
 * PostgreSQL, with the writers on other connections of the pool, is the real test.
 */
describe("a backup taken under write load", () => {
  const world = useTestWorld();
  const WRITERS = 4;

  type Row = Record<string, unknown>;
  const rowsOf = (backup: Backup, table: string) => (backup.tables[table] ?? []) as Row[];
  const ids = (rows: Row[], key = "id") => rows.map((r) => String(r[key])).sort();
  const createdIn = (backup: Backup, action: string) =>
    rowsOf(backup, "audit_log")
      .filter((e) => e.action === action)
      .map((e) => String(e.entity_id))
      .sort();

  /** One person's stream of writes: an initiative, then two flows on it, again and again until told to stop. */
  async function writeUntil(stop: { now: boolean }, api: Api, n: number): Promise<number> {
    let writes = 0;
    for (let i = 0; !stop.now; i++) {
      const res = await api.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: `Under belastning ${n}.${i}` });
      const { id } = parseBody(res, Initiative, 201);
      for (const flow of ["Bygglov", "Faktura"]) {
        const f = await api.post(`/api/v1/initiatives/${id}/flows`, {
          name: `${flow} ${n}.${i}`,
          recipientType: "privatperson",
          annualVolume: 1_000,
        });
        if (f.statusCode !== 201) throw new Error(`flow: ${f.statusCode} ${f.body}`);
      }
      writes += 3;
    }
    return writes;
  }

  const flowCount = async (db: Database) =>
    Number(((await db.execute(sql`select count(*) as n from message_flows`)) as unknown as { rows: { n: string }[] }).rows[0]?.n);

  it("restores to one consistent moment: each row with its audit entry, the chain and its checkpoint whole", async () => {
    const people = await Promise.all(Array.from({ length: WRITERS }, () => world.loginAs("plA")));
    const stop = { now: false };
    const writers = people.map((api, n) => writeUntil(stop, api, n));
    let backup: Backup;
    try {
      while ((await flowCount(world.db)) < 2 * WRITERS) await new Promise((r) => setTimeout(r, 50));
      backup = await createBackup(world.db, new Date());
      // The writers carry on after the backup, so it is taken in the middle of the load, not at its end.
      const taken = rowsOf(backup, "message_flows").length;
      while ((await flowCount(world.db)) < taken + 2 * WRITERS) await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop.now = true;
    }
    const writes = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    const finalFlows = await flowCount(world.db);
    expect(rowsOf(backup, "message_flows").length).toBeGreaterThan(0);
    expect(rowsOf(backup, "message_flows").length).toBeLessThan(finalFlows);
    expect(writes).toBeGreaterThan(rowsOf(backup, "audit_log").filter((e) => e.action === "message_flow.create").length);

    // Each table read at the same moment as the log: the rows are exactly those whose creation it records.
    expect(ids(rowsOf(backup, "initiatives"))).toEqual(createdIn(backup, "initiative.create"));
    expect(ids(rowsOf(backup, "message_flows"))).toEqual(createdIn(backup, "message_flow.create"));
    const initiatives = new Set(ids(rowsOf(backup, "initiatives")));
    expect(rowsOf(backup, "message_flows").filter((f) => !initiatives.has(String(f.initiative_id)))).toEqual([]);
    expect(rowsOf(backup, "steering_group_members").filter((m) => !initiatives.has(String(m.initiative_id)))).toEqual([]);
    const log = rowsOf(backup, "audit_log");
    expect(rowsOf(backup, "audit_checkpoints")).toMatchObject([{ last_seq: log.at(-1)?.seq, entries: log.length }]);

    // The restore inserts every table with its foreign keys checked, so a row whose parent the backup missed fails it.
    const target = await createTestDatabase();
    try {
      const restored = await restoreBackup(target.db, backup, { secrets: TEST_SECRETS });
      expect(restored.message_flows).toBe(rowsOf(backup, "message_flows").length);
      expect(await verifyAuditLog({ db: target.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY })).toMatchObject({
        ok: true,
        entries: log.length,
        expectedEntries: log.length,
      });
      expect((await createBackup(target.db, new Date())).tables).toEqual(backup.tables);
    } finally {
      await target.close();
    }
  });
});
