import { createPrivateKey, randomUUID, X509Certificate } from "node:crypto";
import { request } from "node:https";
import type { SenderDecision } from "../recipients/scenarios.ts";
import { decideDelivery } from "../recipients/sender-decision.ts";
import { NS } from "../soap/namespaces.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../soap/read-responses.ts";
import type { ReachabilityStatus } from "../soap/types.ts";
import { escapeText } from "../soap/xml-serialize.ts";
import type { OrganisationIdentity, PemCertificate } from "../tls/test-ca.ts";
import { type DeliveryInput, deliverSecureRequest, exampleDelivery, type SealOptions, soapEnvelope } from "./reference-delivery.ts";
import type { TestCertificate } from "./test-certificate.ts";

/**
 * A reference sender over real mutual TLS, for tests: it calls the emulator with node:https and a
 * client certificate, looks a recipient up with isReachable, decides as the reference client does
 * (sender-decision.ts) and delivers a signed SealedDelivery (reference-delivery.ts) to the
 * ServiceAdress it was handed. Each step is its own method, so a test can also do the wrong thing
 * on purpose: skip the look-up, ignore the decision, pick another address, send without a
 * certificate.
 */

export type SoapReply =
  | { kind: "answer"; status: number; body: string }
  /** The server closed the call without an answer, or the sender's own timeout ran out. */
  | { kind: "no-answer"; error: string };

export type CallOptions = {
  /** The CA that issued the emulator's server certificate: the sender verifies the server too. */
  ca: string;
  /** null: no client certificate at all. */
  certificate: PemCertificate | null;
  timeoutMs?: number;
};

/** One SOAP 1.1 POST over HTTPS with the given client certificate, on a connection of its own. */
export function postSoap(url: string, body: string, options: CallOptions): Promise<SoapReply> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        ca: options.ca,
        ...(options.certificate ? { cert: options.certificate.certificatePem, key: options.certificate.privateKeyPem } : {}),
        agent: false,
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ kind: "answer", status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (error) => resolve({ kind: "no-answer", error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("the sender's own timeout ran out")));
    req.on("error", (error) => resolve({ kind: "no-answer", error: error.message }));
    req.end(body);
  });
}

export function isReachableRequest(senderOrgNr: string, recipientIds: readonly string[]): string {
  return soapEnvelope(
    `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${escapeText(senderOrgNr)}</rcp3:senderOrgNr>${recipientIds
      .map((id) => `<rcp3:recipientId>${escapeText(id)}</rcp3:recipientId>`)
      .join("")}</rcp3:isReachable>`,
  );
}

/** A CA-issued client certificate as a signer too, as senders commonly use one certificate for both. */
export function signerOf(pem: PemCertificate, identity: OrganisationIdentity): TestCertificate {
  const id = `16${identity.organisationNumber}`;
  return {
    privateKey: createPrivateKey(pem.privateKeyPem),
    certificatePem: pem.certificatePem,
    certificate: new X509Certificate(pem.certificatePem),
    subjectName: `CN=${identity.organisationName} + SERIALNUMBER=${id}, O=${identity.organisationName}, C=SE`,
  };
}

/** A file that starts and ends like a PDF, padded to `bytes`: room to test the 2 MB limit without a real document. */
export function pdfOfSize(bytes: number): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%", "latin1");
  const tail = Buffer.from("\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
  const filler = Buffer.alloc(Math.max(0, bytes - head.length - tail.length), "x");
  return Buffer.concat([head, filler, tail]);
}

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
