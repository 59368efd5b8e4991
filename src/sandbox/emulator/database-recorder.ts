import type { Database } from "../../db/database.ts";
import { insertSandboxEventWithMessages, organisationIdByNumber } from "../../db/repositories/sandbox-repository.ts";
import { ORGANIZATION_NUMBER_PATTERN } from "../soap/types.ts";
import { DELIVERY_CONTENTS_KEPT, type EmulatorEvent, type EventRecorder } from "./events.ts";
import { RefusalBudget } from "./refusal-budget.ts";

/**
 * Records the emulator's events in sandbox_events, with a delivery's messages in sandbox_messages
 * in the same transaction. The emulator hands events over synchronously and must never wait for
 * the database, so each insert runs on its own; `flush` waits for those still running (on close,
 * and in tests before reading the events back).
 */
export type DatabaseRecorder = EventRecorder & { flush(): Promise<void> };

/**
 * Whose event it is, when no environment says so (a call to no or an unknown environment): the
 * organisation whose client certificate made the call, so nobody can put calls into another
 * organisation's list by naming it as sender; for a call without a valid certificate, the
 * organisation it named as sender. 16 + orgnr, matched on organisations.number.
 */
export function senderOrganisationNumber(event: EmulatorEvent): string | null {
  const id = (event.client.ok ? event.client.organisationId : null) ?? event.senderOrgNr;
  return id && ORGANIZATION_NUMBER_PATTERN.test(id) ? id.slice(2) : null;
}

async function organisationOf(db: Database, event: EmulatorEvent): Promise<string | null> {
  if (event.organisationId) return event.organisationId;
  const orgnr = senderOrganisationNumber(event);
  return orgnr ? await organisationIdByNumber(db, orgnr) : null;
}

export async function saveEmulatorEvent(db: Database, event: EmulatorEvent): Promise<void> {
  await insertSandboxEventWithMessages(
    db,
    {
      id: event.callId,
      at: event.receivedAt,
      organisationId: await organisationOf(db, event),
      environmentId: event.environmentId,
      loadTestId: event.loadTestId,
      endpoint: event.endpoint,
      operation: event.operation,
      senderOrgNr: event.senderOrgNr,
      recipientIds: event.recipientIds,
      operatorId: event.operatorId,
      clientOrgNr: event.client.ok ? event.client.organisationId : null,
      outcome: event.outcome,
      httpStatus: event.httpStatus,
      durationMs: event.durationMs,
      requestBytes: event.requestBytes,
      faultCode: event.fault?.errorCode ?? null,
      reason: event.reason,
      checks: event.checks,
      transId: event.transId,
    },
    event.messages.map((m) => ({
      position: m.position,
      messageId: m.messageId,
      subject: m.subject,
      bodyContentType: m.bodyContentType,
      bodyBase64: m.bodyBase64,
      attachments: m.attachments,
    })),
    DELIVERY_CONTENTS_KEPT,
  );
}

export function databaseRecorder(
  db: Database,
  onError: (error: unknown, event: EmulatorEvent) => void,
  refusals: RefusalBudget = new RefusalBudget(),
): DatabaseRecorder {
  const pending = new Set<Promise<void>>();
  return {
    record(event) {
      // Calls anyone could make (no accepted certificate) are recorded within a budget; the organisation's own always.
      if (!event.client.ok && !refusals.take(event.environmentId, event.receivedAt)) return;
      const saving = saveEmulatorEvent(db, event).catch((error: unknown) => onError(error, event));
      pending.add(saving);
      void saving.finally(() => pending.delete(saving));
    },
    async flush() {
      while (pending.size) await Promise.all(pending);
    },
  };
}
