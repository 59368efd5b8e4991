import { X509Certificate } from "node:crypto";
import type { FieldIssue } from "../shared/domain-error.ts";

/** An uploaded CA is one certificate; a chain or a bundle is more than anyone needs to test with. */
export const MAX_CA_PEM_BYTES = 16 * 1024;

export type TrustedCaCertificate = {
  /** The one certificate block, re-encoded by node:crypto so stray text around it is not kept. */
  certificatePem: string;
  subject: string;
  fingerprint256: string;
  validTo: Date;
};

export type TrustedCaProblem =
  | "ca_too_large"
  | "ca_private_key"
  | "ca_no_certificate"
  | "ca_several_certificates"
  | "ca_unreadable"
  | "ca_not_ca"
  | "ca_expired";

const MESSAGES: Record<TrustedCaProblem, string> = {
  ca_too_large: `the PEM is larger than ${MAX_CA_PEM_BYTES / 1024} kB: upload the CA certificate alone`,
  ca_private_key:
    "the PEM contains a PRIVATE KEY block: never upload private keys. Upload only the CA certificate (-----BEGIN CERTIFICATE-----), and treat this key as exposed: replace it",
  ca_no_certificate: "no -----BEGIN CERTIFICATE----- block found",
  ca_several_certificates: "the PEM holds more than one certificate: upload exactly one CA certificate",
  ca_unreadable: "the certificate could not be read as X.509",
  ca_not_ca: "the certificate is not a CA (basicConstraints cA is not true): upload the CA that issued your client certificates",
  ca_expired: "the CA certificate has expired",
};

const issue = (problem: TrustedCaProblem): FieldIssue => ({ path: ["certificatePem"], code: problem, message: MESSAGES[problem] });

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
// Any PEM key label: PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE KEY.
export const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** Reads an uploaded test CA: exactly one PEM certificate, a CA, not expired, and never a private key. */
export function readTrustedCa(pem: string, now: Date): { ok: true; ca: TrustedCaCertificate } | { ok: false; issue: FieldIssue } {
  // The key first: whatever else is wrong, a pasted key is the thing to say, and never to show back.
  if (PRIVATE_KEY_BLOCK.test(pem)) return { ok: false, issue: issue("ca_private_key") };
  if (Buffer.byteLength(pem, "utf8") > MAX_CA_PEM_BYTES) return { ok: false, issue: issue("ca_too_large") };
  const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) return { ok: false, issue: issue("ca_no_certificate") };
  if (blocks.length > 1) return { ok: false, issue: issue("ca_several_certificates") };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(blocks[0] as string);
  } catch {
    return { ok: false, issue: issue("ca_unreadable") };
  }
  if (!certificate.ca) return { ok: false, issue: issue("ca_not_ca") };
  const validTo = new Date(certificate.validTo);
  if (!(validTo.getTime() > now.getTime())) return { ok: false, issue: issue("ca_expired") };
  return {
    ok: true,
    ca: {
      certificatePem: certificate.toString(),
      subject: certificate.subject.replace(/\n/g, ", "),
      fingerprint256: certificate.fingerprint256,
      validTo,
    },
  };
}
