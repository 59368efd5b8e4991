import type { Database } from "../../db/database.ts";
import { allAuditEntries, readAuditCheckpoint } from "../../db/repositories/audit-repository.ts";
import type { Actor } from "../access/actor.ts";
import { authorize } from "../access/policy.ts";
import { verifyAuditChain } from "./audit-chain.ts";
import { type AuditVerdict, judgeAuditLog } from "./audit-checkpoint.ts";

/**
 * Recomputes the chain and holds it against the signed checkpoint: the checkpoint is read first, so
 * entries committed during the walk come after its entry and count on top of it.
 */
export async function verifyAuditLog({ db, actor, key }: { db: Database; actor: Actor; key: Buffer }): Promise<AuditVerdict> {
  authorize(actor, { action: "audit:read" });
  const checkpoint = (await readAuditCheckpoint(db)) ?? null;
  const chain = await verifyAuditChain(allAuditEntries(db), checkpoint?.lastSeq);
  return judgeAuditLog(key, chain, checkpoint);
}
