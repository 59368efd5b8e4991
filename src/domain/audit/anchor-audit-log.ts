import type { Database } from "../../db/database.ts";
import { allAuditEntries, appendAuditEntry, lockAuditChain, readAuditCheckpoint } from "../../db/repositories/audit-repository.ts";
import { type Actor, isSystemActor } from "../access/actor.ts";
import { DomainError, forbidden } from "../shared/domain-error.ts";
import { verifyAuditChain } from "./audit-chain.ts";
import { checkpointSignatureValid } from "./audit-checkpoint.ts";
import { auditContent } from "./record-audit.ts";

/**
 * Signs the log's current end as a fresh checkpoint under this SECRET_KEY: once after upgrading from
 * a version without checkpoints, after a lost or changed key, or after an alteration was looked into.
 * It vouches only for the chain as it is now, so it refuses a chain that does not verify, and records
 * itself in the log with the checkpoint it replaced. Only the operator, from the command line.
 */
export async function anchorAuditLog({ db, actor, now, key }: { db: Database; actor: Actor; now: Date; key: Buffer }) {
  if (!isSystemActor(actor)) throw forbidden("only the operator anchors the audit log, from the command line");
  return db.transaction(async (tx) => {
    await lockAuditChain(tx);
    const chain = await verifyAuditChain(allAuditEntries(tx));
    if (!chain.ok) {
      throw new DomainError(
        "VALIDATION_FAILED",
        `the chain is broken at entry ${chain.brokenAtSeq} (${chain.reason}): anchoring would vouch for it; restore a backup instead`,
      );
    }
    const previous = await readAuditCheckpoint(tx);
    const replaced = previous
      ? {
          lastSeq: previous.lastSeq,
          entries: previous.entries,
          at: previous.at,
          anomaly: previous.anomaly,
          signatureValid: checkpointSignatureValid(key, previous),
        }
      : null;
    const content = auditContent(
      actor,
      {
        action: "audit.anchor",
        entityType: "audit_log",
        entityId: "checkpoint",
        before: { checkpoint: replaced },
        after: { entries: chain.entries + 1 },
      },
      now,
    );
    const entry = await appendAuditEntry(tx, content, key, { entriesBefore: chain.entries });
    return { entries: chain.entries + 1, seq: entry.seq, replaced };
  });
}
