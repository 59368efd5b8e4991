import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";
import type { ChainVerdict } from "./audit-chain.ts";

/**
 * The audit log's signed checkpoint: where the chain ends (last seq and hash), how many entries it
 * holds, and an HMAC-SHA256 over that under a key derived from SECRET_KEY, which the database never
 * holds. The chain alone shows that nothing in the middle changed; the checkpoint shows that nothing
 * was cut off the end, that the log was not emptied, and that it was not recomputed from scratch,
 * because whoever did so cannot sign the new end. Every writer moves it forward in the same
 * transaction as its entry, under the chain's lock.
 */
export type AuditCheckpoint = {
  lastSeq: number;
  lastHash: string;
  entries: number;
  /** The `at` of the entry it ends with. */
  at: string;
  /** Set once a writer found the log not ending where the checkpoint said; kept, signed, in every checkpoint after. */
  anomaly: CheckpointAnomaly | null;
};

export type SignedAuditCheckpoint = AuditCheckpoint & { mac: string };

export type CheckpointProblem =
  /** Entries, but no checkpoint: removed, or a log from before checkpoints (then `audit:anchor` once). */
  | "checkpoint_missing"
  /** Not signed with this SECRET_KEY's audit key: altered, or written under another key. */
  | "checkpoint_signature_invalid"
  /** The log ends before the checkpoint's entry: its newest entries were removed, or all of them. */
  | "entries_missing"
  /** The entry at the checkpoint is not the one signed, or entries follow that no writer signed: the chain was rewritten. */
  | "checkpoint_mismatch";

/** What a writer found wrong, when, and where the log ended then compared with the checkpoint. */
export type CheckpointAnomaly = { at: string; problem: CheckpointProblem; checkpointSeq: number | null; foundSeq: number | null };

/** The chain's last entry as a writer finds it, under the chain's lock, before appending. */
export type ChainHead = { seq: number; hash: string };

function message(c: AuditCheckpoint): string {
  const text = canonicalize({ v: 1, lastSeq: c.lastSeq, lastHash: c.lastHash, entries: c.entries, at: c.at, anomaly: c.anomaly });
  if (text === undefined) throw new Error("audit checkpoint cannot be canonicalised");
  return text;
}

const mac = (key: Buffer, c: AuditCheckpoint) => createHmac("sha256", key).update(message(c), "utf8").digest("hex");

export function signCheckpoint(key: Buffer, checkpoint: AuditCheckpoint): SignedAuditCheckpoint {
  return { ...checkpoint, mac: mac(key, checkpoint) };
}

export function checkpointSignatureValid(key: Buffer, checkpoint: SignedAuditCheckpoint): boolean {
  const expected = Buffer.from(mac(key, checkpoint), "hex");
  const given = Buffer.from(checkpoint.mac, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Null when the log ends where its signed checkpoint says (or both are empty); otherwise what is wrong. */
export function headDiscrepancy(key: Buffer, checkpoint: SignedAuditCheckpoint | null, head: ChainHead | null): CheckpointProblem | null {
  if (!checkpoint) return head ? "checkpoint_missing" : null;
  if (!checkpointSignatureValid(key, checkpoint)) return "checkpoint_signature_invalid";
  if (!head || head.seq < checkpoint.lastSeq) return "entries_missing";
  if (head.seq !== checkpoint.lastSeq || head.hash !== checkpoint.lastHash) return "checkpoint_mismatch";
  return null;
}

/**
 * The checkpoint after appending `appended`. A writer that finds the log altered still writes
 * (refusing would stop every change in the organisation), but records what it found in the
 * checkpoint, signed, so the next write cannot launder the alteration and `audit:verify` keeps
 * reporting it until an operator re-anchors the log (`audit:anchor`).
 */
export function nextCheckpoint({
  key,
  previous,
  head,
  problem,
  entriesBefore,
  appended,
}: {
  key: Buffer;
  previous: SignedAuditCheckpoint | null;
  head: ChainHead | null;
  problem: CheckpointProblem | null;
  /** Entries before this one: the previous checkpoint's count when it fits, else counted in the table. */
  entriesBefore: number;
  appended: ChainHead & { at: string };
}): SignedAuditCheckpoint {
  // A previous anomaly is only believed under a valid signature; the first one found is the one kept.
  const signedBefore = previous && problem !== "checkpoint_signature_invalid" ? previous.anomaly : null;
  const found: CheckpointAnomaly | null = problem
    ? { at: appended.at, problem, checkpointSeq: previous?.lastSeq ?? null, foundSeq: head?.seq ?? null }
    : null;
  return signCheckpoint(key, {
    lastSeq: appended.seq,
    lastHash: appended.hash,
    entries: entriesBefore + 1,
    at: appended.at,
    anomaly: signedBefore ?? found,
  });
}

export type AuditFailure = "prev_hash_mismatch" | "hash_mismatch" | CheckpointProblem | "anomaly_recorded";

export type AuditVerdict =
  | {
      ok: true;
      entries: number;
      /** What the signed checkpoint vouches for, plus any entries written after it was read. */
      expectedEntries: number;
      lastHash: string;
      checkpoint: { lastSeq: number; entries: number; at: string } | null;
    }
  | {
      ok: false;
      /** Entries read (up to the break, when the chain itself breaks). */
      entries: number;
      /** Null when there is no checkpoint to believe. */
      expectedEntries: number | null;
      reason: AuditFailure;
      brokenAtSeq?: number;
      anomaly?: CheckpointAnomaly;
    };

/**
 * Judges the walked chain against the checkpoint read just before the walk. Entries written after
 * that read follow the checkpoint's entry and are counted on top of it.
 */
export function judgeAuditLog(key: Buffer, chain: ChainVerdict, checkpoint: SignedAuditCheckpoint | null): AuditVerdict {
  const signed = checkpoint && checkpointSignatureValid(key, checkpoint) ? checkpoint : null;
  if (!chain.ok) {
    return {
      ok: false,
      entries: chain.entries,
      expectedEntries: signed?.entries ?? null,
      reason: chain.reason,
      brokenAtSeq: chain.brokenAtSeq,
    };
  }
  const fail = (reason: AuditFailure, expectedEntries: number | null, extra: { brokenAtSeq?: number; anomaly?: CheckpointAnomaly } = {}) =>
    ({ ok: false, entries: chain.entries, expectedEntries, reason, ...extra }) as const;
  if (!checkpoint) {
    return chain.entries === 0
      ? { ok: true, entries: 0, expectedEntries: 0, lastHash: chain.lastHash, checkpoint: null }
      : fail("checkpoint_missing", null);
  }
  if (!signed) return fail("checkpoint_signature_invalid", null);
  if (chain.lastSeq === null || chain.lastSeq < signed.lastSeq) return fail("entries_missing", signed.entries);
  const after = chain.mark ? chain.entries - chain.mark.entries : 0;
  if (!chain.mark || chain.mark.hash !== signed.lastHash || chain.mark.entries !== signed.entries) {
    return fail("checkpoint_mismatch", signed.entries + after, { brokenAtSeq: signed.lastSeq });
  }
  if (signed.anomaly) return fail("anomaly_recorded", signed.entries + after, { anomaly: signed.anomaly });
  return {
    ok: true,
    entries: chain.entries,
    expectedEntries: signed.entries + after,
    lastHash: chain.lastHash,
    checkpoint: { lastSeq: signed.lastSeq, entries: signed.entries, at: signed.at },
  };
}
