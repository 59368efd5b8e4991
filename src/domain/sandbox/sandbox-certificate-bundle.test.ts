import { X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { describe, expect, it } from "vitest";
import { createTestCa, issueClientCertificate } from "../../sandbox/tls/test-ca.ts";
import { sandboxCertificateBundle } from "./sandbox-certificate-bundle.ts";

describe("the test certificate as one PEM file", () => {
  it("holds the key, the certificate and the CA, and works as a TLS client's cert and key as it is", async () => {
    // The default 2048-bit keys: Node 24 and 22 today (OpenSSL 3.5) refuse 1024-bit ones in a TLS context.
    const ca = await createTestCa();
    const client = await issueClientCertificate(ca, { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" });
    const certificate = new X509Certificate(client.certificatePem);
    const bundle = sandboxCertificateBundle(
      {
        ...client,
        caCertificatePem: ca.certificatePem,
        subject: certificate.subject.replace(/\n/g, ", "),
        serialNumber: certificate.serialNumber,
        fingerprint256: certificate.fingerprint256,
        validTo: new Date(certificate.validTo).toISOString(),
      },
      "Sundsvalls kommun\nInjected: line",
    );
    expect(bundle.split("\n").filter((l) => l.startsWith("Injected"))).toEqual([]);
    expect(bundle.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(bundle).toContain(client.privateKeyPem.trim());
    expect(() => createSecureContext({ cert: bundle, key: bundle })).not.toThrow();
    // The first certificate in the file is the client's own, as TLS sends it.
    expect(new X509Certificate(bundle).fingerprint256).toBe(certificate.fingerprint256);
  });
});
