import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * The audit log is a hash chain: each entry's hash covers its own content and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every hash after it.
 * Content is serialised with RFC 8785 JSON canonicalisation so the hash does not depend on
 * key order, which jsonb does not keep.
 */
export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  at: string;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export type ChainedAuditEntry = AuditContent & { seq: number; prevHash: string; hash: string };

export function auditHash(prevHash: string, content: AuditContent): string {
  const payload = canonicalize({ prevHash, ...content });
  if (payload === undefined) throw new Error("audit content cannot be canonicalised");
  return createHash("sha256").update(payload, "utf8").digest("hex");
}

export type ChainVerdict =
  | {
      ok: true;
      entries: number;
      lastSeq: number | null;
      lastHash: string;
      /** The count and hash when the walk passed entry `markSeq` (the signed checkpoint's), or null if it never did. */
      mark: { entries: number; hash: string } | null;
    }
  | { ok: false; entries: number; brokenAtSeq: number; reason: "prev_hash_mismatch" | "hash_mismatch" };

/** Walks entries in sequence order and reports the first one that does not fit the chain. */
export async function verifyAuditChain(
  entries: Iterable<ChainedAuditEntry> | AsyncIterable<ChainedAuditEntry>,
  markSeq?: number,
): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  let lastSeq: number | null = null;
  let mark: { entries: number; hash: string } | null = null;
  for await (const e of entries) {
    count++;
    if (e.prevHash !== expectedPrev) return { ok: false, entries: count, brokenAtSeq: e.seq, reason: "prev_hash_mismatch" };
    const { seq: _seq, prevHash, hash, ...content } = e;
    if (auditHash(prevHash, content) !== hash) return { ok: false, entries: count, brokenAtSeq: e.seq, reason: "hash_mismatch" };
    expectedPrev = hash;
    lastSeq = e.seq;
    if (e.seq === markSeq) mark = { entries: count, hash };
  }
  return { ok: true, entries: count, lastSeq, lastHash: expectedPrev, mark };
}

/** Audit snapshots never carry secrets, and are plain JSON (dates as ISO strings) so they hash the same after storage. */
const SECRET_KEYS = new Set(["passwordHash", "tokenHash", "password", "token"]);

export function auditSnapshot(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v)));
}
