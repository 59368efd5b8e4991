import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { TEST_AUDIT_KEY, TEST_SECRETS } from "../../tests/support/test-secrets.ts";
import { SYSTEM_ACTOR } from "../domain/access/actor.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { verifyAuditLog } from "../domain/audit/verify-audit-log.ts";
import { newSecretKey, parseSecretKey, secretBox } from "../secrets/secret-box.ts";
import { BACKUP_TABLES, type Backup, BackupKeyMismatchError, createBackup, restoreBackup } from "./backup.ts";
import type { Database, DatabaseHandle } from "./database.ts";

const handles: DatabaseHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

/** A test database: the suite's template holds a sandbox authority sealed under TEST_SECRETS. */
async function database(entries: number, tag: string): Promise<Database> {
  const h = await createTestDatabase();
  handles.push(h);
  for (let i = 0; i < entries; i++) {
    await h.db.transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, { action: `test.${tag}`, entityType: "test", entityId: `${tag}-${i}`, after: { i } }, new Date()),
    );
  }
  return h.db;
}

const otherSecrets = () => secretBox(parseSecretKey(newSecretKey()));
const auditRows = async (db: Database) => ((await createBackup(db, new Date())).tables.audit_log ?? []).length;

describe("backup and restore", () => {
  it("names every table of the schema, so a table added later is not left out of backups", async () => {
    const db = await database(0, "tables");
    const result = (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as unknown as { rows: { table_name: string }[] };
    // Left out today: the login throttle's counters (docs/decisions/009). Named here, so leaving out another table is a decision too.
    // The portfolio generation is a cache marker, not data: a restore starts it afresh.
    // A sign-in under way with a provider lives minutes and is bound to the browser that started it: restored, it could only expire.
    const notBackedUp = ["login_throttle", "portfolio_generation", "oidc_login_attempts"];
    expect(BACKUP_TABLES.map((t) => t.name).sort()).toEqual(
      result.rows
        .map((r) => r.table_name)
        .filter((t) => !notBackedUp.includes(t))
        .sort(),
    );
  });

  it("carries the signed audit checkpoint, so the restored chain verifies under the same SECRET_KEY", async () => {
    const source = await database(4, "source");
    const backup = await createBackup(source, new Date());
    expect(backup.tables.audit_checkpoints).toMatchObject([{ entries: 4 }]);
    const target = await database(1, "target");
    await restoreBackup(target, backup, { secrets: TEST_SECRETS });
    expect((await createBackup(target, new Date())).tables).toEqual(backup.tables);
    expect(await verifyAuditLog({ db: target, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY })).toMatchObject({
      ok: true,
      entries: 4,
      expectedEntries: 4,
    });
  });

  it("puts the TRUNCATE guards back: after a restore the log still refuses TRUNCATE", async () => {
    const source = await database(2, "source");
    const target = await database(0, "target");
    await restoreBackup(target, await createBackup(source, new Date()), { secrets: TEST_SECRETS });
    await expect(target.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(target.execute(sql`truncate milestone_decisions cascade`)).rejects.toThrow();
  });

  it("refuses, before writing anything, a backup whose sealed keys do not open with this SECRET_KEY", async () => {
    const source = await database(2, "source");
    const backup = await createBackup(source, new Date());
    expect(backup.tables.sandbox_authorities).toHaveLength(1);
    const target = await database(3, "target");
    const restoring = restoreBackup(target, backup, { secrets: otherSecrets() });
    await expect(restoring).rejects.toThrow(BackupKeyMismatchError);
    await expect(restoring).rejects.toThrow(/förseglade nycklar.*SECRET_KEY.*Nothing was restored/s);
    expect(await auditRows(target)).toBe(3);
  });

  it("refuses a backup whose audit checkpoint was signed under another key, with no sealed keys to tell", async () => {
    const source = await database(2, "source");
    const backup: Backup = { ...(await createBackup(source, new Date())) };
    backup.tables = { ...backup.tables, sandbox_authorities: [] };
    const target = await database(1, "target");
    await expect(restoreBackup(target, backup, { secrets: otherSecrets() })).rejects.toThrow(/kontrollpunkt.*audit checkpoint/s);
    expect(await auditRows(target)).toBe(1);
  });
});
