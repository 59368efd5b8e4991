import type { Database } from "../../db/database.ts";
import { appendAuditEntry } from "../../db/repositories/audit-repository.ts";
import { type Actor, isSystemActor } from "../access/actor.ts";
import { type AuditContent, auditSnapshot } from "./audit-chain.ts";
import { auditKey } from "./audit-key.ts";

export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Records one change in the caller's transaction, so the change, its audit entry and the log's
 * signed checkpoint commit together.
 */
export async function recordAudit(tx: Database, actor: Actor | null, change: AuditChange, now: Date): Promise<void> {
  await appendAuditEntry(tx, auditContent(actor, change, now), auditKey());
}

export function auditContent(actor: Actor | null, change: AuditChange, now: Date): AuditContent {
  return {
    at: now.toISOString(),
    actorUserId: actor && !isSystemActor(actor) ? actor.userId : null,
    organisationId: change.organisationId ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: auditSnapshot(change.before),
    after: auditSnapshot(change.after),
  };
}
