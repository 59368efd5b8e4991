import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { TEST_AUDIT_KEY } from "../../tests/support/test-secrets.ts";
import { SYSTEM_ACTOR } from "../domain/access/actor.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { verifyAuditLog } from "../domain/audit/verify-audit-log.ts";
import { createBackup, restoreBackup } from "./backup.ts";
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

describe("backup and restore", () => {
  it("carries the signed audit checkpoint, so the restored chain verifies under the same SECRET_KEY", async () => {
    const source = await database(4, "source");
    const backup = await createBackup(source, new Date());
    expect(backup.tables.audit_checkpoints).toMatchObject([{ entries: 4 }]);
    const target = await database(1, "target");
    await restoreBackup(target, backup);
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
    await restoreBackup(target, await createBackup(source, new Date()));
    await expect(target.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(target.execute(sql`truncate milestone_decisions cascade`)).rejects.toThrow();
  });
});
