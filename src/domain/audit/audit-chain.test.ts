import { describe, expect, it } from "vitest";
import { type AuditContent, auditHash, auditSnapshot, type ChainedAuditEntry, GENESIS_HASH, verifyAuditChain } from "./audit-chain.ts";

function chain(contents: AuditContent[]): ChainedAuditEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const hash = auditHash(prev, c);
    const entry = { ...c, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

const content = (n: number): AuditContent => ({
  at: `2026-11-27T10:00:0${n}.000Z`,
  actorUserId: null,
  organisationId: null,
  action: "organisation.create",
  entityType: "organisation",
  entityId: `org-${n}`,
  before: null,
  after: { name: `Org ${n}`, nested: { b: 2, a: 1 } },
});

describe("audit chain", () => {
  it("verifies an untouched chain", async () => {
    const entries = chain([content(1), content(2), content(3)]);
    expect(await verifyAuditChain(entries)).toEqual({ ok: true, entries: 3, lastSeq: 3, lastHash: entries[2]?.hash, mark: null });
  });

  it("notes how many entries it had counted, and the hash, when it passed a given entry", async () => {
    const entries = chain([content(1), content(2), content(3)]);
    expect(await verifyAuditChain(entries, 2)).toMatchObject({ ok: true, entries: 3, mark: { entries: 2, hash: entries[1]?.hash } });
    expect(await verifyAuditChain(entries, 7)).toMatchObject({ ok: true, mark: null });
  });

  it("does not depend on key order (jsonb reorders keys)", () => {
    const a = auditHash(GENESIS_HASH, content(1));
    const reordered = { ...content(1), after: { nested: { a: 1, b: 2 }, name: "Org 1" } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(a);
  });

  it("finds an entry whose content was changed", async () => {
    const entries = chain([content(1), content(2), content(3)]);
    const tampered = entries.map((e) => (e.seq === 2 ? { ...e, after: { name: "Forged" } } : e));
    expect(await verifyAuditChain(tampered)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: "hash_mismatch" });
  });

  it("finds a removed entry", async () => {
    const entries = chain([content(1), content(2), content(3)]);
    expect(await verifyAuditChain([entries[0]!, entries[2]!])).toMatchObject({ ok: false, brokenAtSeq: 3, reason: "prev_hash_mismatch" });
  });

  it("keeps secrets out of snapshots and turns dates into strings", () => {
    const snap = auditSnapshot({ email: "a@b.se", passwordHash: "$argon2id$x", at: new Date("2026-01-01T00:00:00Z") });
    expect(snap).toEqual({ email: "a@b.se", at: "2026-01-01T00:00:00.000Z" });
  });
});
