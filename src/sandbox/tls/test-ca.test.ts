import { createPrivateKey, X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestCa,
  identifyClient,
  issueClientCertificate,
  issueServerCertificate,
  readCertificates,
  subjectSerialNumber,
  TEST_CA_COMMON_NAME,
  type TestCa,
} from "./test-ca.ts";

/** Short keys: key generation is the slow part, and nothing here depends on key length. */
const FAST = { modulusLength: 1024 };

let ca: TestCa;
let otherCa: TestCa;
beforeAll(async () => {
  [ca, otherCa] = await Promise.all([createTestCa({ installationName: "test", ...FAST }), createTestCa(FAST)]);
});

describe("the installation's test CA", () => {
  it("is a self-signed CA certificate that says it is not for production", () => {
    const certificate = new X509Certificate(ca.certificatePem);
    expect(certificate.ca).toBe(true);
    expect(certificate.subject).toContain(`CN=${TEST_CA_COMMON_NAME}`);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(createPrivateKey(ca.privateKeyPem).asymmetricKeyType).toBe("rsa");
  });

  it("issues a client certificate shaped like a Mina meddelanden test certificate", async () => {
    const issued = await issueClientCertificate(ca, { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" }, FAST);
    const certificate = new X509Certificate(issued.certificatePem);
    expect(certificate.subject).toBe("C=SE\nO=Sundsvalls kommun\nCN=Sundsvalls kommun + serialNumber=162120002411");
    expect(subjectSerialNumber(certificate)).toBe("162120002411");
    expect(certificate.ca).toBe(false);
    expect(certificate.keyUsage).toContain("1.3.6.1.5.5.7.3.2");
    const identified = identifyClient(certificate, readCertificates([ca.certificatePem]));
    expect(identified).toMatchObject({ ok: true, organisationId: "162120002411" });
  });

  it("refuses organisation numbers that are not ten digits", async () => {
    await expect(issueClientCertificate(ca, { organisationNumber: "212000241", organisationName: "X" })).rejects.toThrow(/ten digits/);
  });

  it("issues a server certificate for localhost and 127.0.0.1", async () => {
    const issued = await issueServerCertificate(ca, FAST);
    const certificate = new X509Certificate(issued.certificatePem);
    expect(certificate.checkHost("localhost")).toBe("localhost");
    expect(certificate.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(certificate.checkIssued(new X509Certificate(ca.certificatePem))).toBe(true);
  });
});

describe("identifyClient", () => {
  it("says why a certificate is refused", async () => {
    const trusted = readCertificates([ca.certificatePem]);
    const identity = { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" };
    const [foreign, expired, server] = await Promise.all([
      issueClientCertificate(otherCa, identity, FAST),
      issueClientCertificate(ca, identity, { ...FAST, now: new Date("2020-01-01T00:00:00Z"), validityDays: 30 }),
      issueServerCertificate(ca, FAST),
    ]);
    expect(identifyClient(null, trusted)).toMatchObject({ ok: false, code: "no-certificate" });
    expect(identifyClient(new X509Certificate(foreign.certificatePem), trusted)).toMatchObject({ ok: false, code: "untrusted" });
    expect(identifyClient(new X509Certificate(expired.certificatePem), trusted)).toMatchObject({ ok: false, code: "expired" });
    expect(identifyClient(new X509Certificate(server.certificatePem), trusted)).toMatchObject({ ok: false, code: "not-client-auth" });
    expect(
      identifyClient(new X509Certificate(foreign.certificatePem), readCertificates([ca.certificatePem, otherCa.certificatePem])),
    ).toMatchObject({
      ok: true,
    });
  });
});
