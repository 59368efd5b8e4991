import { recentSandboxEvents } from "../../db/repositories/sandbox-repository.ts";
import type { Check } from "../../sandbox/checks/check.ts";
import { authorize } from "../access/policy.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** The calls the emulator received from the organisation's senders, newest first. */
export async function listSandboxEvents({
  db,
  actor,
  organisationId,
  limit,
}: Omit<UseCaseContext, "now"> & { organisationId: string; limit: number }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  const rows = await recentSandboxEvents(db, organisationId, limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    endpoint: r.endpoint,
    operation: r.operation,
    senderOrgNr: r.senderOrgNr,
    recipientIds: r.recipientIds,
    operatorId: r.operatorId,
    clientOrgNr: r.clientOrgNr,
    outcome: r.outcome,
    httpStatus: r.httpStatus,
    durationMs: r.durationMs,
    faultCode: r.faultCode,
    reason: r.reason,
    // Written from the emulator's Check values only (database-recorder.ts).
    checks: r.checks as Check[],
    transId: r.transId,
  }));
}
