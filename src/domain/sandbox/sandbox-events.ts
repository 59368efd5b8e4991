import type { SandboxEventRow } from "../../db/repositories/sandbox-repository.ts";
import { recentSandboxEvents } from "../../db/repositories/sandbox-repository.ts";
import { environmentCalls } from "../../db/repositories/sandbox-run-repository.ts";
import { findEnvironmentOfInitiative } from "../../db/repositories/sandbox-setup-repository.ts";
import type { Check } from "../../sandbox/checks/check.ts";
import { authorize } from "../access/policy.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** The calls the emulator received from the organisation's senders, newest first. */
export async function listSandboxEvents({
  db,
  actor,
  organisationId,
  limit,
}: Omit<UseCaseContext, "now"> & { organisationId: string; limit: number }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  return (await recentSandboxEvents(db, organisationId, limit)).map(sandboxEventView);
}

/** The calls to the initiative's own test environment, newest first; none when it was never enabled. */
export async function listEnvironmentEvents({
  db,
  actor,
  initiativeId,
  limit,
}: Omit<UseCaseContext, "now"> & { initiativeId: string; limit: number }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
  const environment = await findEnvironmentOfInitiative(db, initiative.id);
  return environment ? (await environmentCalls(db, environment.id, { limit })).map(sandboxEventView) : [];
}

function sandboxEventView(r: SandboxEventRow) {
  return {
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
  };
}
