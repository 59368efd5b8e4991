import { asc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "../../src/db/database.ts";
import { readAuditCheckpoint } from "../../src/db/repositories/audit-repository.ts";
import { auditCheckpoints, auditLog } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { anchorAuditLog } from "../../src/domain/audit/anchor-audit-log.ts";
import { type AuditContent, auditHash, GENESIS_HASH } from "../../src/domain/audit/audit-chain.ts";
import { signCheckpoint } from "../../src/domain/audit/audit-checkpoint.ts";
import { auditKeyOf, setAuditKey } from "../../src/domain/audit/audit-key.ts";
import { recordAudit } from "../../src/domain/audit/record-audit.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { newSecretKey, parseSecretKey, secretBox } from "../../src/secrets/secret-box.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { TEST_AUDIT_KEY, TEST_SECRETS } from "../support/test-secrets.ts";
import { useTestWorld } from "../support/test-world.ts";

/**
 * The attacks issue 8 names, each done as the database owner would: triggers disabled, rows deleted,
 * the table emptied, the whole chain recomputed. The chain alone misses all of them; the checkpoint,
 * signed under a key the database does not hold, does not.
 */
// A fresh database per test rather than the file's test world: each test breaks the audit chain it verifies.
let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function freshDatabase(): Promise<Database> {
  handle = await createTestDatabase();
  return handle.db;
}

async function write(db: Database, n: number, from = 1) {
  for (let i = from; i < from + n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, { action: "test.write", entityType: "test", entityId: `e-${i}`, after: { i } }, new Date()),
    );
  }
}

const verify = (db: Database, key = TEST_AUDIT_KEY) => verifyAuditLog({ db, actor: SYSTEM_ACTOR, key });

/** As the owner: every user trigger off for the statement, back on after, as an intruder would tidy up. */
async function asOwner(db: Database, table: string, statement: string) {
  await db.execute(sql.raw(`alter table ${table} disable trigger user`));
  try {
    await db.execute(sql.raw(statement));
  } finally {
    await db.execute(sql.raw(`alter table ${table} enable trigger user`));
  }
}

/** The database's own message for a refused statement (drizzle wraps it). */
async function refusal(db: Database, statement: string): Promise<string> {
  try {
    await db.execute(sql.raw(statement));
  } catch (e) {
    const error = e as Error & { cause?: Error };
    return error.cause?.message ?? error.message;
  }
  throw new Error(`${statement} was not refused`);
}

/** Rewrites entry 2 and recomputes every hash after it, so the chain verifies by itself. */
async function recomputeChain(db: Database) {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
  await db.execute(sql`alter table audit_log disable trigger user`);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const content: AuditContent = {
      at: r.at,
      actorUserId: r.actorUserId,
      organisationId: r.organisationId,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.seq === rows[1]?.seq ? { i: "forged" } : (r.after ?? null),
    };
    const hash = auditHash(prev, content);
    await db.update(auditLog).set({ after: content.after, prevHash: prev, hash }).where(eq(auditLog.seq, r.seq));
    prev = hash;
  }
  await db.execute(sql`alter table audit_log enable trigger user`);
  return prev;
}

describe("the audit log's signed checkpoint", () => {
  it("refuses TRUNCATE of the log, the frozen decisions and the checkpoint to the application's role", async () => {
    const db = await freshDatabase();
    await write(db, 2);
    expect(await refusal(db, "truncate audit_log")).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await refusal(db, "truncate milestone_decisions cascade")).toMatch(/frozen \(TRUNCATE refused\)/);
    expect(await refusal(db, "truncate audit_checkpoints")).toMatch(/only moved forward \(TRUNCATE refused\)/);
    expect(await refusal(db, "delete from audit_checkpoints")).toMatch(/only moved forward \(DELETE refused\)/);
    expect(await verify(db)).toMatchObject({ ok: true, entries: 2, expectedEntries: 2 });
  });

  it("moves forward with every entry, signed, and verifies with as many entries found as expected", async () => {
    const db = await freshDatabase();
    expect(await verify(db)).toMatchObject({ ok: true, entries: 0, expectedEntries: 0, checkpoint: null });
    await write(db, 3);
    const checkpoint = await readAuditCheckpoint(db);
    const [last] = await db.select().from(auditLog).orderBy(sql`seq desc`).limit(1);
    expect(checkpoint).toMatchObject({ lastSeq: last?.seq, lastHash: last?.hash, entries: 3, at: last?.at, anomaly: null });
    expect(await verify(db)).toMatchObject({ ok: true, entries: 3, expectedEntries: 3, checkpoint: { lastSeq: last?.seq, entries: 3 } });
  });

  it("finds the newest entries deleted by the database owner, and says how many it expected", async () => {
    const db = await freshDatabase();
    await write(db, 5);
    const [third] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.seq)).offset(2).limit(1);
    await asOwner(db, "audit_log", `delete from audit_log where seq > ${third?.seq}`);
    expect(await verify(db)).toMatchObject({ ok: false, reason: "entries_missing", expectedEntries: 5, entries: 3 });
  });

  it("finds a log the database owner emptied with TRUNCATE", async () => {
    const db = await freshDatabase();
    await write(db, 4);
    await asOwner(db, "audit_log", "truncate audit_log");
    expect(await verify(db)).toMatchObject({ ok: false, reason: "entries_missing", expectedEntries: 4, entries: 0 });
  });

  it("finds the whole chain recomputed with new hashes, whether the owner leaves the checkpoint, forges it or removes it", async () => {
    const db = await freshDatabase();
    await write(db, 4);
    const newEnd = await recomputeChain(db);
    const recomputed = await verify(db);
    expect(recomputed).toMatchObject({ ok: false, reason: "checkpoint_mismatch", expectedEntries: 4, entries: 4 });

    // Re-signing the new end needs the key; a guess signs nothing this installation believes.
    const checkpoint = await readAuditCheckpoint(db);
    const forged = signCheckpoint(Buffer.alloc(32, 9), { ...checkpoint!, lastHash: newEnd, anomaly: null });
    await asOwner(db, "audit_checkpoints", `update audit_checkpoints set last_hash = '${forged.lastHash}', mac = '${forged.mac}'`);
    expect(await verify(db)).toMatchObject({ ok: false, reason: "checkpoint_signature_invalid", expectedEntries: null });

    await asOwner(db, "audit_checkpoints", "delete from audit_checkpoints");
    expect(await verify(db)).toMatchObject({ ok: false, reason: "checkpoint_missing", entries: 4 });
  });

  it("is not laundered by the next write: the writer records what it found, and verification keeps failing", async () => {
    const db = await freshDatabase();
    await write(db, 5);
    const before = await readAuditCheckpoint(db);
    await asOwner(db, "audit_log", `delete from audit_log where seq > ${before!.lastSeq - 2}`);
    await write(db, 2, 6);
    const verdict = await verify(db);
    expect(verdict).toMatchObject({
      ok: false,
      reason: "anomaly_recorded",
      anomaly: { problem: "entries_missing", checkpointSeq: before!.lastSeq, foundSeq: before!.lastSeq - 2 },
    });
    // Still recorded: every change the app made in the meantime is in the log.
    expect(await db.$count(auditLog)).toBe(5);
  });

  it("fails under another SECRET_KEY, and an operator's anchor re-signs the log and records that it did", async () => {
    const db = await freshDatabase();
    await write(db, 3);
    const otherSecrets = secretBox(parseSecretKey(newSecretKey()));
    expect(await verify(db, auditKeyOf(otherSecrets))).toMatchObject({ ok: false, reason: "checkpoint_signature_invalid" });
    // A server started with the other key keeps recording; the checkpoint it signs says what it found.
    setAuditKey(otherSecrets);
    try {
      await write(db, 1, 4);
    } finally {
      setAuditKey(TEST_SECRETS);
    }
    expect(await verify(db)).toMatchObject({ ok: false, reason: "checkpoint_signature_invalid" });
    expect(await verify(db, auditKeyOf(otherSecrets))).toMatchObject({
      ok: false,
      reason: "anomaly_recorded",
      anomaly: { problem: "checkpoint_signature_invalid" },
    });

    const anchored = await anchorAuditLog({ db, actor: SYSTEM_ACTOR, now: new Date(), key: TEST_AUDIT_KEY });
    expect(anchored).toMatchObject({ entries: 5, replaced: { entries: 4, signatureValid: false } });
    expect(await verify(db)).toMatchObject({ ok: true, entries: 5, expectedEntries: 5 });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "audit.anchor"));
    expect(entry?.before).toMatchObject({ checkpoint: { entries: 4, signatureValid: false } });
    await write(db, 1, 10);
    expect(await verify(db)).toMatchObject({ ok: true, entries: 6 });
  });

  it("anchors only a chain that verifies, and only for the operator", async () => {
    const db = await freshDatabase();
    await write(db, 3);
    await asOwner(db, "audit_log", `update audit_log set after = '{"i":"forged"}' where seq = (select min(seq) from audit_log)`);
    await expect(anchorAuditLog({ db, actor: SYSTEM_ACTOR, now: new Date(), key: TEST_AUDIT_KEY })).rejects.toThrow(/broken at entry/);
    const admin = { ...SYSTEM_ACTOR, userId: "11111111-1111-1111-1111-111111111111" };
    await expect(anchorAuditLog({ db, actor: admin, now: new Date(), key: TEST_AUDIT_KEY })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps concurrent writers working: every acknowledged write is in the chain and the checkpoint counts them all", async () => {
    const db = await freshDatabase();
    const writers = 60;
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, i) =>
        db.transaction((tx) =>
          recordAudit(tx, SYSTEM_ACTOR, { action: "test.concurrent", entityType: "test", entityId: `c-${i}`, after: { i } }, new Date()),
        ),
      ),
    );
    const ms = performance.now() - started;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.$count(auditLog)).toBe(writers);
    expect(await readAuditCheckpoint(db)).toMatchObject({ entries: writers, anomaly: null });
    expect(await verify(db)).toMatchObject({ ok: true, entries: writers, expectedEntries: writers });
    expect(ms).toBeLessThan(20_000);
  });

  describe("in the app", () => {
    const world = useTestWorld();

    it("shows the admin what it expected and found on the audit page, and in the API", async () => {
      const checkpoint = await readAuditCheckpoint(world.db);
      await asOwner(world.db, "audit_log", `delete from audit_log where seq > ${checkpoint!.lastSeq - 2}`);
      // Logging in records an entry; verification must still say what was cut, not launder it.
      const admin = await world.browserAs("admin");
      const page = await admin.get("/admin/audit?verify=1");
      expect(page.body).toContain("loggen har ändrats utanför Ansluta");
      const api = await world.loginAs("admin");
      expect((await api.get("/api/v1/audit/verify")).json()).toMatchObject({
        ok: false,
        reason: "anomaly_recorded",
        anomaly: { problem: "entries_missing" },
      });
      const [row] = await world.db.select().from(auditCheckpoints);
      expect(row?.anomaly).toMatchObject({ problem: "entries_missing" });
    });
  });
});
