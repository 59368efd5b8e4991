import type { Database } from "../../db/database.ts";
import { allAuditEntries } from "../../db/repositories/audit-repository.ts";
import type { Actor } from "../access/actor.ts";
import { authorize } from "../access/policy.ts";
import { type ChainVerdict, verifyAuditChain } from "./audit-chain.ts";

export async function verifyAuditLog({ db, actor }: { db: Database; actor: Actor }): Promise<ChainVerdict> {
  authorize(actor, { action: "audit:read" });
  return verifyAuditChain(allAuditEntries(db));
}
