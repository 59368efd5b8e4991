import { createHash, type KeyObject, type X509Certificate } from "node:crypto";
import type { Element } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";
import { scenarioById } from "../recipients/scenarios.ts";
import { isElement } from "../soap/dom.ts";
import { NS, PREFIX_FOR } from "../soap/namespaces.ts";
import { parseXmlSafely } from "../soap/safe-xml.ts";
import { ALGORITHMS } from "../soap/signature.ts";
import { escapeAttribute, escapeText, serializeStandalone } from "../soap/xml-serialize.ts";

/**
 * A reference sender's delivery, built the way the Mina meddelanden reference code builds one
 * (technical.md §6.2): the SignedDelivery is written prefix-free as a document of its own and
 * signed; it goes into a SealedDelivery with a Seal, which is written prefix-free and signed by
 * the förmedlare; that is wrapped as svc3:deliverSecure/svc3:deliverSecure in a SOAP 1.1 envelope.
 * The CLI's sandbox:send sends it to users' environments; tests use it for passing examples and
 * break it on purpose for failing ones.
 */

/** A key and its certificate that sign a SignedDelivery (avsändare) or a SealedDelivery (förmedlare). */
export type Signer = {
  privateKey: KeyObject;
  /** PEM, as xml-crypto wants it for KeyInfo */
  certificatePem: string;
  certificate: X509Certificate;
  /** The X509SubjectName as the reference code writes it. */
  subjectName: string;
};

export type AttachmentInput = { contentType: string; content: Buffer; filename: string; checksum?: string };
export type MessageInput = {
  id: string;
  subject: string;
  supportInfo: { text: string; url?: string; phoneNumber?: string; emailAdress?: string };
  language?: string;
  body: { contentType: string; content: string | Buffer };
  attachments?: AttachmentInput[];
};
export type DeliveryInput = {
  sender: { id: string; name: string };
  /** One in a valid delivery; more to test the single-recipient rule. */
  recipients: string[];
  reference?: string;
  messages: MessageInput[];
};

export const md5Hex = (content: Buffer) => createHash("md5").update(content).digest("hex").toUpperCase();

/** The smallest file that starts and ends like a PDF. */
export const tinyPdf = () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

const leaf = (name: string, value: string) => `<${name}>${escapeText(value)}</${name}>`;
const opt = (name: string, value: string | undefined) => (value === undefined ? "" : leaf(name, value));

function messageXml(m: MessageInput): string {
  const body = Buffer.isBuffer(m.body.content) ? m.body.content : Buffer.from(m.body.content, "utf8");
  const attachments = (m.attachments ?? []).map(
    (a) =>
      `<msg3:Attachment>${leaf("msg:ContentType", a.contentType)}${leaf("msg:Body", a.content.toString("base64"))}${leaf(
        "msg:Checksum",
        a.checksum ?? md5Hex(a.content),
      )}${leaf("msg:Filename", a.filename)}</msg3:Attachment>`,
  );
  return (
    "<msg3:Message><msg3:Header>" +
    leaf("msg3:Id", m.id) +
    leaf("msg3:Subject", m.subject) +
    `<msg3:Supportinfo>${leaf("msg3:Text", m.supportInfo.text)}${opt("msg3:URL", m.supportInfo.url)}${opt(
      "msg3:PhoneNumber",
      m.supportInfo.phoneNumber,
    )}${opt("msg3:EmailAdress", m.supportInfo.emailAdress)}</msg3:Supportinfo>` +
    leaf("msg3:Language", m.language ?? "svSE") +
    "</msg3:Header>" +
    `<msg3:Body>${leaf("msg:ContentType", m.body.contentType)}${leaf("msg:Body", body.toString("base64"))}</msg3:Body>` +
    attachments.join("") +
    "</msg3:Message>"
  );
}

const declarations = (...namespaces: string[]) => namespaces.map((ns) => ` xmlns:${PREFIX_FOR[ns]}="${ns}"`).join("");

/** The unsigned SignedDelivery, prefix-free, as the reference code marshals it before signing. */
export function unsignedSignedDelivery(input: DeliveryInput): string {
  const header =
    "<msg3:Header><msg2:Sender>" +
    leaf("snd:Id", input.sender.id) +
    leaf("snd:Name", input.sender.name) +
    "</msg2:Sender>" +
    input.recipients.map((r) => leaf("msg2:Recipient", r)).join("") +
    opt("msg2:Reference", input.reference) +
    "</msg3:Header>";
  const prefixed = `<msg3:SignedDelivery${declarations(NS.message3, NS.message2, NS.message, NS.sender)}><msg3:Delivery>${header}${input.messages
    .map(messageXml)
    .join("")}</msg3:Delivery></msg3:SignedDelivery>`;
  return prefixFree(prefixed);
}

function rootOf(xml: string): Element {
  const parsed = parseXmlSafely(xml);
  if (!parsed.ok || !parsed.document.documentElement)
    throw new Error(`XML does not parse: ${parsed.ok ? "no root" : parsed.refusal.message}`);
  return parsed.document.documentElement;
}

const prefixFree = (xml: string) => serializeStandalone(rootOf(xml), { style: "prefix-free" });

/** Signs the root of `xml` with an enveloped RSA-SHA256 signature appended as its last child. */
export function signEnveloped(xml: string, signer: Signer): string {
  const certificateBase64 = signer.certificate.raw.toString("base64");
  const signed = new SignedXml({
    privateKey: signer.privateKey,
    publicCert: signer.certificatePem,
    signatureAlgorithm: ALGORITHMS.rsaSha256,
    canonicalizationAlgorithm: ALGORITHMS.excC14n,
    getKeyInfoContent: () =>
      `<X509Data><X509SubjectName>${escapeText(signer.subjectName)}</X509SubjectName><X509Certificate>${certificateBase64}</X509Certificate></X509Data>`,
  });
  signed.addReference({ xpath: "/*", transforms: [ALGORITHMS.enveloped], digestAlgorithm: ALGORITHMS.sha256, uri: "", isEmptyUri: true });
  signed.computeSignature(xml, { location: { reference: "/*", action: "append" } });
  return signed.getSignedXml();
}

export type SealOptions = {
  sender: Signer | null;
  intermediary: Signer | null;
  /** xs:date; today by default */
  receivedTime?: string;
  signaturesOk?: string;
};

/** The signed (or, with null signers, unsigned) SealedDelivery as a prefix-free document of its own. */
export function sealedDelivery(input: DeliveryInput, options: SealOptions): string {
  const unsigned = unsignedSignedDelivery(input);
  const signedDelivery = options.sender ? signEnveloped(unsigned, options.sender) : unsigned;
  const receivedTime = options.receivedTime ?? new Date().toISOString().slice(0, 10);
  const seal = `<Seal><ReceivedTime xmlns="${NS.message}">${escapeText(receivedTime)}</ReceivedTime><SignaturesOK xmlns="${NS.message}">${escapeText(
    options.signaturesOk ?? "true",
  )}</SignaturesOK></Seal>`;
  const unsealed = prefixFree(`<SealedDelivery xmlns="${escapeAttribute(NS.message3)}">${signedDelivery}${seal}</SealedDelivery>`);
  return options.intermediary ? signEnveloped(unsealed, options.intermediary) : unsealed;
}

export function soapEnvelope(payload: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body>${payload}</soap:Body></soap:Envelope>`;
}

/** The whole deliverSecure request: the SealedDelivery renamed to the inner svc3:deliverSecure, in its wrapper, in the envelope. */
export function deliverSecureRequest(input: DeliveryInput, options: SealOptions): string {
  const sealed = rootOf(sealedDelivery(input, options));
  const inner = serializeStandalone(sealed, { style: "prefix-free", rootAs: { namespace: NS.service3, localName: "deliverSecure" } });
  return soapEnvelope(`<deliverSecure xmlns="${NS.service3}">${inner}</deliverSecure>`);
}

/**
 * The same document with every element given its usual prefix and all declarations on the root,
 * as a SOAP stack that declares namespaces once would send it. Valid XML with the same meaning;
 * only the reference-compatible verification still accepts its signatures.
 */
export function withPrefixes(xml: string): string {
  const root = rootOf(xml);
  const used = new Set<string>();
  const out: string[] = [];
  const write = (e: Element) => {
    const ns = e.namespaceURI ?? "";
    if (ns) used.add(ns);
    const name = ns ? `${PREFIX_FOR[ns] ?? "x"}:${e.localName}` : (e.localName ?? "");
    const attributes = Array.from(e.attributes)
      .filter((a) => a.namespaceURI !== NS.xmlns)
      .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
      .join("");
    out.push(`<${name}${e === root ? "@@DECLARATIONS@@" : ""}${attributes}>`);
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (isElement(n)) write(n);
      else if (n.nodeType === 3 || n.nodeType === 4) out.push(escapeText(n.nodeValue ?? ""));
    }
    out.push(`</${name}>`);
  };
  write(root);
  return out.join("").replace("@@DECLARATIONS@@", declarations(...used));
}

/** A file that starts and ends like a PDF, padded to `bytes`: room to test the 2 MB limit without a real document. */
export function pdfOfSize(bytes: number): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%", "latin1");
  const tail = Buffer.from("\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
  const filler = Buffer.alloc(Math.max(0, bytes - head.length - tail.length), "x");
  return Buffer.concat([head, filler, tail]);
}

/** A delivery that passes every check: one recipient, HTML body, one PDF attachment. */
export function exampleDelivery(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return {
    sender: { id: "162120002411", name: "Sundsvalls kommun" },
    recipients: [scenarioById("reachable-kivra").recipientId],
    reference: "ärende-123",
    messages: [
      {
        id: "0f3b7c2e-5a1d-4d8e-9a77-1b2c3d4e5f60",
        subject: "Beslut om bygglov",
        supportInfo: {
          text: "Kontakta bygglovsenheten",
          url: "https://example.se/kontakt",
          phoneNumber: "060-19 10 00",
          emailAdress: "bygglov@example.se",
        },
        body: {
          contentType: "text/html",
          content: "<html><head><title>Beslut</title></head><body><p>Hej! Här är <b>beslutet</b>.</p></body></html>",
        },
        attachments: [{ contentType: "application/pdf", content: tinyPdf(), filename: "beslut.pdf" }],
      },
    ],
    ...overrides,
  };
}
