import type { Database } from "../../db/database.ts";
import { type AuditEntryFilter, auditFacets, listAuditEntries as list } from "../../db/repositories/audit-repository.ts";
import type { Actor } from "../access/actor.ts";
import { authorize } from "../access/policy.ts";
import { nextDay, stockholmDayStart } from "./audit-changes.ts";

export type AuditQueryOptions = Omit<AuditEntryFilter, "fromAt" | "toAt"> & {
  limit?: number;
  beforeSeq?: number | undefined;
  afterSeq?: number | undefined;
  /** Stockholm calendar days ("YYYY-MM-DD"), both included. */
  from?: string | undefined;
  to?: string | undefined;
};

export async function listAuditEntries({ db, actor, limit = 50, from, to, ...filter }: { db: Database; actor: Actor } & AuditQueryOptions) {
  authorize(actor, { action: "audit:read" });
  return list(db, {
    ...filter,
    limit: Math.min(Math.max(limit, 1), 500),
    fromAt: from ? stockholmDayStart(from) : undefined,
    toAt: to ? stockholmDayStart(nextDay(to)) : undefined,
  });
}

/** The choices the audit log's filters offer. */
export async function listAuditFacets({ db, actor }: { db: Database; actor: Actor }) {
  authorize(actor, { action: "audit:read" });
  return auditFacets(db);
}
