import type { Check } from "../../sandbox/checks/check.ts";
import type { ConformanceEvent } from "../../sandbox/conformance/evaluate-conformance.ts";
import type { Endpoint, EventOutcome } from "../../sandbox/emulator/events.ts";
import type { SandboxEventRow } from "./sandbox-repository.ts";

/**
 * A sandbox_events row read back as the event the conformance evaluation takes. The row keeps
 * what database-recorder.ts wrote from an EmulatorEvent, except the request's size: the size
 * checks' messages begin with it ("1400000 bytes, within 2 MB …"), so it is read from there, and
 * is 0 for a call that got no size check (isReachable, a refused call).
 */
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
    requestBytes: requestBytesOf(checks),
    outcome: row.outcome as EventOutcome,
    checks,
    fault: row.faultCode === null ? null : { errorCode: row.faultCode },
  };
}

const LEADING_BYTES = /^(\d+) bytes/;

function requestBytesOf(checks: readonly Check[]): number {
  for (const id of ["delivery.size.max-2mb", "xml.size-limit"] as const) {
    const bytes = LEADING_BYTES.exec(checks.find((c) => c.id === id)?.message ?? "")?.[1];
    if (bytes !== undefined) return Number(bytes);
  }
  return 0;
}
