import type { Check } from "../../sandbox/checks/check.ts";
import type { ConformanceEvent } from "../../sandbox/conformance/evaluate-conformance.ts";
import type { Endpoint, EventOutcome } from "../../sandbox/emulator/events.ts";
import type { SandboxEventRow } from "./sandbox-repository.ts";

/** A sandbox_events row read back as the event the conformance evaluation takes (database-recorder.ts wrote it from an EmulatorEvent). */
export function conformanceEventOf(row: SandboxEventRow): ConformanceEvent {
  // Written from the emulator's Check values only (database-recorder.ts).
  const checks = row.checks as Check[];
  return {
    callId: row.id,
    receivedAt: row.at,
    durationMs: row.durationMs,
    endpoint: row.endpoint as Endpoint,
    operation: row.operation as ConformanceEvent["operation"],
    operatorId: row.operatorId,
    senderOrgNr: row.senderOrgNr,
    recipientIds: row.recipientIds,
    requestBytes: row.requestBytes,
    outcome: row.outcome as EventOutcome,
    checks,
    fault: row.faultCode === null ? null : { errorCode: row.faultCode },
  };
}
