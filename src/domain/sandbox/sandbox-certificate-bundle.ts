import type { IssuedSandboxCertificate } from "./issue-sandbox-certificate.ts";

/**
 * A newly issued test certificate as one PEM file for a browser download: the private key, the
 * client certificate and the test CA, with a few comment lines on top saying what it is. OpenSSL
 * and Node read past the lines outside the BEGIN/END blocks, so the file works as it is as both
 * `cert` and `key` of a TLS client, and splits easily for tools that want separate files.
 */
export function sandboxCertificateBundle(issued: IssuedSandboxCertificate, organisationName: string): string {
  return [
    `# Ansluta test client certificate for ${organisationName.replace(/[\r\n]/g, " ")}`,
    `# Subject: ${issued.subject}`,
    `# Valid to: ${issued.validTo}`,
    "# The private key is in this file only: Ansluta keeps no copy. It is for the test environment, never production.",
    "# Blocks: the private key, the client certificate, the test CA that issued it (and the emulator's server certificate).",
    issued.privateKeyPem.trim(),
    issued.certificatePem.trim(),
    issued.caCertificatePem.trim(),
    "",
  ].join("\n");
}

/** The download's file name: the organisationsnummer, which is what the certificate names. */
export const sandboxCertificateFileName = (organisationNumber: string) => `ansluta-testcertifikat-${organisationNumber}.pem`;
