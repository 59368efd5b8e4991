import { createPrivateKey, randomUUID, X509Certificate } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { Check } from "../checks/check.ts";
import { validateSubmission } from "../checks/validate-submission.ts";
import { CONFORMANCE_CASES, type ConformanceCaseId } from "../conformance/conformance-cases.ts";
import { environmentPath } from "../emulator/environment.ts";
import { scenarioById } from "../recipients/scenarios.ts";
import { decideDelivery } from "../recipients/sender-decision.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../soap/read-responses.ts";
import type { ReachabilityStatus, SoapFault } from "../soap/types.ts";
import { subjectSerialNumber } from "../tls/test-ca.ts";
import { type AttachmentInput, type DeliveryInput, deliverSecureRequest, exampleDelivery, pdfOfSize } from "./reference-delivery.ts";
import { isReachableRequest, postSoap, type SoapReply, signerOf } from "./transport.ts";

/**
 * What `npm run cli -- sandbox:send` does: one conformant sender's round for a recipient, over
 * mutual TLS with the certificate a user downloaded from the test environment page. It looks the
 * recipient up, decides as the reference client does, and only then builds, signs (the same key as
 * avsändare and as förmedlare) and delivers to the ServiceAdress it was given. The envelope it
 * sends is kept byte for byte, so a user can save it and compare it with their own.
 */

export type SenderCredentials = {
  certificatePem: string;
  privateKeyPem: string;
  /** The CA(s) the emulator's server certificate is checked against. */
  caPem: string;
  /** 16 + organisationsnummer, from the certificate's subject serialNumber. */
  senderId: string;
  senderName: string;
};

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * Reads the PEM file the test environment page hands out (private key, client certificate, test
 * CA, with comment lines) or any file holding a key and its certificate. The CA is the `ca` given,
 * else the certificates in the file other than the client's own.
 */
export function readSenderCredentials(pem: string, ca?: string): SenderCredentials {
  const blocks = [...pem.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? "", text: m[0] }));
  const key = blocks.find((b) => b.label.endsWith("PRIVATE KEY"));
  if (!key) throw new Error("no private key in the certificate file (a -----BEGIN PRIVATE KEY----- block)");
  const privateKey = createPrivateKey(key.text);
  const certificates = blocks.filter((b) => b.label === "CERTIFICATE");
  const own = certificates.find((c) => new X509Certificate(c.text).checkPrivateKey(privateKey));
  if (!own) throw new Error("no certificate in the file belongs to its private key");
  const certificate = new X509Certificate(own.text);
  const senderId = subjectSerialNumber(certificate);
  if (!senderId || !/^16\d{10}$/.test(senderId))
    throw new Error("the certificate's subject has no serialNumber 16 + organisationsnummer; use the one from the test environment page");
  const caPem =
    ca ??
    certificates
      .filter((c) => c !== own)
      .map((c) => c.text)
      .join("\n");
  if (!caPem)
    throw new Error("no CA to check the emulator with: give --ca, or use the file from the test environment page, which holds it");
  const commonName = new x509.X509Certificate(certificate.raw).subjectName.getField("CN")[0];
  return { certificatePem: own.text, privateKeyPem: key.text, caPem, senderId, senderName: commonName ?? senderId };
}

export type MessageContent = {
  /** The body as text/html; the example's short letter when not given. */
  html?: string;
  /** PDF attachments; none given means the example's one-page PDF. */
  attachments?: AttachmentInput[];
};

export type SendOptions = {
  /** The emulator, https://host:port. */
  url: string;
  environment: string;
  credentials: SenderCredentials;
  timeoutMs: number;
};

export type Lookup =
  | { kind: "answer"; status: ReachabilityStatus }
  | { kind: "fault"; fault: SoapFault; httpStatus: number }
  | { kind: "unreadable"; error: string; httpStatus: number }
  | { kind: "no-answer"; error: string };

export type Delivery =
  | { kind: "delivered" | "not-delivered"; transId: string }
  | { kind: "fault"; fault: SoapFault; httpStatus: number }
  | { kind: "unreadable"; error: string; httpStatus: number }
  | { kind: "no-answer"; error: string };

export type SendResult = {
  recipientId: string;
  lookup: Lookup;
  decision: ReturnType<typeof decideDelivery> | null;
  /** Present when a deliverSecure was sent: the exact request, the answer, and the message checks of that request. */
  sent: { serviceAdress: string; request: string; delivery: Delivery; checks: Check[] } | null;
};

function readReply<T>(
  reply: SoapReply,
  read: (xml: string) => ReturnType<typeof readIsReachableResponse> | ReturnType<typeof readDeliverSecureResponse>,
) {
  if (reply.kind === "no-answer") return { kind: "no-answer" as const, error: reply.error };
  const r = read(reply.body);
  if (r.ok) return { kind: "ok" as const, value: r.value as T };
  if ("fault" in r) return { kind: "fault" as const, fault: r.fault, httpStatus: reply.status };
  return { kind: "unreadable" as const, error: r.error, httpStatus: reply.status };
}

/** One recipient: isReachable, the reference client's decision, and a signed deliverSecure when it says deliver. */
export async function sendReference(options: SendOptions, recipientId: string, content: MessageContent = {}): Promise<SendResult> {
  const { credentials } = options;
  const call = { ca: credentials.caPem, certificate: credentials, timeoutMs: options.timeoutMs };
  const base = `${options.url.replace(/\/+$/, "")}${environmentPath(options.environment)}`;
  const lookupReply = await postSoap(`${base}/Recipient/v3`, isReachableRequest(credentials.senderId, [recipientId]), call);
  const read = readReply<ReachabilityStatus[]>(lookupReply, readIsReachableResponse);
  if (read.kind !== "ok") return { recipientId, lookup: read, decision: null, sent: null };
  const status = read.value[0];
  if (!status)
    return {
      recipientId,
      lookup: { kind: "unreadable", error: "the answer names no recipient", httpStatus: 200 },
      decision: null,
      sent: null,
    };
  const decision = decideDelivery(status, new Date());
  const serviceAdress = status.accountStatus.serviceSupplier?.serviceAdress;
  if (!decision.deliver || !serviceAdress) return { recipientId, lookup: { kind: "answer", status }, decision, sent: null };

  const organisationNumber = credentials.senderId.slice(2);
  const signer = signerOf(credentials, { organisationNumber, organisationName: credentials.senderName });
  const request = deliverSecureRequest(delivery(credentials, recipientId, content), { sender: signer, intermediary: signer });
  const answer = readReply<{ transId: string; statuses: { delivered: boolean }[] }>(
    await postSoap(serviceAdress, request, call),
    readDeliverSecureResponse,
  );
  const outcome: Delivery =
    answer.kind === "ok"
      ? { kind: answer.value.statuses[0]?.delivered ? "delivered" : "not-delivered", transId: answer.value.transId }
      : answer;
  return {
    recipientId,
    lookup: { kind: "answer", status },
    decision,
    sent: { serviceAdress, request, delivery: outcome, checks: validateSubmission(request) },
  };
}

function delivery(credentials: SenderCredentials, recipientId: string, content: MessageContent): DeliveryInput {
  const example = exampleDelivery({ sender: { id: credentials.senderId, name: credentials.senderName }, recipients: [recipientId] });
  return {
    ...example,
    reference: `ansluta-sandbox-send-${new Date().toISOString().slice(0, 10)}`,
    messages: example.messages.map((m) => ({
      ...m,
      id: randomUUID(),
      ...(content.html === undefined ? {} : { body: { contentType: "text/html", content: content.html } }),
      ...(content.attachments === undefined ? {} : { attachments: content.attachments }),
    })),
  };
}

/** What a conformant sender's message holds in a case, when it is not the example's (HTML and a small PDF). */
const CASE_CONTENT: Partial<Record<ConformanceCaseId, () => MessageContent>> = {
  "MM-12": () => ({ attachments: [{ contentType: "application/pdf", content: pdfOfSize(1_200_000), filename: "beslut.pdf" }] }),
};

/** A conformance case as a conformant sender runs it: one round for each of the case's synthetic recipients. */
export async function runConformanceCase(options: SendOptions, id: ConformanceCaseId): Promise<SendResult[]> {
  const c = CONFORMANCE_CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no conformance case ${id}`);
  const results: SendResult[] = [];
  for (const scenario of c.scenarios)
    results.push(await sendReference(options, scenarioById(scenario).recipientId, CASE_CONTENT[id]?.() ?? {}));
  return results;
}
