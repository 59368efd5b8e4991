import type { Database } from "../../db/database.ts";
import { listAuditEntries as list } from "../../db/repositories/audit-repository.ts";
import type { Actor } from "../access/actor.ts";
import { authorize } from "../access/policy.ts";

export async function listAuditEntries({
  db,
  actor,
  limit = 50,
  beforeSeq,
  organisationId,
}: {
  db: Database;
  actor: Actor;
  limit?: number;
  beforeSeq?: number | undefined;
  organisationId?: string | undefined;
}) {
  authorize(actor, { action: "audit:read" });
  return list(db, { limit: Math.min(Math.max(limit, 1), 500), beforeSeq, organisationId });
}
