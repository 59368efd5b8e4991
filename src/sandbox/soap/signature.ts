import { X509Certificate } from "node:crypto";
import type { Element } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";
import { childNamed, childrenNamed, elementChildren } from "./dom.ts";
import { NS } from "./namespaces.ts";
import { parseXmlSafely } from "./safe-xml.ts";
import { serializeStandalone } from "./xml-serialize.ts";

/**
 * The two enveloped XML signatures of a delivery: the avsändare's on SignedDelivery and the
 * förmedlare's on SealedDelivery. Verification uses xml-crypto in two modes (technical.md §6.2):
 *
 * - "reference": what the Mina meddelanden reference code and the operators do. The signed
 *   element is taken as a document of its own in prefix-free form (every `xmlns:*` dropped,
 *   `xmlns="…"` where the namespace changes) and, for the seal, the SOAP wrapper svc3:deliverSecure
 *   renamed back to msg3:SealedDelivery, because the förmedlare signed a SealedDelivery root before
 *   wrapping it. Exclusive canonicalization then runs on that form.
 * - "strict": plain W3C XML-DSig over the signed element exactly as sent (prefixes and wrapper
 *   name kept). Correct deliveries may fail here; the report shows it as information.
 */

export const ALGORITHMS = {
  excC14n: "http://www.w3.org/2001/10/xml-exc-c14n#",
  c14n: "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
  enveloped: "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
  rsaSha256: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  rsaSha1: "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
  sha256: "http://www.w3.org/2001/04/xmlenc#sha256",
  sha1: "http://www.w3.org/2000/09/xmldsig#sha1",
} as const;

export type SignatureInspection = {
  canonicalization?: string;
  signatureMethod?: string;
  references: { uri: string | null; transforms: string[]; digestMethod?: string }[];
  subjectName?: string;
  certificateBase64?: string;
};

const dsChild = (parent: Element | null, name: string) =>
  parent ? (elementChildren(parent).find((c) => c.localName === name && c.namespaceURI === NS.ds) ?? null) : null;
const algorithmOf = (e: Element | null) => e?.getAttribute("Algorithm") ?? undefined;

export function inspectSignature(signature: Element): SignatureInspection {
  const signedInfo = dsChild(signature, "SignedInfo");
  const x509 = dsChild(dsChild(signature, "KeyInfo"), "X509Data");
  const subjectName = dsChild(x509, "X509SubjectName")?.textContent ?? undefined;
  const certificate = dsChild(x509, "X509Certificate")?.textContent ?? undefined;
  return {
    canonicalization: algorithmOf(dsChild(signedInfo, "CanonicalizationMethod")),
    signatureMethod: algorithmOf(dsChild(signedInfo, "SignatureMethod")),
    references: childrenNamed(signedInfo, "Reference")
      .filter((r) => r.namespaceURI === NS.ds)
      .map((r) => ({
        uri: r.hasAttribute("URI") ? r.getAttribute("URI") : null,
        transforms: childrenNamed(childNamed(r, "Transforms"), "Transform").map((t) => t.getAttribute("Algorithm") ?? ""),
        digestMethod: algorithmOf(dsChild(r, "DigestMethod")),
      })),
    ...(subjectName !== undefined ? { subjectName: subjectName.trim() } : {}),
    ...(certificate !== undefined ? { certificateBase64: certificate.replace(/\s+/g, "") } : {}),
  };
}

export type CertificateInfo = {
  subject: string;
  issuer: string;
  /** The subject's serialNumber attribute (OID 2.5.4.5): for Mina meddelanden, 16 + orgnr. */
  serialNumber?: string;
  validFrom: Date;
  validTo: Date;
  fingerprint256: string;
};

export function readCertificate(
  base64: string,
): { ok: true; certificate: X509Certificate; info: CertificateInfo } | { ok: false; reason: string } {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(base64, "base64"));
  } catch {
    return { ok: false, reason: "X509Certificate does not hold a readable DER certificate" };
  }
  const attributes = certificate.subject.split(/\n| \+ /);
  const serialNumber = attributes.find((a) => a.startsWith("serialNumber="))?.slice("serialNumber=".length);
  return {
    ok: true,
    certificate,
    info: {
      subject: certificate.subject.replace(/\n/g, ", "),
      issuer: certificate.issuer.replace(/\n/g, ", "),
      ...(serialNumber !== undefined ? { serialNumber } : {}),
      validFrom: new Date(certificate.validFrom),
      validTo: new Date(certificate.validTo),
      fingerprint256: certificate.fingerprint256,
    },
  };
}

export type VerifyMode = "reference" | "strict";
export type VerifyResult = { valid: true } | { valid: false; reason: string };

const lastSignatureChild = (e: Element) => {
  const last = elementChildren(e).at(-1);
  return last && last.localName === "Signature" && last.namespaceURI === NS.ds ? last : null;
};

/** Verifies the enveloped signature that is the last child of `signed`, with the key in its own KeyInfo. */
export function verifyEnvelopedSignature(signed: Element, mode: VerifyMode): VerifyResult {
  const signature = lastSignatureChild(signed);
  if (!signature) return { valid: false, reason: "no ds:Signature as the last child" };
  const inspection = inspectSignature(signature);
  if (inspection.references.length !== 1)
    return { valid: false, reason: `expected one ds:Reference, found ${inspection.references.length}` };
  const uri = inspection.references[0]?.uri ?? null;
  const id = signed.getAttribute("Id");
  // The reference must cover the signed element itself; anything else invites signature wrapping.
  if (uri !== "" && !(id && uri === `#${id}`))
    return { valid: false, reason: `ds:Reference URI "${uri ?? "(none)"}" does not point at the signed element` };
  if (!inspection.certificateBase64) return { valid: false, reason: "no X509Certificate in KeyInfo to verify with" };
  const certificate = readCertificate(inspection.certificateBase64);
  if (!certificate.ok) return { valid: false, reason: certificate.reason };

  const standalone =
    mode === "reference"
      ? serializeStandalone(signed, {
          style: "prefix-free",
          ...(signed.localName === "deliverSecure" ? { rootAs: { namespace: NS.message3, localName: "SealedDelivery" } } : {}),
        })
      : serializeStandalone(signed, { style: "as-sent" });
  // A part of a document that was parsed within the limits already.
  const unlimited = Number.POSITIVE_INFINITY;
  const reparsed = parseXmlSafely(standalone, { maxBytes: unlimited, maxDepth: unlimited, maxElements: unlimited });
  const root = reparsed.ok ? reparsed.document.documentElement : null;
  const signatureThere = root ? lastSignatureChild(root) : null;
  if (!signatureThere) return { valid: false, reason: "the signed element could not be re-read standalone" };

  const verifier = new SignedXml({ publicCert: certificate.certificate.publicKey, getCertFromKeyInfo: () => null });
  try {
    verifier.loadSignature(serializeStandalone(signatureThere, { style: "as-sent" }));
    if (verifier.checkSignature(standalone)) return { valid: true };
    const failed = verifier.getReferences().find((r) => r.validationError);
    return {
      valid: false,
      reason: failed?.validationError?.message.includes("digest")
        ? "the digest does not match: the content changed after signing, or was canonicalized differently"
        : (failed?.validationError?.message ?? "a reference did not validate"),
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      valid: false,
      reason: /signature value .* is incorrect/.test(message) ? "the SignatureValue does not verify with the certificate's key" : message,
    };
  }
}
