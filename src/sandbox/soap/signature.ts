import { createHash, type KeyObject, verify, X509Certificate } from "node:crypto";
import type { Element } from "@xmldom/xmldom";
import { type CanonicalizationMethod, canonicalize, type SignedView } from "./canonicalize.ts";
import { childNamed, childrenNamed, elementChildren, isElement } from "./dom.ts";
import { NS } from "./namespaces.ts";

/**
 * The two enveloped XML signatures of a delivery: the avsändare's on SignedDelivery and the
 * förmedlare's on SealedDelivery. Each is verified two ways (technical.md §6.2), from one reading
 * of the signature and without re-parsing the signed element:
 *
 * - "standard": W3C XML-DSig over the signed element exactly as sent (prefixes and wrapper name
 *   kept), taken as the document its `Reference URI=""` points at, with the transforms the
 *   Reference declares. What xmlsec1, Apache Santuario (Java) and .NET's SignedXml check.
 * - "reference": what the Mina meddelanden reference code and the operators do. The signed
 *   element is read prefix-free (every `xmlns:*` dropped, `xmlns="…"` where the namespace
 *   changes) and, for the seal, the SOAP wrapper svc3:deliverSecure read as msg3:SealedDelivery,
 *   because the förmedlare signed a SealedDelivery root before wrapping it.
 *
 * A signature is good if either way verifies: a sender may sign as the reference code does or as
 * the standard says. Where the two ways canonicalize alike, one digest and one RSA verification
 * serve both; where they differ, a way whose digest matched proves the other's wrong (they cannot
 * both match one DigestValue), so it too needs no second computation.
 */

export const ALGORITHMS = {
  excC14n: "http://www.w3.org/2001/10/xml-exc-c14n#",
  excC14nWithComments: "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
  c14n: "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
  c14nWithComments: "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
  enveloped: "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
  rsaSha256: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  rsaSha512: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
  rsaSha1: "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
  sha256: "http://www.w3.org/2001/04/xmlenc#sha256",
  sha512: "http://www.w3.org/2001/04/xmlenc#sha512",
  sha1: "http://www.w3.org/2000/09/xmldsig#sha1",
} as const;

/** What XML-DSig applies to a Reference's node-set when no canonicalization is declared (§4.4.3.2). */
const INCLUSIVE_C14N: CanonicalizationMethod = { exclusive: false, withComments: false };
const CANONICALIZATIONS: Record<string, CanonicalizationMethod> = {
  [ALGORITHMS.excC14n]: { exclusive: true, withComments: false },
  [ALGORITHMS.excC14nWithComments]: { exclusive: true, withComments: true },
  [ALGORITHMS.c14n]: { exclusive: false, withComments: false },
  [ALGORITHMS.c14nWithComments]: { exclusive: false, withComments: true },
};
const SIGNATURE_HASHES: Record<string, string> = {
  [ALGORITHMS.rsaSha256]: "sha256",
  [ALGORITHMS.rsaSha512]: "sha512",
  [ALGORITHMS.rsaSha1]: "sha1",
};
const DIGEST_HASHES: Record<string, string> = {
  [ALGORITHMS.sha256]: "sha256",
  [ALGORITHMS.sha512]: "sha512",
  [ALGORITHMS.sha1]: "sha1",
};

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

export type ReadCertificate =
  | { ok: true; certificate: X509Certificate; publicKey: KeyObject; info: CertificateInfo }
  | { ok: false; reason: string };

function parseCertificate(base64: string): ReadCertificate {
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
    publicKey: certificate.publicKey,
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

/**
 * Senders sign every delivery with the same one or two certificates, and each is read up to four
 * times per delivery (two checks, the seal's signer, verification): parsing it once per worker
 * saves that work. Bounded, least recently used first out; a "certificate" far larger than a real
 * one is read but not kept, so a sender cannot fill the memory with them.
 */
const CERTIFICATE_CACHE = { entries: 64, maxBase64Length: 16_384 } as const;
const certificates = new Map<string, ReadCertificate>();

/** Reads a base64 DER certificate; the result is shared between callers and must not be changed. */
export function readCertificate(base64: string): ReadCertificate {
  const cached = certificates.get(base64);
  if (cached) {
    certificates.delete(base64);
    certificates.set(base64, cached);
    return cached;
  }
  const read = parseCertificate(base64);
  if (base64.length <= CERTIFICATE_CACHE.maxBase64Length) {
    certificates.set(base64, read);
    if (certificates.size > CERTIFICATE_CACHE.entries) certificates.delete(certificates.keys().next().value as string);
  }
  return read;
}

export type VerifyResult = { valid: true } | { valid: false; reason: string };

/** How a signature fares each way; `causes` says why the two ways see different bytes, when they do. */
export type SignatureVerification = { standard: VerifyResult; reference: VerifyResult; causes: string[] };

const lastSignatureChild = (e: Element) => {
  const last = elementChildren(e).at(-1);
  return last && last.localName === "Signature" && last.namespaceURI === NS.ds ? last : null;
};

const EXC_C14N_NS = ALGORITHMS.excC14n;

function methodOf(element: Element, algorithm: string | undefined): CanonicalizationMethod | null {
  const method = algorithm ? CANONICALIZATIONS[algorithm] : undefined;
  if (!method) return null;
  const prefixList = elementChildren(element)
    .find((c) => c.localName === "InclusiveNamespaces" && c.namespaceURI === EXC_C14N_NS)
    ?.getAttribute("PrefixList");
  return method.exclusive && prefixList ? { ...method, inclusivePrefixes: prefixList.trim().split(/\s+/) } : method;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const base64Of = (e: Element | null) => {
  const text = (e?.textContent ?? "").replace(/\s+/g, "");
  return text && BASE64.test(text) ? Buffer.from(text, "base64") : null;
};

type ReadSignature = {
  signature: Element;
  signedInfo: Element;
  signedInfoMethod: CanonicalizationMethod;
  signatureHash: string;
  /** The canonicalization of the Reference's content: the declared one, or inclusive c14n by default. */
  contentMethod: CanonicalizationMethod;
  digestHash: string;
  digestValue: Buffer;
  signatureValue: Buffer;
  key: KeyObject;
};

/** Everything both ways share: the signature's structure, algorithms and key. Fails for a reason that holds either way. */
function readSignature(signed: Element): { ok: true; read: ReadSignature } | { ok: false; reason: string } {
  const signature = lastSignatureChild(signed);
  if (!signature) return { ok: false, reason: "no ds:Signature as the last child" };
  const signedInfo = dsChild(signature, "SignedInfo");
  if (!signedInfo) return { ok: false, reason: "no ds:SignedInfo in the ds:Signature" };
  const canonicalization = dsChild(signedInfo, "CanonicalizationMethod");
  const signedInfoMethod = canonicalization && methodOf(canonicalization, algorithmOf(canonicalization));
  if (!signedInfoMethod)
    return { ok: false, reason: `CanonicalizationMethod ${algorithmOf(canonicalization) ?? "(none)"} is not supported` };
  const signatureMethod = algorithmOf(dsChild(signedInfo, "SignatureMethod"));
  const signatureHash = signatureMethod ? SIGNATURE_HASHES[signatureMethod] : undefined;
  if (!signatureHash) return { ok: false, reason: `SignatureMethod ${signatureMethod ?? "(none)"} is not supported` };
  const references = elementChildren(signedInfo).filter((c) => c.localName === "Reference" && c.namespaceURI === NS.ds);
  if (references.length !== 1) return { ok: false, reason: `expected one ds:Reference, found ${references.length}` };
  const reference = references[0] as Element;
  const uri = reference.hasAttribute("URI") ? reference.getAttribute("URI") : null;
  const id = signed.getAttribute("Id");
  // The reference must cover the signed element itself; anything else invites signature wrapping.
  if (uri !== "" && !(id && uri === `#${id}`))
    return { ok: false, reason: `ds:Reference URI "${uri ?? "(none)"}" does not point at the signed element` };
  const transformsElement = dsChild(reference, "Transforms");
  const transforms = transformsElement
    ? elementChildren(transformsElement).filter((t) => t.localName === "Transform" && t.namespaceURI === NS.ds)
    : [];
  const [first, second, ...more] = transforms;
  if (algorithmOf(first ?? null) !== ALGORITHMS.enveloped)
    return { ok: false, reason: "the first transform is not enveloped-signature, so the digest would cover the signature itself" };
  const declared = second ? methodOf(second, algorithmOf(second)) : null;
  if ((second && !declared) || more.length)
    return {
      ok: false,
      reason: `transforms ${transforms.map((t) => algorithmOf(t) ?? "(none)").join(", ")} are not supported: enveloped-signature, then at most one canonicalization`,
    };
  // A Reference to the element leaves its comments out whatever the transform says (XML-DSig §4.4.3.3).
  const contentMethod = declared ? { ...declared, withComments: false } : INCLUSIVE_C14N;
  const digestMethod = algorithmOf(dsChild(reference, "DigestMethod"));
  const digestHash = digestMethod ? DIGEST_HASHES[digestMethod] : undefined;
  if (!digestHash) return { ok: false, reason: `DigestMethod ${digestMethod ?? "(none)"} is not supported` };
  const digestValue = base64Of(dsChild(reference, "DigestValue"));
  if (!digestValue) return { ok: false, reason: "the DigestValue is missing or not base64" };
  const signatureValue = base64Of(dsChild(signature, "SignatureValue"));
  if (!signatureValue) return { ok: false, reason: "the SignatureValue is missing or not base64" };
  const certificateBase64 = inspectSignature(signature).certificateBase64;
  if (!certificateBase64) return { ok: false, reason: "no X509Certificate in KeyInfo to verify with" };
  const certificate = readCertificate(certificateBase64);
  if (!certificate.ok) return { ok: false, reason: certificate.reason };
  if (certificate.publicKey.asymmetricKeyType !== "rsa")
    return {
      ok: false,
      reason: `the certificate's key is ${certificate.publicKey.asymmetricKeyType ?? "unknown"}, not RSA as the SignatureMethod says`,
    };
  return {
    ok: true,
    read: {
      signature,
      signedInfo,
      signedInfoMethod,
      signatureHash,
      contentMethod,
      digestHash,
      digestValue,
      signatureValue,
      key: certificate.publicKey,
    },
  };
}

const AS_SENT: SignedView = { kind: "as-sent" };
const referenceView = (signed: Element): SignedView => ({
  kind: "prefix-free",
  ...(signed.localName === "deliverSecure" ? { rootAs: { namespace: NS.message3, localName: "SealedDelivery" } } : {}),
});

const DIGEST_MISMATCH = "the digest does not match: the content changed after signing, or was canonicalized differently";
const SIGNATURE_MISMATCH = "the SignatureValue does not verify with the certificate's key";

/**
 * Checks one claim (a digest, a SignatureValue) for the bytes each way gives. Equal bytes are
 * checked once. Different bytes cannot both satisfy the claim, so once one way's do, the other's
 * fail without being checked.
 */
function eachWay(bytes: { standard: string; reference: string }, holds: (canonical: string) => boolean) {
  const reference = holds(bytes.reference);
  if (bytes.standard === bytes.reference) return { standard: reference, reference };
  return { standard: !reference && holds(bytes.standard), reference };
}

const usedPrefixes = (element: Element, into = new Set<string>()) => {
  if (element.prefix) into.add(element.prefix);
  for (const child of elementChildren(element)) usedPrefixes(child, into);
  return into;
};

/** Why the reference way reads other bytes than were sent, in the order a reader would look. */
function causesOfDifference(signed: Element, read: ReadSignature): string[] {
  const causes: string[] = [];
  if (signed.localName === "deliverSecure")
    causes.push("the reference way reads svc3:deliverSecure as msg3:SealedDelivery, the root the förmedlare signs before wrapping it");
  const prefixes = [...usedPrefixes(signed)];
  if (prefixes.length)
    causes.push(`the reference way drops the namespace prefixes the element is sent with (${prefixes.map((p) => `${p}:`).join(", ")})`);
  const inherited = inheritedDeclarations(signed);
  if (inherited.length && (!read.contentMethod.exclusive || !read.signedInfoMethod.exclusive))
    causes.push(
      `inclusive c14n (the default when no exclusive c14n transform is declared) takes in, as sent, the namespace declarations in scope from outside the element (${inherited.join(", ")}), which the reference way leaves out`,
    );
  return causes;
}

/** The namespace declarations of the element's ancestors that it does not declare over itself. */
function inheritedDeclarations(signed: Element): string[] {
  const own = new Set(
    Array.from(signed.attributes)
      .filter((a) => a.namespaceURI === NS.xmlns)
      .map((a) => a.name),
  );
  const names = new Set<string>();
  for (let n = signed.parentNode; n && isElement(n); n = n.parentNode) {
    for (const a of Array.from(n.attributes)) if (a.namespaceURI === NS.xmlns && !own.has(a.name)) names.add(a.name);
  }
  return [...names];
}

function verifiesWith(read: ReadSignature, canonicalSignedInfo: string): boolean {
  try {
    return verify(read.signatureHash, Buffer.from(canonicalSignedInfo, "utf8"), read.key, read.signatureValue);
  } catch {
    // OpenSSL refuses some malformed values (e.g. longer than the modulus) instead of answering false.
    return false;
  }
}

/** Verifies the enveloped signature that is the last child of `signed`, with the key in its own KeyInfo, both ways. */
export function verifyEnvelopedSignature(signed: Element): SignatureVerification {
  const readResult = readSignature(signed);
  if (!readResult.ok) {
    const failed = { valid: false, reason: readResult.reason } as const;
    return { standard: failed, reference: failed, causes: [] };
  }
  const read = readResult.read;
  const views = { standard: AS_SENT, reference: referenceView(signed) };
  const content = {
    standard: canonicalize(signed, { apex: signed, view: views.standard, method: read.contentMethod, omit: read.signature }),
    reference: canonicalize(signed, { apex: signed, view: views.reference, method: read.contentMethod, omit: read.signature }),
  };
  const digests = eachWay(content, (canonical) => createHash(read.digestHash).update(canonical, "utf8").digest().equals(read.digestValue));
  const signedInfo = {
    standard: canonicalize(read.signedInfo, { apex: signed, view: views.standard, method: read.signedInfoMethod }),
    reference: canonicalize(read.signedInfo, { apex: signed, view: views.reference, method: read.signedInfoMethod }),
  };
  const signatures = eachWay(
    { standard: digests.standard ? signedInfo.standard : "", reference: digests.reference ? signedInfo.reference : "" },
    (canonical) => canonical !== "" && verifiesWith(read, canonical),
  );
  const result = (way: "standard" | "reference"): VerifyResult =>
    !digests[way]
      ? { valid: false, reason: DIGEST_MISMATCH }
      : signatures[way]
        ? { valid: true }
        : { valid: false, reason: SIGNATURE_MISMATCH };
  const differ = content.standard !== content.reference || signedInfo.standard !== signedInfo.reference;
  return { standard: result("standard"), reference: result("reference"), causes: differ ? causesOfDifference(signed, read) : [] };
}
