import type { Element } from "@xmldom/xmldom";
import { elementChildren } from "./dom.ts";
import { openEnvelope } from "./envelope.ts";
import { NS, qualifiedName } from "./namespaces.ts";
import { parseXmlSafely } from "./safe-xml.ts";
import type {
  AccountStatus,
  AccountType,
  ApplicationFault,
  DeliveryResult,
  DeliveryStatus,
  FaultDetail,
  ReachabilityStatus,
  SenderInfo,
  ServiceSupplier,
  SoapFault,
} from "./types.ts";

/**
 * Reading the responses a sender receives: the client side of the contract, used by the tests'
 * reference sender and checked against the recorded real responses. Strict on names and
 * namespaces (a client must not guess), indifferent to prefixes.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; fault: SoapFault } | { ok: false; error: string };

class ReadError extends Error {}

function only(parent: Element, namespace: string, name: string): Element {
  const found = elementChildren(parent).filter((c) => c.localName === name && (c.namespaceURI ?? "") === namespace);
  if (found.length !== 1)
    throw new ReadError(`expected one ${qualifiedName(namespace, name)} in ${parent.localName}, found ${found.length}`);
  return found[0] as Element;
}
function optional(parent: Element, namespace: string, name: string): string | undefined {
  const found = elementChildren(parent).find((c) => c.localName === name && (c.namespaceURI ?? "") === namespace);
  return found ? (found.textContent ?? "") : undefined;
}
const all = (parent: Element, namespace: string, name: string) =>
  elementChildren(parent).filter((c) => c.localName === name && (c.namespaceURI ?? "") === namespace);
const text = (parent: Element, namespace: string, name: string) => only(parent, namespace, name).textContent ?? "";

function boolean(value: string, what: string): boolean {
  const v = value.trim();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw new ReadError(`${what} "${value}" is not an xs:boolean`);
}

function readFault(fault: Element): SoapFault {
  const faultcode = (optional(fault, "", "faultcode") ?? "").trim();
  const detail = elementChildren(fault).find((c) => c.localName === "detail" && !c.namespaceURI);
  const info = detail ? elementChildren(detail)[0] : undefined;
  let parsed: FaultDetail | undefined;
  if (info && (info.localName === "applicationFault" || info.localName === "getSendersFault")) {
    const ns = info.localName === "applicationFault" ? NS.common3 : NS.common;
    const application: ApplicationFault = {
      errorCode: Number(text(info, ns, "ErrorCode")),
      description: text(info, ns, "Description"),
      callId: text(info, ns, "CallId"),
    };
    parsed = { element: info.localName, fault: application };
  }
  const faultstring = optional(fault, "", "faultstring") ?? "";
  // A QName whose local part may be refined with dots (SOAP 1.1 §4.4.1: "Client.Authentication").
  const kind = faultcode.slice(faultcode.indexOf(":") + 1).split(".")[0];
  if (kind === "VersionMismatch" || kind === "MustUnderstand") return { faultcode: `soap:${kind}`, faultstring };
  return { faultcode: kind === "Client" ? "soap:Client" : "soap:Server", faultstring, ...(parsed ? { detail: parsed } : {}) };
}

function read<T>(xml: string, namespace: string, name: string, payloadReader: (payload: Element) => T): Read<T> {
  const parsed = parseXmlSafely(xml);
  if (!parsed.ok) return { ok: false, error: parsed.refusal.message };
  const opened = openEnvelope(parsed.document);
  if (opened.kind !== "soap11" || !opened.payload || opened.problems.length) {
    return { ok: false, error: opened.problems[0]?.message ?? "not a SOAP 1.1 envelope" };
  }
  const payload = opened.payload;
  try {
    if (payload.localName === "Fault" && payload.namespaceURI === NS.soap11) return { ok: false, fault: readFault(payload) };
    if (payload.localName !== name || payload.namespaceURI !== namespace) {
      throw new ReadError(
        `expected ${qualifiedName(namespace, name)}, found ${qualifiedName(payload.namespaceURI, payload.localName ?? "")}`,
      );
    }
    return { ok: true, value: payloadReader(payload) };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, error: e.message };
    throw e;
  }
}

const ACCOUNT_TYPES: readonly AccountType[] = ["Secure", "Anonymous", "Not"];

function readAccountStatus(e: Element): AccountStatus {
  const r = NS.recipient;
  const type = text(e, r, "Type").trim();
  if (!ACCOUNT_TYPES.includes(type as AccountType)) throw new ReadError(`Type "${type}" is not Secure, Anonymous or Not`);
  const supplierElement = all(e, r, "ServiceSupplier")[0];
  let serviceSupplier: ServiceSupplier | undefined;
  if (supplierElement) {
    const logo = optional(supplierElement, r, "Logo");
    const uiAdress = optional(supplierElement, r, "UIAdress");
    serviceSupplier = {
      id: text(supplierElement, r, "Id"),
      name: text(supplierElement, r, "Name"),
      ...(logo !== undefined ? { logo } : {}),
      serviceAdress: text(supplierElement, r, "ServiceAdress"),
      ...(uiAdress !== undefined ? { uiAdress } : {}),
      internalServiceAdress: text(supplierElement, r, "InternalServiceAdress"),
    };
  }
  const lastRegistration = optional(e, r, "LastRegistration");
  return {
    recipientId: text(e, r, "RecipientId"),
    type: type as AccountType,
    pending: boolean(text(e, r, "Pending"), "Pending"),
    ...(serviceSupplier ? { serviceSupplier } : {}),
    ...(lastRegistration !== undefined ? { lastRegistration } : {}),
  };
}

export function readIsReachableResponse(xml: string): Read<ReachabilityStatus[]> {
  return read(xml, NS.recipient3, "isReachableResponse", (payload) =>
    all(payload, NS.recipient3, "return").map((ret) => {
      const lastSenderAcceptChange = optional(ret, NS.recipient, "LastSenderAcceptChange");
      return {
        accountStatus: readAccountStatus(only(ret, NS.recipient, "AccountStatus")),
        senderAccepted: boolean(text(ret, NS.recipient, "SenderAccepted"), "SenderAccepted"),
        ...(lastSenderAcceptChange !== undefined ? { lastSenderAcceptChange } : {}),
      };
    }),
  );
}

export function readIsRegisteredResponse(xml: string): Read<AccountStatus[]> {
  return read(xml, NS.recipient3, "isRegisteredResponse", (payload) => all(payload, NS.recipient3, "return").map(readAccountStatus));
}

export function readDeliverSecureResponse(xml: string): Read<DeliveryResult> {
  return read(xml, NS.service3, "deliverSecureResponse", (payload) => {
    const ret = only(payload, NS.service3, "return");
    const transId = text(ret, NS.service, "TransId");
    const statuses = all(ret, NS.service, "Status").map(
      (s): DeliveryStatus => ({
        recipientId: text(s, NS.service, "RecipientId"),
        delivered: boolean(text(s, NS.service, "Delivered"), "Delivered"),
      }),
    );
    const [first, ...rest] = statuses;
    if (!first) throw new ReadError("DeliveryResult has no Status");
    return { transId, statuses: [first, ...rest] };
  });
}

export function readGetSendersResponse(xml: string): Read<SenderInfo[]> {
  return read(xml, NS.authorityWsdl, "getSendersResponse", (payload) =>
    all(payload, "", "return").map((ret) => {
      const attention = optional(ret, NS.sender, "Attention");
      return { id: text(ret, NS.sender, "Id"), name: text(ret, NS.sender, "Name"), ...(attention !== undefined ? { attention } : {}) };
    }),
  );
}
