import { X509Certificate } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { ORGANIZATION_NUMBER_PATTERN } from "../soap/types.ts";

/**
 * The emulator's per-installation test CA and the certificates it issues: client certificates for
 * an organisation (subject `C=SE, O=…, CN=… + serialNumber=16<orgnr>`, the shape of the test
 * certificates Mina meddelanden senders use, technical.md §6.3) and a server certificate for the
 * emulator on loopback. node:crypto can verify certificates but not issue them, hence @peculiar/x509
 * over Node's WebCrypto. Everything comes back as PEM; nothing here writes a key anywhere, the
 * caller decides where (and whether) keys are kept.
 */

export const TEST_CA_COMMON_NAME = "Ansluta test-CA – not for production";

const OID = {
  serialNumber: "2.5.4.5",
  clientAuth: "1.3.6.1.5.5.7.3.2",
  serverAuth: "1.3.6.1.5.5.7.3.1",
} as const;

const DAY = 86_400_000;

export type PemCertificate = { certificatePem: string; privateKeyPem: string };
/** The CA's own certificate and key; the key signs what the CA issues and must stay with the installation. */
export type TestCa = PemCertificate;

export type IssueOptions = {
  now?: Date;
  validityDays?: number;
  /** 2048 unless a test needs speed; real organisation certificates are 2048 bits or more. */
  modulusLength?: number;
};

const rsa = (modulusLength: number) =>
  ({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength }) as const;

async function generateKeys(modulusLength: number): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(rsa(modulusLength), true, ["sign", "verify"]);
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

/** A positive 128-bit serial, random so that two installations never issue the same one. */
function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return Buffer.from(bytes).toString("hex");
}

function validity(options: IssueOptions, defaultDays: number) {
  const now = options.now ?? new Date();
  // Backdated an hour so that a clock a little behind the emulator's still accepts a fresh certificate.
  return {
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + (options.validityDays ?? defaultDays) * DAY),
  };
}

export async function createTestCa(options: IssueOptions & { installationName?: string } = {}): Promise<TestCa> {
  const keys = await generateKeys(options.modulusLength ?? 2048);
  const name = new x509.Name([
    { C: ["SE"] },
    { O: [options.installationName ? `Ansluta (${options.installationName})` : "Ansluta"] },
    { CN: [TEST_CA_COMMON_NAME] },
  ]);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name,
    ...validity(options, 10 * 365),
    keys,
    signingAlgorithm: rsa(options.modulusLength ?? 2048),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificatePem: certificate.toString("pem"), privateKeyPem: await privateKeyPem(keys.privateKey) };
}

async function loadCa(ca: TestCa) {
  const certificate = new x509.X509Certificate(ca.certificatePem);
  const signingKey = await crypto.subtle.importKey(
    "pkcs8",
    x509.PemConverter.decodeFirst(ca.privateKeyPem),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return { certificate, signingKey };
}

async function issue(
  ca: TestCa,
  subject: x509.Name,
  extensions: x509.Extension[],
  options: IssueOptions,
  defaultDays: number,
): Promise<PemCertificate> {
  const issuer = await loadCa(ca);
  const modulusLength = options.modulusLength ?? 2048;
  const keys = await generateKeys(modulusLength);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject,
    issuer: issuer.certificate.subjectName,
    ...validity(options, defaultDays),
    publicKey: keys.publicKey,
    signingKey: issuer.signingKey,
    signingAlgorithm: rsa(modulusLength),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
      ...extensions,
    ],
  });
  return { certificatePem: certificate.toString("pem"), privateKeyPem: await privateKeyPem(keys.privateKey) };
}

export type OrganisationIdentity = {
  /** Ten digits, as on the organisation's own papers; the certificate carries 16 + this. */
  organisationNumber: string;
  organisationName: string;
};

/**
 * A client certificate for mutual TLS and XML signing. serverAuth is there too because the test
 * certificates senders get from the real test CAs carry both (technical.md §6.3).
 */
export async function issueClientCertificate(
  ca: TestCa,
  identity: OrganisationIdentity,
  options: IssueOptions = {},
): Promise<PemCertificate> {
  const organisationId = `16${identity.organisationNumber}`;
  if (!ORGANIZATION_NUMBER_PATTERN.test(organisationId)) {
    throw new Error(`organisationsnummer "${identity.organisationNumber}" must be ten digits`);
  }
  const subject = new x509.Name([
    { C: ["SE"] },
    { O: [identity.organisationName] },
    // One multi-valued RDN, as in "CN=Kommun A + serialNumber=162021004748".
    { CN: [identity.organisationName], [OID.serialNumber]: [organisationId] },
  ]);
  return issue(ca, subject, [new x509.ExtendedKeyUsageExtension([OID.clientAuth, OID.serverAuth])], options, 2 * 365);
}

/** The DNS names (in lower case) and IP addresses (IPv6 in its short form) a certificate's subjectAltName holds. */
export function certificateNames(certificatePem: string): string[] {
  const names = new x509.X509Certificate(certificatePem).getExtension(x509.SubjectAlternativeNameExtension)?.names.items ?? [];
  return names
    .filter((n) => n.type === "dns" || n.type === "ip")
    .map((n) => (n.type === "ip" && n.value.includes(":") ? new URL(`https://[${n.value}]`).hostname.slice(1, -1) : n.value.toLowerCase()));
}

/** The emulator's own TLS certificate: localhost and the loopback addresses, unless told otherwise. */
export async function issueServerCertificate(
  ca: TestCa,
  options: IssueOptions & { hostnames?: string[]; ipAddresses?: string[] } = {},
): Promise<PemCertificate> {
  const hostnames = options.hostnames ?? ["localhost"];
  const ipAddresses = options.ipAddresses ?? ["127.0.0.1", "::1"];
  const subject = new x509.Name([{ C: ["SE"] }, { O: ["Ansluta"] }, { CN: [hostnames[0] ?? ipAddresses[0] ?? "localhost"] }]);
  return issue(
    ca,
    subject,
    [
      new x509.ExtendedKeyUsageExtension([OID.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...hostnames.map((value) => ({ type: "dns" as const, value })),
        ...ipAddresses.map((value) => ({ type: "ip" as const, value })),
      ]),
    ],
    options,
    2 * 365,
  );
}

export type ClientRefusalCode =
  | "no-certificate"
  | "untrusted"
  | "not-yet-valid"
  | "expired"
  | "not-client-auth"
  | "no-organisation-number"
  /** a valid certificate, but for an organisation that may not call the test environment it called */
  | "other-organisation";

export type ClientIdentification =
  | {
      ok: true;
      /** 16 + orgnr, as `snd:Id` and `senderOrgNr` write it. */
      organisationId: string;
      subject: string;
      issuer: string;
      fingerprint256: string;
    }
  | { ok: false; code: ClientRefusalCode; reason: string; subject?: string; issuer?: string };

const oneLine = (dn: string) => dn.replace(/\n/g, ", ");

/** The subject's serialNumber attribute (OID 2.5.4.5), read from the DER rather than Node's display string. */
export function subjectSerialNumber(certificate: X509Certificate): string | null {
  const values = new x509.X509Certificate(certificate.raw).subjectName.getField(OID.serialNumber);
  return values[0] ?? null;
}

/**
 * Who is calling: a client certificate issued directly by one of the trusted CAs (this
 * installation's test CA or a test CA an organisation uploaded), valid now, usable for client
 * authentication, whose subject serialNumber is 16 + an organisationsnummer. Intermediate CAs are
 * not followed: trust the issuing CA itself.
 */
export function identifyClient(
  certificate: X509Certificate | null,
  trustedCAs: readonly X509Certificate[],
  now: Date = new Date(),
): ClientIdentification {
  if (!certificate) return { ok: false, code: "no-certificate", reason: "no client certificate was presented (mutual TLS is required)" };
  const names = { subject: oneLine(certificate.subject), issuer: oneLine(certificate.issuer) };
  const issuer = trustedCAs.find((ca) => ca.ca && certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (!issuer) {
    return {
      ok: false,
      code: "untrusted",
      reason: `the client certificate is issued by "${names.issuer}", which is not a trusted test CA`,
      ...names,
    };
  }
  if (now < new Date(certificate.validFrom)) {
    return { ok: false, code: "not-yet-valid", reason: `the client certificate is not valid until ${certificate.validFrom}`, ...names };
  }
  if (now > new Date(certificate.validTo)) {
    return { ok: false, code: "expired", reason: `the client certificate expired ${certificate.validTo}`, ...names };
  }
  // Node names the extended key usage list `keyUsage`; no extension at all means any use.
  const extendedKeyUsage = certificate.keyUsage;
  if (extendedKeyUsage && !extendedKeyUsage.includes(OID.clientAuth)) {
    return {
      ok: false,
      code: "not-client-auth",
      reason: "the client certificate's extended key usage does not allow clientAuth",
      ...names,
    };
  }
  const serialNumber = subjectSerialNumber(certificate);
  if (!serialNumber || !ORGANIZATION_NUMBER_PATTERN.test(serialNumber)) {
    return {
      ok: false,
      code: "no-organisation-number",
      reason: serialNumber
        ? `the subject serialNumber "${serialNumber}" is not 16 followed by a ten-digit organisationsnummer`
        : "the subject has no serialNumber (16 + organisationsnummer)",
      ...names,
    };
  }
  return { ok: true, organisationId: serialNumber, fingerprint256: certificate.fingerprint256, ...names };
}

/** PEM certificates (one or several per string, as uploaded) as node:crypto certificates. */
export function readCertificates(pems: readonly string[]): X509Certificate[] {
  return pems.flatMap((pem) =>
    (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((one) => new X509Certificate(one)),
  );
}
