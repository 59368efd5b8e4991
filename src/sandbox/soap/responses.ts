import { NS } from "./namespaces.ts";
import type { AccountStatus, DeliveryResult, FaultDetail, ReachabilityStatus, SenderInfo, SoapFault } from "./types.ts";
import { escapeAttribute, escapeText } from "./xml-serialize.ts";

/**
 * The responses the emulator sends, written element by element in the namespace the contract puts
 * each one in (the schemas are elementFormDefault="qualified", so children take the namespace of
 * the schema that defines their parent's type). The tests validate each against the official XSDs.
 */

type Child = string | null | undefined | false;

const element = (name: string, ...children: Child[]) => `<${name}>${children.filter(Boolean).join("")}</${name}>`;
const leaf = (name: string, value: string | number | boolean) => `<${name}>${escapeText(String(value))}</${name}>`;
const optional = (name: string, value: string | undefined) => (value === undefined ? null : leaf(name, value));

function envelope(payload: string) {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body>${payload}</soap:Body></soap:Envelope>`;
}

const declare = (prefixes: Record<string, string>) =>
  Object.entries(prefixes)
    .map(([p, uri]) => ` xmlns:${p}="${escapeAttribute(uri)}"`)
    .join("");

function accountStatusContent(s: AccountStatus) {
  const supplier = s.serviceSupplier;
  return [
    leaf("rcp:RecipientId", s.recipientId),
    leaf("rcp:Type", s.type),
    leaf("rcp:Pending", s.pending),
    supplier
      ? element(
          "rcp:ServiceSupplier",
          leaf("rcp:Id", supplier.id),
          leaf("rcp:Name", supplier.name),
          optional("rcp:Logo", supplier.logo),
          leaf("rcp:ServiceAdress", supplier.serviceAdress),
          optional("rcp:UIAdress", supplier.uiAdress),
          leaf("rcp:InternalServiceAdress", supplier.internalServiceAdress),
        )
      : null,
    optional("rcp:LastRegistration", s.lastRegistration),
  ].join("");
}

/** Recipient v3 isReachable: one rcp3:return (rcp:ReachabilityStatus) per asked id, in request order. */
export function buildIsReachableResponse(statuses: readonly ReachabilityStatus[]): string {
  const returns = statuses.map((s) =>
    element(
      "rcp3:return",
      element("rcp:AccountStatus", accountStatusContent(s.accountStatus)),
      leaf("rcp:SenderAccepted", s.senderAccepted),
      optional("rcp:LastSenderAcceptChange", s.lastSenderAcceptChange),
    ),
  );
  return envelope(
    `<rcp3:isReachableResponse${declare({ rcp3: NS.recipient3, rcp: NS.recipient })}>${returns.join("")}</rcp3:isReachableResponse>`,
  );
}

/** Recipient v3 isRegistered: rcp3:return is an rcp:AccountStatus itself (no SenderAccepted). */
export function buildIsRegisteredResponse(accounts: readonly AccountStatus[]): string {
  if (accounts.length === 0) throw new Error("isRegisteredResponse needs at least one return");
  const returns = accounts.map((a) => element("rcp3:return", accountStatusContent(a)));
  return envelope(
    `<rcp3:isRegisteredResponse${declare({ rcp3: NS.recipient3, rcp: NS.recipient })}>${returns.join("")}</rcp3:isRegisteredResponse>`,
  );
}

/** Service v3 deliverSecure: svc3:return is an svc:DeliveryResult, whose children are in the v1 Service namespace. */
export function buildDeliverSecureResponse(result: DeliveryResult): string {
  const statuses = result.statuses.map((s) =>
    element("svc:Status", leaf("svc:RecipientId", s.recipientId), leaf("svc:Delivered", s.delivered)),
  );
  return envelope(
    `<svc3:deliverSecureResponse${declare({ svc3: NS.service3, svc: NS.service })}>${element(
      "svc3:return",
      leaf("svc:TransId", result.transId),
      ...statuses,
    )}</svc3:deliverSecureResponse>`,
  );
}

/**
 * Authority getSenders (v1 WSDL): the inline schema has no elementFormDefault, so `return` is
 * unqualified while its snd:Sender children are qualified.
 */
export function buildGetSendersResponse(senders: readonly SenderInfo[]): string {
  const returns = senders.map((s) =>
    element("return", leaf("snd:Id", s.id), leaf("snd:Name", s.name), optional("snd:Attention", s.attention)),
  );
  return envelope(
    `<auth:getSendersResponse${declare({ auth: NS.authorityWsdl, snd: NS.sender })}>${returns.join("")}</auth:getSendersResponse>`,
  );
}

function faultDetail({ element: kind, fault }: FaultDetail) {
  // v3 ExceptionInformation allows 0 < ErrorCode < 9999; the deprecated v1 type used by Authority 1 < ErrorCode < 9999.
  const lowest = kind === "applicationFault" ? 1 : 2;
  if (!Number.isInteger(fault.errorCode) || fault.errorCode < lowest || fault.errorCode > 9998) {
    throw new Error(`ErrorCode ${fault.errorCode} is outside the contract's range`);
  }
  if (fault.callId.length < 20 || fault.callId.length > 50) throw new Error("CallId must be 20 to 50 characters");
  const fields = (p: string) =>
    leaf(`${p}:ErrorCode`, fault.errorCode) + leaf(`${p}:Description`, fault.description) + leaf(`${p}:CallId`, fault.callId);
  return kind === "applicationFault"
    ? `<cmn3:applicationFault${declare({ cmn3: NS.common3 })}>${fields("cmn3")}</cmn3:applicationFault>`
    : `<auth:getSendersFault${declare({ auth: NS.authorityWsdl, cmn: NS.common })}>${fields("cmn")}</auth:getSendersFault>`;
}

/**
 * A SOAP 1.1 fault. faultcode, faultstring and detail are unqualified, as SOAP 1.1 defines them;
 * the declared WSDL fault goes inside detail.
 */
export function buildSoapFault(fault: SoapFault): string {
  return envelope(
    element(
      "soap:Fault",
      leaf("faultcode", fault.faultcode),
      leaf("faultstring", fault.faultstring),
      fault.detail ? `<detail>${faultDetail(fault.detail)}</detail>` : null,
    ),
  );
}
