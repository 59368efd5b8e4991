import type { Element } from "@xmldom/xmldom";
import { type DeliveryView, locateSealedDelivery, type MessageView, readDelivery } from "./delivery.ts";
import { elementChildren } from "./dom.ts";
import { mustUnderstandMessage, openEnvelope } from "./envelope.ts";
import { NS, qualifiedName } from "./namespaces.ts";
import { asOperation } from "./operation-name.ts";
import { DEFAULT_XML_LIMITS, parseXmlSafely, type SafeXmlResult, type XmlLimits, type XmlRefusal } from "./safe-xml.ts";
import { inspectSignature, readCertificate } from "./signature.ts";
import { checkStructure, el, type StructureIssue, seq } from "./structure.ts";
import { ORGANIZATION_NUMBER_PATTERN, RECIPIENT_ID_PATTERN } from "./types.ts";

/**
 * The requests a sender makes, parsed from the wire: Recipient v3 isReachable and isRegistered,
 * Authority getSenders, Service v3 deliverSecure. A request the contract does not allow comes
 * back as `invalid` with the reasons; the emulator answers those with an applicationFault.
 * What comes back is plain data, so that a validation worker can parse and hand it over.
 */

/** What the emulator keeps of a deliverSecure: its parties, its messages and who signed its seal. */
export type DeliveryFacts = {
  sender: DeliveryView["sender"];
  recipients: string[];
  messages: Omit<MessageView, "officialMatter">[];
  /** The serialNumber (16 + orgnr) of the certificate in the förmedlare's signature, when it has one. */
  sealSignerOrgNr: string | null;
};

export type SenderRequest =
  | { operation: "isReachable"; senderOrgNr: string; recipientIds: string[] }
  | { operation: "isRegistered"; recipientIds: string[] }
  | { operation: "getSenders" }
  | { operation: "deliverSecure"; delivery: DeliveryFacts };

export type ParsedRequest =
  | { kind: "ok"; request: SenderRequest; bytes: number }
  /** Well-formed and safe, but not what the contract allows; `request` is set when the operation was recognised. */
  | { kind: "invalid"; operation: SenderRequest["operation"] | null; issues: string[]; bytes: number }
  /**
   * Refused before the Body is looked at, with the faultcode SOAP 1.1 §4.4.1 names: an envelope of
   * another version, or a header block this node must understand and does not.
   */
  | {
      kind: "soap-fault";
      faultcode: "soap:VersionMismatch" | "soap:MustUnderstand";
      message: string;
      operation: SenderRequest["operation"] | null;
      bytes: number;
    }
  | { kind: "refused"; refusal: XmlRefusal; bytes: number };

const IS_REACHABLE = seq(el(NS.recipient3, "senderOrgNr", 1, 1), el(NS.recipient3, "recipientId", 0, 1000));
const IS_REGISTERED = seq(el(NS.recipient3, "recipientId", 1, Number.POSITIVE_INFINITY));

const asText = (issues: StructureIssue[]) => issues.map((i) => `${i.path}: ${i.message}`);

function recipientIdIssues(ids: string[]): string[] {
  return ids.flatMap((id, i) =>
    RECIPIENT_ID_PATTERN.test(id) ? [] : [`recipientId[${i + 1}] "${id}" does not match the RecipientId pattern`],
  );
}

function readOperation(payload: Element, bytes: number): ParsedRequest {
  const values = (name: string) =>
    elementChildren(payload)
      .filter((c) => c.localName === name)
      .map((c) => c.textContent ?? "");
  const key = `${payload.namespaceURI} ${payload.localName}`;
  if (key === `${NS.recipient3} isReachable`) {
    const issues = asText(checkStructure(payload, IS_REACHABLE, "isReachable"));
    const senderOrgNr = values("senderOrgNr")[0] ?? "";
    if (senderOrgNr && !ORGANIZATION_NUMBER_PATTERN.test(senderOrgNr))
      issues.push(`senderOrgNr "${senderOrgNr}" is not 16 followed by ten digits`);
    const recipientIds = values("recipientId");
    issues.push(...recipientIdIssues(recipientIds));
    return issues.length
      ? { kind: "invalid", operation: "isReachable", issues, bytes }
      : { kind: "ok", request: { operation: "isReachable", senderOrgNr, recipientIds }, bytes };
  }
  if (key === `${NS.recipient3} isRegistered`) {
    const issues = asText(checkStructure(payload, IS_REGISTERED, "isRegistered"));
    const recipientIds = values("recipientId");
    issues.push(...recipientIdIssues(recipientIds));
    return issues.length
      ? { kind: "invalid", operation: "isRegistered", issues, bytes }
      : { kind: "ok", request: { operation: "isRegistered", recipientIds }, bytes };
  }
  if (key === `${NS.authorityWsdl} getSenders`) {
    const issues = asText(checkStructure(payload, seq(), "getSenders"));
    return issues.length
      ? { kind: "invalid", operation: "getSenders", issues, bytes }
      : { kind: "ok", request: { operation: "getSenders" }, bytes };
  }
  return {
    kind: "invalid",
    operation: null,
    issues: [`unknown operation ${qualifiedName(payload.namespaceURI, payload.localName ?? "")}`],
    bytes,
  };
}

function sealSigner(delivery: DeliveryView): string | null {
  const base64 = delivery.sealSignature ? inspectSignature(delivery.sealSignature).certificateBase64 : undefined;
  if (!base64) return null;
  const read = readCertificate(base64);
  return read.ok ? (read.info.serialNumber ?? null) : null;
}

function factsOf(delivery: DeliveryView): DeliveryFacts {
  return {
    sender: delivery.sender,
    recipients: delivery.recipients,
    messages: delivery.messages.map(({ officialMatter: _element, ...message }) => message),
    sealSignerOrgNr: sealSigner(delivery),
  };
}

/**
 * Parses one SOAP 1.1 request. deliverSecure is only located and read here; whether the delivery
 * conforms is for the checks (../checks), which report far more than a yes or no.
 */
export function parseSenderRequest(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): ParsedRequest {
  return readSenderRequest(parseXmlSafely(xml, limits));
}

/** parseSenderRequest for a document parsed already, so that a worker parses a request once for this and the checks. */
export function readSenderRequest(parsed: SafeXmlResult): ParsedRequest {
  if (!parsed.ok) return { kind: "refused", refusal: parsed.refusal, bytes: parsed.bytes };
  const opened = openEnvelope(parsed.document);
  if (opened.kind === "not-soap11") {
    const root = parsed.document.documentElement;
    // SOAP 1.2 names its Body as 1.1 does, in its own namespace: which operation was meant is still plain.
    const body = root ? elementChildren(root).find((c) => c.localName === "Body" && c.namespaceURI === root.namespaceURI) : undefined;
    return {
      kind: "soap-fault",
      faultcode: "soap:VersionMismatch",
      message: `${opened.problems.map((p) => p.message).join("; ")}: send a SOAP 1.1 envelope (${NS.soap11}) as text/xml`,
      operation: asOperation(body ? elementChildren(body)[0]?.localName : null),
      bytes: parsed.bytes,
    };
  }
  if (opened.kind === "bare") {
    return { kind: "invalid", operation: null, issues: ["the request is not a SOAP 1.1 envelope"], bytes: parsed.bytes };
  }
  if (opened.notUnderstood.length) {
    return {
      kind: "soap-fault",
      faultcode: "soap:MustUnderstand",
      message: mustUnderstandMessage(opened.notUnderstood),
      operation: asOperation(opened.payload?.localName),
      bytes: parsed.bytes,
    };
  }
  if (opened.problems.length || !opened.payload) {
    return { kind: "invalid", operation: null, issues: opened.problems.map((p) => p.message), bytes: parsed.bytes };
  }
  if (opened.payload.localName === "deliverSecure") {
    const located = locateSealedDelivery(opened);
    if (!located.ok || located.problems.length) {
      return { kind: "invalid", operation: "deliverSecure", issues: located.problems, bytes: parsed.bytes };
    }
    return {
      kind: "ok",
      request: { operation: "deliverSecure", delivery: factsOf(readDelivery(located.sealedDelivery)) },
      bytes: parsed.bytes,
    };
  }
  return readOperation(opened.payload, parsed.bytes);
}
