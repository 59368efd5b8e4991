import type { Database } from "../../db/database.ts";
import { insertSandboxEvent, organisationIdByNumber } from "../../db/repositories/sandbox-repository.ts";
import { ORGANIZATION_NUMBER_PATTERN } from "../soap/types.ts";
import type { EmulatorEvent, EventRecorder } from "./events.ts";

/**
 * Records the emulator's events in sandbox_events. The emulator hands events over synchronously
 * and must never wait for the database, so each insert runs on its own; `flush` waits for those
 * still running (on close, and in tests before reading the events back).
 */
export type DatabaseRecorder = EventRecorder & { flush(): Promise<void> };

/**
 * Whose event it is: the organisation whose client certificate made the call, so nobody can put
 * calls into another organisation's list by naming it as sender; for a call refused for want of
 * a valid certificate, the organisation it named as sender. 16 + orgnr, matched on organisations.number.
 */
export function senderOrganisationNumber(event: EmulatorEvent): string | null {
  const id = (event.client.ok ? event.client.organisationId : null) ?? event.senderOrgNr;
  return id && ORGANIZATION_NUMBER_PATTERN.test(id) ? id.slice(2) : null;
}

export async function saveEmulatorEvent(db: Database, event: EmulatorEvent): Promise<void> {
  const orgnr = senderOrganisationNumber(event);
  await insertSandboxEvent(db, {
    id: event.callId,
    at: event.receivedAt,
    organisationId: orgnr ? await organisationIdByNumber(db, orgnr) : null,
    endpoint: event.endpoint,
    operation: event.operation,
    senderOrgNr: event.senderOrgNr,
    recipientIds: event.recipientIds,
    operatorId: event.operatorId,
    clientOrgNr: event.client.ok ? event.client.organisationId : null,
    outcome: event.outcome,
    httpStatus: event.httpStatus,
    durationMs: event.durationMs,
    faultCode: event.fault?.errorCode ?? null,
    reason: event.reason,
    checks: event.checks,
    transId: event.transId,
  });
}

export function databaseRecorder(db: Database, onError: (error: unknown, event: EmulatorEvent) => void): DatabaseRecorder {
  const pending = new Set<Promise<void>>();
  return {
    record(event) {
      const saving = saveEmulatorEvent(db, event).catch((error: unknown) => onError(error, event));
      pending.add(saving);
      void saving.finally(() => pending.delete(saving));
    },
    async flush() {
      while (pending.size) await Promise.all(pending);
    },
  };
}
