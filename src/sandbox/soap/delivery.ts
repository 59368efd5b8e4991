import type { Element } from "@xmldom/xmldom";
import { childNamed, childrenNamed, elementChildren, textOf } from "./dom.ts";
import type { OpenedEnvelope } from "./envelope.ts";
import { NS, qualifiedName } from "./namespaces.ts";

/**
 * Finding and reading a Service v3 deliverSecure request: soap:Body/svc3:deliverSecure/svc3:deliverSecure,
 * the inner element being of type msg3:SealedDelivery. The reader is lenient on purpose (children
 * found by local name), so each mistake is reported once by the check that owns it.
 */

export type LocatedDelivery =
  | { ok: true; sealedDelivery: Element; form: "soap" | "bare-sealed-delivery" | "bare-deliver-secure"; problems: string[] }
  | { ok: false; problems: string[] };

const elementName = (e: Element) => qualifiedName(e.namespaceURI, e.localName ?? e.nodeName);

function innerOfWrapper(wrapper: Element, problems: string[]): Element | null {
  if (wrapper.namespaceURI !== NS.service3) {
    problems.push(`deliverSecure is in namespace ${wrapper.namespaceURI ?? "(none)"}; Service v3 requires ${NS.service3}`);
  }
  const children = elementChildren(wrapper);
  const inner = children.filter((c) => c.localName === "deliverSecure");
  if (inner.length !== 1 || children.length !== 1) {
    problems.push(
      `svc3:deliverSecure must hold exactly one svc3:deliverSecure (the SealedDelivery); it holds ${children.map(elementName).join(", ") || "nothing"}`,
    );
  }
  const found = inner[0] ?? null;
  if (found && found.namespaceURI !== NS.service3) {
    problems.push(`the inner deliverSecure is in namespace ${found.namespaceURI ?? "(none)"}; Service v3 requires ${NS.service3}`);
  }
  return found;
}

export function locateSealedDelivery(opened: OpenedEnvelope): LocatedDelivery {
  const problems: string[] = [];
  const payload = opened.payload;
  if (!payload) return { ok: false, problems: ["no payload to read"] };
  if (opened.kind === "bare" && payload.localName === "SealedDelivery") {
    if (payload.namespaceURI !== NS.message3) {
      problems.push(`SealedDelivery is in namespace ${payload.namespaceURI ?? "(none)"}; v3 requires ${NS.message3}`);
    }
    return { ok: true, sealedDelivery: payload, form: "bare-sealed-delivery", problems };
  }
  if (payload.localName === "deliverSecure") {
    const inner = innerOfWrapper(payload, problems);
    if (!inner) return { ok: false, problems };
    return { ok: true, sealedDelivery: inner, form: opened.kind === "bare" ? "bare-deliver-secure" : "soap", problems };
  }
  const what = payload.localName === "Fault" ? "a SOAP fault" : elementName(payload);
  return { ok: false, problems: [`expected svc3:deliverSecure${opened.kind === "bare" ? " or msg3:SealedDelivery" : ""}, found ${what}`] };
}

export type AttachmentView = { index: number; contentType?: string; base64?: string; checksum?: string; filename?: string };

export type MessageView = {
  index: number;
  id?: string;
  subject?: string;
  supportInfo: { text?: string; url?: string; phoneNumber?: string; emailAdress?: string } | null;
  officialMatter: Element | null;
  language?: string;
  reply?: string;
  receiptRequest?: string;
  body: { contentType?: string; base64?: string } | null;
  attachments: AttachmentView[];
};

export type DeliveryView = {
  /** The element of type msg3:SealedDelivery (inner svc3:deliverSecure, or a bare msg3:SealedDelivery). */
  sealedDelivery: Element;
  signedDelivery: Element | null;
  /** The avsändare's signature: the ds:Signature child of SignedDelivery. */
  senderSignature: Element | null;
  seal: { receivedTime?: string; signaturesOk?: string } | null;
  /** The förmedlare's signature: the ds:Signature child of the SealedDelivery. */
  sealSignature: Element | null;
  sender: { id?: string; name?: string; attention?: string };
  recipients: string[];
  messages: MessageView[];
};

const signatureChild = (parent: Element | null) =>
  parent ? (elementChildren(parent).find((c) => c.localName === "Signature" && c.namespaceURI === NS.ds) ?? null) : null;

const value = (parent: Element | null, name: string) => textOf(childNamed(parent, name));

export function readDelivery(sealedDelivery: Element): DeliveryView {
  const signedDelivery = childNamed(sealedDelivery, "SignedDelivery");
  const delivery = childNamed(signedDelivery, "Delivery");
  const header = childNamed(delivery, "Header");
  const sender = childNamed(header, "Sender");
  const seal = childNamed(sealedDelivery, "Seal");
  const messages = childrenNamed(delivery, "Message").map((message, index): MessageView => {
    const messageHeader = childNamed(message, "Header");
    const supportInfo = childNamed(messageHeader, "Supportinfo");
    const body = childNamed(message, "Body");
    return {
      index,
      id: value(messageHeader, "Id"),
      subject: value(messageHeader, "Subject"),
      supportInfo: supportInfo
        ? {
            text: value(supportInfo, "Text"),
            url: value(supportInfo, "URL"),
            phoneNumber: value(supportInfo, "PhoneNumber"),
            emailAdress: value(supportInfo, "EmailAdress"),
          }
        : null,
      officialMatter: childNamed(messageHeader, "OfficialMatter"),
      language: value(messageHeader, "Language"),
      reply: value(messageHeader, "Reply"),
      receiptRequest: value(messageHeader, "ReceiptRequest"),
      body: body ? { contentType: value(body, "ContentType"), base64: value(body, "Body") } : null,
      attachments: childrenNamed(message, "Attachment").map((a, i) => ({
        index: i,
        contentType: value(a, "ContentType"),
        base64: value(a, "Body"),
        checksum: value(a, "Checksum"),
        filename: value(a, "Filename"),
      })),
    };
  });
  return {
    sealedDelivery,
    signedDelivery,
    senderSignature: signatureChild(signedDelivery),
    seal: seal ? { receivedTime: value(seal, "ReceivedTime"), signaturesOk: value(seal, "SignaturesOK") } : null,
    sealSignature: signatureChild(sealedDelivery),
    sender: { id: value(sender, "Id"), name: value(sender, "Name"), attention: value(sender, "Attention") },
    recipients: childrenNamed(header, "Recipient").map((r) => r.textContent ?? ""),
    messages,
  };
}
