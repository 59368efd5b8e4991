import { randomUUID } from "node:crypto";
import type { SenderDecision } from "../recipients/scenarios.ts";
import { decideDelivery } from "../recipients/sender-decision.ts";
import { type DeliveryInput, deliverSecureRequest, exampleDelivery, type SealOptions } from "../sender/reference-delivery.ts";
import { isReachableRequest, postSoap } from "../sender/transport.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../soap/read-responses.ts";
import type { ReachabilityStatus } from "../soap/types.ts";
import type { PemCertificate } from "../tls/test-ca.ts";
import type { TestCertificate } from "./test-certificate.ts";

// Tests import the wire helpers from here, beside the sender that uses them.
export { pdfOfSize } from "../sender/reference-delivery.ts";
export { type CallOptions, isReachableRequest, postSoap, type SoapReply, signerOf } from "../sender/transport.ts";

/**
 * A reference sender over real mutual TLS, for tests: it calls the emulator with node:https and a
 * client certificate, looks a recipient up with isReachable, decides as the reference client does
 * (sender-decision.ts) and delivers a signed SealedDelivery (reference-delivery.ts) to the
 * ServiceAdress it was handed. Each step is its own method, so a test can also do the wrong thing
 * on purpose: skip the look-up, ignore the decision, pick another address, send without a
 * certificate.
 */

export type DeliveryOutcome =
  | { kind: "delivered" | "not-delivered"; transId: string }
  | { kind: "fault"; errorCode: number | null; status: number }
  | { kind: "no-answer"; error: string };

export type ReferenceSenderOptions = {
  /** The environment's base address, `${emulator.url}/e/{slug}`. */
  baseUrl: string;
  ca: string;
  certificate: PemCertificate | null;
  /** Signs SignedDelivery (the avsändare) and SealedDelivery (the förmedlare); one organisation can be both. */
  signer: TestCertificate;
  sender: { id: string; name: string };
  /** The sender's own limit for an answer. */
  timeoutMs: number;
};

export class ReferenceSender {
  constructor(readonly options: ReferenceSenderOptions) {}

  private post(url: string, body: string) {
    const { ca, certificate, timeoutMs } = this.options;
    return postSoap(url, body, { ca, certificate, timeoutMs });
  }

  /** isReachable for one recipient; the answer as read by the same code the emulator's clients use, or null when there was none. */
  async lookup(recipientId: string): Promise<ReachabilityStatus | null> {
    const reply = await this.post(`${this.options.baseUrl}/Recipient/v3`, isReachableRequest(this.options.sender.id, [recipientId]));
    if (reply.kind !== "answer") return null;
    const read = readIsReachableResponse(reply.body);
    return read.ok ? (read.value[0] ?? null) : null;
  }

  /** What the reference client decides from an answer; no answer means no digital delivery. */
  decide(status: ReachabilityStatus | null, today = new Date()): SenderDecision {
    return status ? decideDelivery(status, today) : { deliver: false, reason: "no-mailbox" };
  }

  /** The example delivery (HTML body, one PDF) to this recipient, from this sender, with a fresh message id. */
  delivery(recipientId: string, change: (input: DeliveryInput) => DeliveryInput = (d) => d): DeliveryInput {
    const input = exampleDelivery({ sender: this.options.sender, recipients: [recipientId] });
    return change({ ...input, messages: input.messages.map((m) => ({ ...m, id: randomUUID() })) });
  }

  /** The signed deliverSecure envelope; `seal` replaces the signers (null leaves a signature out). */
  envelope(input: DeliveryInput, seal: Partial<SealOptions> = {}): string {
    return deliverSecureRequest(input, { sender: this.options.signer, intermediary: this.options.signer, ...seal });
  }

  /** Posts a deliverSecure envelope to an address (normally the ServiceAdress isReachable gave). */
  async deliverEnvelope(serviceAdress: string, envelope: string): Promise<DeliveryOutcome> {
    const reply = await this.post(serviceAdress, envelope);
    if (reply.kind === "no-answer") return reply;
    const read = readDeliverSecureResponse(reply.body);
    if (read.ok) return { kind: read.value.statuses[0].delivered ? "delivered" : "not-delivered", transId: read.value.transId };
    return { kind: "fault", status: reply.status, errorCode: "fault" in read ? (read.fault.detail?.fault.errorCode ?? null) : null };
  }

  /**
   * What a conformant sender does for one recipient: look it up, and deliver to the ServiceAdress
   * given only when the answer allows it. No retries: one attempt, then paper.
   */
  async send(recipientId: string, change?: (input: DeliveryInput) => DeliveryInput) {
    const status = await this.lookup(recipientId);
    const decision = this.decide(status);
    const serviceAdress = status?.accountStatus.serviceSupplier?.serviceAdress;
    if (!decision.deliver || !serviceAdress) return { decision, outcome: null };
    return { decision, outcome: await this.deliverEnvelope(serviceAdress, this.envelope(this.delivery(recipientId, change))) };
  }
}
