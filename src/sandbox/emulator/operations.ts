import { randomUUID } from "node:crypto";
import { type Check, fail } from "../checks/check.ts";
import {
  clientMaySendFor,
  type Dispatcher,
  deliveredToServiceAdress,
  type Lookup,
  latestLookup,
  messageIdsUnique,
  reachableCheckedBeforeDelivery,
  sealSignedByClient,
  senderRegistered,
} from "../checks/emulator-checks.ts";
import { type Operator, reachabilityFor, type Scenario } from "../recipients/scenarios.ts";
import type { DeliveryFacts } from "../soap/requests.ts";
import {
  buildDeliverSecureResponse,
  buildGetSendersResponse,
  buildIsReachableResponse,
  buildIsRegisteredResponse,
} from "../soap/responses.ts";
import type { AccountStatus, ReachabilityStatus, SenderInfo } from "../soap/types.ts";
import type { ClientIdentification } from "../tls/test-ca.ts";
import type { EventOutcome } from "./events.ts";
import { EMULATOR_ERROR_CODES } from "./fault-codes.ts";

/**
 * What the emulator answers, given what it has seen: the state it keeps between calls (the
 * isReachable answers each sender got, the message Ids each sender used) and the rules per
 * operation. No sockets here; emulator-server.ts does the transport.
 */

export type EmulatorConfig = {
  operators: readonly Operator[];
  senders: readonly SenderInfo[];
  dispatchers: readonly Dispatcher[];
  recipients: readonly Scenario[];
  serviceAdressFor: (operator: Operator) => string;
};

/** An answer to send, or a fault to send, and what to record about it. */
export type Answer =
  | { kind: "response"; xml: string; outcome: EventOutcome; checks: Check[]; transId?: string }
  | { kind: "fault"; errorCode: number; description: string; client: boolean; outcome: EventOutcome; checks: Check[] }
  | { kind: "timeout"; checks: Check[] };

/** Failing any of these makes a real operator refuse the delivery, so the emulator faults too. */
const REFUSED_BY_OPERATOR: ReadonlyMap<string, number> = new Map([
  ["delivery.schema", EMULATOR_ERROR_CODES.invalidRequest],
  ["delivery.single-recipient", EMULATOR_ERROR_CODES.invalidRequest],
  ["delivery.recipient.id", EMULATOR_ERROR_CODES.invalidRequest],
  ["delivery.size.max-2mb", EMULATOR_ERROR_CODES.tooLarge],
  ["signature.sender", EMULATOR_ERROR_CODES.invalidSignature],
  ["signature.intermediary", EMULATOR_ERROR_CODES.invalidSignature],
]);

/**
 * How many lookups and message ids one state remembers: beyond this the oldest are forgotten, so a
 * long load test to ever new recipients cannot grow the emulator's memory without end. A sender
 * that delivers long after a lookup that was forgotten fails delivery.reachable-checked, as it
 * would against a real environment whose answers had gone stale.
 */
export const STATE_MEMORY_LIMIT = 50_000;

export class EmulatorState {
  /**
   * The latest isReachable answer per sender and recipient: the only one the checks use (calls
   * arrive in time order), so a long load test keeps one entry per pair, not one per call.
   */
  private readonly lookups = new Map<string, Lookup>();
  /** Message ids seen, as "sender id", oldest first. */
  private readonly messageIds = new Set<string>();

  constructor(
    private config: EmulatorConfig,
    private readonly memoryLimit = STATE_MEMORY_LIMIT,
  ) {}

  /** A changed environment (a new recipient, CA, förmedlare) gets a new config; what the sender did so far stays. */
  reconfigure(config: EmulatorConfig) {
    this.config = config;
  }

  private reachability(recipientId: string): ReachabilityStatus {
    const scenario = this.config.recipients.find((s) => s.recipientId === recipientId);
    if (scenario) return reachabilityFor(scenario, { operators: this.config.operators, serviceAdressFor: this.config.serviceAdressFor });
    // What FaR says about someone it does not know: no mailbox.
    return { accountStatus: { recipientId, type: "Not", pending: false }, senderAccepted: false };
  }

  private senderChecks(senderId: string, client: ClientIdentification & { ok: true }): Check[] {
    return [
      senderRegistered({ senderId, registeredSenders: this.config.senders }),
      clientMaySendFor({ senderId, clientOrgNr: client.organisationId, dispatchers: this.config.dispatchers }),
    ];
  }

  isReachable(senderOrgNr: string, recipientIds: string[], client: ClientIdentification & { ok: true }, now: Date): Answer {
    const statuses = recipientIds.map((id) => this.reachability(id));
    for (const status of statuses) {
      const recipientId = status.accountStatus.recipientId;
      const key = lookupKey(senderOrgNr, recipientId);
      // Deleted first so that the map's order stays oldest-first for forgetting.
      this.lookups.delete(key);
      this.lookups.set(key, { senderOrgNr, recipientId, at: now, status });
    }
    forgetOldest(this.lookups, this.memoryLimit);
    return {
      kind: "response",
      xml: buildIsReachableResponse(statuses),
      outcome: "answered",
      checks: this.senderChecks(senderOrgNr, client),
    };
  }

  isRegistered(recipientIds: string[]): Answer {
    const accounts: AccountStatus[] = recipientIds.map((id) => this.reachability(id).accountStatus);
    return { kind: "response", xml: buildIsRegisteredResponse(accounts), outcome: "answered", checks: [] };
  }

  getSenders(): Answer {
    return { kind: "response", xml: buildGetSendersResponse(this.config.senders), outcome: "answered", checks: [] };
  }

  /**
   * Every conformance check, then the answer the recipient's scenario calls for at the operator
   * that was called. The checks that need the emulator's state grade the sender; only those a
   * real operator enforces (schema, signatures, size) turn into a fault. `submissionChecks` are
   * validateSubmission's for the request body, made by the caller (on a worker thread, in the server).
   */
  deliverSecure(input: {
    submissionChecks: readonly Check[];
    delivery: DeliveryFacts;
    operator: Operator;
    calledAddress: string;
    client: ClientIdentification & { ok: true };
    now: Date;
  }): Answer {
    const { delivery, operator, client, now } = input;
    const senderId = delivery.sender.id ?? "";
    const recipientId = delivery.recipients[0] ?? "";
    const known = this.lookups.get(lookupKey(senderId, recipientId));
    const lookups = known ? [known] : [];
    const lookup = latestLookup(lookups, senderId, recipientId, now);
    const messageIds = delivery.messages.flatMap((m) => (m.id ? [m.id] : []));
    const earlierIds = new Set(messageIds.filter((id) => this.messageIds.has(messageIdKey(senderId, id))));
    const checks = [
      ...input.submissionChecks,
      reachableCheckedBeforeDelivery({ senderOrgNr: senderId, recipientId, lookups, now }),
      deliveredToServiceAdress({ calledAddress: input.calledAddress, lookup }),
      ...this.senderChecks(senderId, client),
      sealSignedByClient({ sealSignerOrgNr: delivery.sealSignerOrgNr, clientOrgNr: client.organisationId }),
      messageIdsUnique({ messageIds, earlierIds }),
    ];
    for (const id of messageIds) this.messageIds.add(messageIdKey(senderId, id));
    forgetOldest(this.messageIds, this.memoryLimit);

    const refused = checks.filter((c) => c.status === "fail" && REFUSED_BY_OPERATOR.has(c.id));
    if (refused.length) {
      return {
        kind: "fault",
        errorCode: REFUSED_BY_OPERATOR.get(refused[0]?.id ?? "") ?? EMULATOR_ERROR_CODES.invalidRequest,
        description: refused.map((c) => `${c.id}: ${c.message}`).join("; "),
        client: true,
        outcome: "fault",
        checks,
      };
    }
    const scenario = this.config.recipients.find((s) => s.recipientId === recipientId);
    if (!scenario || scenario.account.operator !== operator.key) {
      return {
        kind: "fault",
        errorCode: EMULATOR_ERROR_CODES.recipientNotFound,
        description: `${recipientId} has no mailbox at ${operator.name}`,
        client: true,
        outcome: "fault",
        checks,
      };
    }
    switch (scenario.operatorBehaviour) {
      case "timeout":
        return { kind: "timeout", checks };
      case "fault":
        return {
          kind: "fault",
          errorCode: EMULATOR_ERROR_CODES.internal,
          description: `${operator.name} could not take the delivery (simulated operator fault)`,
          client: false,
          outcome: "fault",
          checks,
        };
      case "delivered":
      case "not-delivered": {
        const transId = randomUUID();
        const delivered = scenario.operatorBehaviour === "delivered";
        return {
          kind: "response",
          xml: buildDeliverSecureResponse({ transId, statuses: [{ recipientId, delivered }] }),
          outcome: delivered ? "delivered" : "not-delivered",
          checks,
          transId,
        };
      }
    }
  }
}

const lookupKey = (senderOrgNr: string, recipientId: string) => `${senderOrgNr} ${recipientId}`;
const messageIdKey = (senderId: string, messageId: string) => `${senderId} ${messageId}`;

/** Maps and sets iterate in insertion order, so the first keys are the oldest. */
function forgetOldest(collection: Map<string, unknown> | Set<string>, limit: number) {
  for (const key of collection.keys()) {
    if (collection.size <= limit) return;
    collection.delete(key);
  }
}

/** The check a call without an acceptable client certificate gets, so the report says why. */
export const clientRefusedCheck = (client: ClientIdentification & { ok: false }): Check => fail("sender.client-certificate", client.reason);
