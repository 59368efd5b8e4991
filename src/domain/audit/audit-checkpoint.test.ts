import { describe, expect, it } from "vitest";
import { type AuditContent, auditHash, type ChainedAuditEntry, GENESIS_HASH, verifyAuditChain } from "./audit-chain.ts";
import {
  type AuditCheckpoint,
  checkpointSignatureValid,
  headDiscrepancy,
  judgeAuditLog,
  nextCheckpoint,
  type SignedAuditCheckpoint,
  signCheckpoint,
} from "./audit-checkpoint.ts";

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);

const content = (n: number, note = "real"): AuditContent => ({
  at: `2026-11-27T10:00:${String(n).padStart(2, "0")}.000Z`,
  actorUserId: null,
  organisationId: null,
  action: "organisation.create",
  entityType: "organisation",
  entityId: `org-${n}`,
  before: null,
  after: { name: `Org ${n}`, note },
});

/** A chain as the writer builds it, with the checkpoint it leaves behind. */
function written(n: number, note = "real"): { entries: ChainedAuditEntry[]; checkpoint: SignedAuditCheckpoint | null } {
  let prev = GENESIS_HASH;
  let checkpoint: SignedAuditCheckpoint | null = null;
  const entries: ChainedAuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const c = content(seq, note);
    const hash = auditHash(prev, c);
    const head = entries.length ? { seq: seq - 1, hash: prev } : null;
    checkpoint = nextCheckpoint({
      key,
      previous: checkpoint,
      head,
      problem: headDiscrepancy(key, checkpoint, head),
      entriesBefore: checkpoint?.entries ?? 0,
      appended: { seq, hash, at: c.at },
    });
    entries.push({ ...c, seq, prevHash: prev, hash });
    prev = hash;
  }
  return { entries, checkpoint };
}

const judge = async (entries: ChainedAuditEntry[], checkpoint: SignedAuditCheckpoint | null, k = key) =>
  judgeAuditLog(k, await verifyAuditChain(entries, checkpoint?.lastSeq), checkpoint);

describe("the audit log's signed checkpoint", () => {
  const plain: AuditCheckpoint = { lastSeq: 3, lastHash: "a".repeat(64), entries: 3, at: "2026-11-27T10:00:03.000Z", anomaly: null };

  it("is signed under the key, and any change to it, or another key, breaks the signature", () => {
    const signed = signCheckpoint(key, plain);
    expect(signed.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointSignatureValid(key, signed)).toBe(true);
    expect(checkpointSignatureValid(otherKey, signed)).toBe(false);
    for (const change of [
      { lastSeq: 2 },
      { entries: 2 },
      { lastHash: "b".repeat(64) },
      { at: "2026-11-28T00:00:00.000Z" },
      { mac: "00" },
    ]) {
      expect(checkpointSignatureValid(key, { ...signed, ...change })).toBe(false);
    }
  });

  it("tells a writer whether the log still ends where the checkpoint says", () => {
    const signed = signCheckpoint(key, plain);
    expect(headDiscrepancy(key, null, null)).toBeNull();
    expect(headDiscrepancy(key, signed, { seq: 3, hash: plain.lastHash })).toBeNull();
    expect(headDiscrepancy(key, null, { seq: 3, hash: plain.lastHash })).toBe("checkpoint_missing");
    expect(headDiscrepancy(otherKey, signed, { seq: 3, hash: plain.lastHash })).toBe("checkpoint_signature_invalid");
    expect(headDiscrepancy(key, signed, { seq: 2, hash: "c".repeat(64) })).toBe("entries_missing");
    expect(headDiscrepancy(key, signed, null)).toBe("entries_missing");
    expect(headDiscrepancy(key, signed, { seq: 3, hash: "c".repeat(64) })).toBe("checkpoint_mismatch");
    expect(headDiscrepancy(key, signed, { seq: 4, hash: "c".repeat(64) })).toBe("checkpoint_mismatch");
  });

  it("counts on from a checkpoint that fits, and keeps the first anomaly it found, signed, in every checkpoint after", () => {
    const signed = signCheckpoint(key, plain);
    const appended = (seq: number) => ({ seq, hash: `${seq}`.repeat(64).slice(0, 64), at: `2026-11-27T11:00:0${seq}.000Z` });
    const next = nextCheckpoint({
      key,
      previous: signed,
      head: { seq: 3, hash: plain.lastHash },
      problem: null,
      entriesBefore: 3,
      appended: appended(4),
    });
    expect(next).toMatchObject({ lastSeq: 4, entries: 4, anomaly: null });
    const found = nextCheckpoint({
      key,
      previous: next,
      head: { seq: 2, hash: "x" },
      problem: "entries_missing",
      entriesBefore: 2,
      appended: appended(5),
    });
    expect(found).toMatchObject({
      lastSeq: 5,
      entries: 3,
      anomaly: { problem: "entries_missing", checkpointSeq: 4, foundSeq: 2, at: appended(5).at },
    });
    const later = nextCheckpoint({
      key,
      previous: found,
      head: { seq: 5, hash: found.lastHash },
      problem: null,
      entriesBefore: 3,
      appended: appended(6),
    });
    expect(later.anomaly).toEqual(found.anomaly);
    expect(checkpointSignatureValid(key, later)).toBe(true);
  });

  it("does not believe an anomaly, or its absence, under a signature that does not verify", () => {
    const forged = { ...signCheckpoint(key, plain), anomaly: null, entries: 99 };
    const next = nextCheckpoint({
      key,
      previous: forged,
      head: { seq: 3, hash: plain.lastHash },
      problem: "checkpoint_signature_invalid",
      entriesBefore: 3,
      appended: { seq: 4, hash: "d".repeat(64), at: "2026-11-27T12:00:00.000Z" },
    });
    expect(next).toMatchObject({ entries: 4, anomaly: { problem: "checkpoint_signature_invalid", checkpointSeq: 3, foundSeq: 3 } });
  });
});

describe("verifying the log against its checkpoint", () => {
  it("passes an untouched log, with as many entries found as expected", async () => {
    const { entries, checkpoint } = written(5);
    expect(await judge(entries, checkpoint)).toMatchObject({
      ok: true,
      entries: 5,
      expectedEntries: 5,
      checkpoint: { lastSeq: 5, entries: 5 },
    });
    expect(await judge([], null)).toMatchObject({ ok: true, entries: 0, expectedEntries: 0 });
  });

  it("counts entries written after the checkpoint was read on top of it", async () => {
    const { entries } = written(6);
    const { checkpoint } = written(4);
    expect(await judge(entries, checkpoint)).toMatchObject({ ok: true, entries: 6, expectedEntries: 6 });
  });

  it("finds the newest entries removed, and an emptied log, and says how many it expected", async () => {
    const { entries, checkpoint } = written(5);
    expect(await judge(entries.slice(0, 3), checkpoint)).toMatchObject({
      ok: false,
      reason: "entries_missing",
      expectedEntries: 5,
      entries: 3,
    });
    expect(await judge([], checkpoint)).toMatchObject({ ok: false, reason: "entries_missing", expectedEntries: 5, entries: 0 });
  });

  it("finds a chain recomputed from scratch, which verifies by itself, at the checkpoint's entry", async () => {
    const { checkpoint } = written(5);
    const { entries: recomputed } = written(5, "forged");
    expect((await verifyAuditChain(recomputed)).ok).toBe(true);
    expect(await judge(recomputed, checkpoint)).toMatchObject({ ok: false, reason: "checkpoint_mismatch", brokenAtSeq: 5 });
    // Entries appended after a cut, recomputed onwards: the checkpoint's own entry is not the one signed.
    const { entries: longer } = written(7, "forged");
    expect(await judge(longer, checkpoint)).toMatchObject({ ok: false, reason: "checkpoint_mismatch", brokenAtSeq: 5 });
  });

  it("believes no checkpoint signed under another key, and no log without one", async () => {
    const { entries, checkpoint } = written(3);
    expect(await judge(entries, checkpoint, otherKey)).toMatchObject({
      ok: false,
      reason: "checkpoint_signature_invalid",
      expectedEntries: null,
    });
    expect(await judge(entries, null)).toMatchObject({ ok: false, reason: "checkpoint_missing", entries: 3 });
  });

  it("keeps failing once a writer recorded an anomaly, though the chain and checkpoint fit again", async () => {
    const { entries, checkpoint } = written(3);
    const c = content(4);
    const hash = auditHash(entries[2]!.hash, c);
    const withAnomaly = nextCheckpoint({
      key,
      previous: checkpoint,
      head: { seq: 3, hash: entries[2]!.hash },
      problem: "checkpoint_mismatch",
      entriesBefore: 3,
      appended: { seq: 4, hash, at: c.at },
    });
    const after = [...entries, { ...c, seq: 4, prevHash: entries[2]!.hash, hash }];
    expect(await judge(after, withAnomaly)).toMatchObject({
      ok: false,
      reason: "anomaly_recorded",
      anomaly: { problem: "checkpoint_mismatch" },
    });
  });

  it("reports a broken chain first", async () => {
    const { entries, checkpoint } = written(3);
    const tampered = entries.map((e) => (e.seq === 2 ? { ...e, after: { name: "Forged" } } : e));
    expect(await judge(tampered, checkpoint)).toMatchObject({ ok: false, reason: "hash_mismatch", brokenAtSeq: 2 });
  });
});
