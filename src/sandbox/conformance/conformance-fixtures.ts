import { CHECK_IDS, type Check, type CheckId, fail, pass } from "../checks/check.ts";
import type { EmulatorEvent, EventOutcome } from "../emulator/events.ts";
import { EMULATOR_ERROR_CODES } from "../emulator/fault-codes.ts";
import { type ScenarioId, scenarioById } from "../recipients/scenarios.ts";

/**
 * For the conformance tests only: emulator events as the emulator records them, built without a
 * server, and the event list a fully conformant sender leaves behind.
 */

export const SENDER = "162021005448";
/** The test environment the events were recorded in. */
export const ENVIRONMENT_ID = "00000000-0000-4000-8000-00000000e001";
const START = Date.parse("2026-11-27T09:00:00.000Z");

export type DeliveryOptions = {
  outcome?: EventOutcome;
  pdf?: boolean;
  html?: boolean;
  bytes?: number;
  durationMs?: number;
  faultCode?: number;
  /** Checks that replace the passing ones with the same id. */
  checks?: Check[];
};

/** Every check passing, with the messages the content checks give when there is nothing to inspect. */
function deliveryChecks(options: DeliveryOptions): Check[] {
  const replaced = new Map<CheckId, Check>((options.checks ?? []).map((c) => [c.id, c]));
  return CHECK_IDS.map((id) => {
    const replacement = replaced.get(id);
    if (replacement) return replacement;
    if (id.startsWith("delivery.attachment.") && !options.pdf) return pass(id, "no attachments");
    if (id.startsWith("delivery.body.html.") && !options.html) return pass(id, "no text/html body");
    return pass(id, `${id} passed`);
  });
}

export class EventLog {
  readonly events: EmulatorEvent[] = [];
  private seconds = 0;
  /** Calls come half a second apart unless the test waits longer. */
  private static readonly STEP_SECONDS = 0.5;

  private base(operation: EmulatorEvent["operation"], recipient: string): EmulatorEvent {
    this.seconds += EventLog.STEP_SECONDS;
    return {
      callId: `call-${this.events.length + 1}`,
      environmentId: ENVIRONMENT_ID,
      organisationId: null,
      loadTestId: null,
      receivedAt: new Date(START + this.seconds * 1000),
      durationMs: 40,
      method: "POST",
      path: "/",
      endpoint: operation === "isReachable" ? "recipient" : "service",
      operation,
      operatorId: null,
      client: { ok: true, organisationId: SENDER, subject: `serialNumber=${SENDER}`, issuer: "CN=Ansluta test CA", fingerprint256: "AA" },
      senderOrgNr: SENDER,
      recipientIds: [recipient],
      requestBytes: 2_000,
      httpStatus: 200,
      outcome: "answered",
      reason: null,
      fault: null,
      checks: [],
      transId: null,
      messages: [],
    };
  }

  /** Moves the clock on, for retries that wait. */
  wait(seconds: number): this {
    this.seconds += seconds;
    return this;
  }

  lookup(scenario: ScenarioId): EmulatorEvent {
    const event = this.base("isReachable", scenarioById(scenario).recipientId);
    event.checks = [pass("sender.registered", "registered"), pass("sender.client-certificate", "own certificate")];
    this.events.push(event);
    return event;
  }

  deliver(scenario: ScenarioId, options: DeliveryOptions = {}): EmulatorEvent {
    const s = scenarioById(scenario);
    const event = this.base("deliverSecure", s.recipientId);
    const outcome = options.outcome ?? (s.operatorBehaviour === "delivered" ? "delivered" : s.operatorBehaviour);
    const faultCode = options.faultCode ?? (outcome === "fault" ? EMULATOR_ERROR_CODES.internal : undefined);
    Object.assign(event, {
      operatorId: s.account.operator,
      outcome,
      requestBytes: options.bytes ?? 20_000,
      durationMs: options.durationMs ?? (outcome === "timeout" ? 30_000 : 60 + this.events.length),
      httpStatus: outcome === "fault" ? 500 : outcome === "timeout" ? null : 200,
      fault: faultCode === undefined ? null : { errorCode: faultCode, description: "simulated", callId: event.callId },
      checks: deliveryChecks(options),
      transId: outcome === "delivered" || outcome === "not-delivered" ? `trans-${event.callId}` : null,
    });
    this.events.push(event);
    return event;
  }

  lookupAndDeliver(scenario: ScenarioId, options: DeliveryOptions = {}): EmulatorEvent {
    this.lookup(scenario);
    return this.deliver(scenario, options);
  }
}

/** The failing checks the emulator records for a delivery made without an isReachable first. */
export const withoutLookup: Check[] = [
  fail("delivery.reachable-checked", "deliverSecure without an isReachable for that recipient first"),
  fail("delivery.service-address", "no ServiceAdress from an earlier isReachable to compare with"),
];

/** What a sender that does everything right leaves in the log: every case exercised and passed. */
export function conformantSender(log = new EventLog()): EventLog {
  log.lookupAndDeliver("reachable-kivra", { pdf: true });
  log.lookupAndDeliver("reachable-samordningsnummer");
  log.lookupAndDeliver("reachable-organisation");
  log.lookupAndDeliver("reachable-minmyndighetspost");
  for (const s of ["no-mailbox", "sender-not-accepted", "mailbox-pending", "minor"] as const) log.lookup(s);
  log.lookupAndDeliver("operator-not-delivered");
  log.lookupAndDeliver("operator-fault");
  log.wait(10).deliver("operator-fault");
  log.lookupAndDeliver("operator-timeout");
  log.lookupAndDeliver("reachable-kivra", { pdf: true, bytes: 1_400_000 });
  log.lookupAndDeliver("reachable-kivra", { html: true });
  return log;
}
