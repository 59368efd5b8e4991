import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Element } from "@xmldom/xmldom";
import { NS } from "../soap/namespaces.ts";
import { parseXmlSafely } from "../soap/safe-xml.ts";
import { ALGORITHMS } from "../soap/signature.ts";
import { escapeText, serializeStandalone } from "../soap/xml-serialize.ts";
import { type DeliveryInput, soapEnvelope, unsignedSignedDelivery, withPrefixes } from "./reference-delivery.ts";
import type { TestCertificate } from "./test-certificate.ts";

/**
 * Deliveries signed by xmlsec1 (libxmlsec1 on libxml2's canonicalization), an XML-DSig
 * implementation this project did not write and does not verify with: what the emulator accepts
 * must hold for signatures made outside it. Tests that use it fail, not skip, without it.
 */

export const XMLSEC1 = process.env.XMLSEC1 ?? "/usr/bin/xmlsec1";

export function requireXmlsec1(): void {
  if (!existsSync(XMLSEC1)) {
    throw new Error(`xmlsec1 is not at ${XMLSEC1}: install the Debian package xmlsec1 (apt-get install xmlsec1) or set XMLSEC1`);
  }
}

export type Xmlsec1Template = {
  /** "ds" as Java's and .NET's signers write it, "" (default namespace) as the reference code does. */
  prefix: "ds" | "";
  /** The Reference's transform after enveloped-signature; none means inclusive c14n by default. */
  contentC14n?: string;
  /** Exclusive c14n's InclusiveNamespaces PrefixList on that transform. */
  inclusivePrefixes?: string;
  signedInfoC14n?: string;
  /** "" (the whole document) unless given; "#id" needs `idOf` so that xmlsec1 knows the attribute is an ID. */
  uri?: string;
  /** The ID attribute and the element that carries it, as `[namespace:]localName`. */
  idOf?: { attribute: string; element: string };
};

function template(signer: TestCertificate, t: Xmlsec1Template): string {
  const q = (name: string) => (t.prefix ? `${t.prefix}:${name}` : name);
  const declaration = t.prefix ? `xmlns:${t.prefix}="${NS.ds}"` : `xmlns="${NS.ds}"`;
  const inclusive = t.inclusivePrefixes
    ? `<ec:InclusiveNamespaces xmlns:ec="${ALGORITHMS.excC14n}" PrefixList="${t.inclusivePrefixes}"/>`
    : "";
  const contentTransform = t.contentC14n ? `<${q("Transform")} Algorithm="${t.contentC14n}">${inclusive}</${q("Transform")}>` : "";
  return (
    `<${q("Signature")} ${declaration}><${q("SignedInfo")}>` +
    `<${q("CanonicalizationMethod")} Algorithm="${t.signedInfoC14n ?? ALGORITHMS.excC14n}"/>` +
    `<${q("SignatureMethod")} Algorithm="${ALGORITHMS.rsaSha256}"/>` +
    `<${q("Reference")} URI="${t.uri ?? ""}"><${q("Transforms")}><${q("Transform")} Algorithm="${ALGORITHMS.enveloped}"/>${contentTransform}</${q("Transforms")}>` +
    `<${q("DigestMethod")} Algorithm="${ALGORITHMS.sha256}"/><${q("DigestValue")}/></${q("Reference")}>` +
    `</${q("SignedInfo")}><${q("SignatureValue")}/>` +
    `<${q("KeyInfo")}><${q("X509Data")}><${q("X509SubjectName")}>${escapeText(signer.subjectName)}</${q("X509SubjectName")}><${q("X509Certificate")}/></${q("X509Data")}></${q("KeyInfo")}>` +
    `</${q("Signature")}>`
  );
}

const withoutDeclaration = (xml: string) => xml.replace(/^\s*<\?xml[^>]*\?>\s*/, "").trimEnd();

/** Signs the root of `xml` with xmlsec1: an enveloped signature, Reference URI="", appended as the root's last child. */
export function signWithXmlsec1(xml: string, signer: TestCertificate, t: Xmlsec1Template): string {
  requireXmlsec1();
  const body = withoutDeclaration(xml);
  const end = body.lastIndexOf("</");
  const unsigned = `${body.slice(0, end)}${template(signer, t)}${body.slice(end)}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "ansluta-xmlsec1-"));
  try {
    const key = path.join(dir, "key.pem");
    const certificate = path.join(dir, "certificate.pem");
    const input = path.join(dir, "unsigned.xml");
    const output = path.join(dir, "signed.xml");
    writeFileSync(key, signer.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(certificate, signer.certificatePem);
    writeFileSync(input, `<?xml version="1.0" encoding="UTF-8"?>\n${unsigned}`);
    // The template, not a signature already inside the document (the SignedDelivery's, when sealing).
    const node = "/*/*[local-name()='Signature'][last()]";
    const id = t.idOf ? [`--id-attr:${t.idOf.attribute}`, t.idOf.element] : [];
    execFileSync(XMLSEC1, ["--sign", "--privkey-pem", `${key},${certificate}`, "--node-xpath", node, ...id, "--output", output, input], {
      stdio: "pipe",
    });
    return withoutDeclaration(readFileSync(output, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rootOf(xml: string): Element {
  const parsed = parseXmlSafely(xml);
  if (!parsed.ok || !parsed.document.documentElement)
    throw new Error(`test XML does not parse: ${parsed.ok ? "no root" : parsed.refusal.message}`);
  return parsed.document.documentElement;
}

const today = () => new Date().toISOString().slice(0, 10);
const EXCLUSIVE_DS: Xmlsec1Template = { prefix: "ds", contentC14n: ALGORITHMS.excC14n };
const REFERENCE_WAY: Xmlsec1Template = { prefix: "" };

/**
 * What a Java sender on JAXB and the JDK's DOM XML-DSig (or .NET's SignedXml) sends: every element
 * prefixed, `ds:` signatures with an explicit exclusive c14n transform, the SignedDelivery signed
 * as a document of its own and the seal signed on the inner svc3:deliverSecure as it is sent.
 * Valid W3C XML-DSig; the reference code's prefix-free reading gives other bytes.
 */
export function prefixedXmlsec1Request(input: DeliveryInput, signers: { sender: TestCertificate; intermediary: TestCertificate }): string {
  const signedDelivery = signWithXmlsec1(withPrefixes(unsignedSignedDelivery(input)), signers.sender, EXCLUSIVE_DS);
  const inner =
    `<svc3:deliverSecure xmlns:svc3="${NS.service3}" xmlns:msg3="${NS.message3}" xmlns:msg="${NS.message}">${signedDelivery}` +
    `<msg3:Seal><msg:ReceivedTime>${today()}</msg:ReceivedTime><msg:SignaturesOK>true</msg:SignaturesOK></msg3:Seal></svc3:deliverSecure>`;
  const sealed = signWithXmlsec1(inner, signers.intermediary, EXCLUSIVE_DS);
  return soapEnvelope(`<svc3:deliverSecure xmlns:svc3="${NS.service3}">${sealed}</svc3:deliverSecure>`);
}

/**
 * The reference code's procedure (technical.md §6.2) with xmlsec1 as the signer: prefix-free
 * standalone documents, unprefixed signatures with only the enveloped-signature transform, the
 * seal made on a msg3:SealedDelivery root that is then sent renamed svc3:deliverSecure.
 */
export function referenceWayXmlsec1Request(
  input: DeliveryInput,
  signers: { sender: TestCertificate; intermediary: TestCertificate },
): string {
  const signedDelivery = signWithXmlsec1(unsignedSignedDelivery(input), signers.sender, REFERENCE_WAY);
  const seal = `<Seal><ReceivedTime xmlns="${NS.message}">${today()}</ReceivedTime><SignaturesOK xmlns="${NS.message}">true</SignaturesOK></Seal>`;
  const sealed = signWithXmlsec1(
    `<SealedDelivery xmlns="${NS.message3}">${signedDelivery}${seal}</SealedDelivery>`,
    signers.intermediary,
    REFERENCE_WAY,
  );
  const inner = serializeStandalone(rootOf(sealed), {
    style: "prefix-free",
    rootAs: { namespace: NS.service3, localName: "deliverSecure" },
  });
  return soapEnvelope(`<deliverSecure xmlns="${NS.service3}">${inner}</deliverSecure>`);
}
