import { beforeAll, describe, expect, it } from "vitest";
import { createTestCa, issueClientCertificate, type TestCa } from "../../sandbox/tls/test-ca.ts";
import { MAX_CA_PEM_BYTES, readTrustedCa } from "./trusted-ca-certificate.ts";

const now = new Date("2026-11-27T12:00:00Z");
const fast = { modulusLength: 1024, now };

describe("readTrustedCa", () => {
  let ca: TestCa;
  let other: TestCa;
  beforeAll(async () => {
    [ca, other] = await Promise.all([createTestCa(fast), createTestCa(fast)]);
  });

  it("accepts one CA certificate and describes it", () => {
    const read = readTrustedCa(`Our test CA\n${ca.certificatePem}\n`, now);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.ca.certificatePem.startsWith("-----BEGIN CERTIFICATE-----")).toBe(true);
    expect(read.ca.certificatePem).not.toContain("Our test CA");
    expect(read.ca.subject).toContain("CN=Ansluta test-CA");
    expect(read.ca.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(read.ca.validTo.getTime()).toBeGreaterThan(now.getTime());
  });

  it("refuses anything holding a private key, and says never to upload one", () => {
    const read = readTrustedCa(ca.certificatePem + ca.privateKeyPem, now);
    expect(read).toMatchObject({ ok: false, issue: { path: ["certificatePem"], code: "ca_private_key" } });
    if (!read.ok) expect(read.issue.message).toMatch(/never upload private keys/);
    expect(readTrustedCa("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", now)).toMatchObject({
      issue: { code: "ca_private_key" },
    }); // Even where something else is wrong too (here: far too large), the key is what is said.
    expect(readTrustedCa(ca.privateKeyPem + "x".repeat(40_000), now)).toMatchObject({ issue: { code: "ca_private_key" } });
  });

  it("wants exactly one readable certificate", () => {
    expect(readTrustedCa("hello", now)).toMatchObject({ issue: { code: "ca_no_certificate" } });
    expect(readTrustedCa(ca.certificatePem + other.certificatePem, now)).toMatchObject({ issue: { code: "ca_several_certificates" } });
    expect(readTrustedCa("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----", now)).toMatchObject({
      issue: { code: "ca_unreadable" },
    });
  });

  it("refuses a certificate that is not a CA, an expired CA and an oversized upload", async () => {
    const client = await issueClientCertificate(ca, { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" }, fast);
    expect(readTrustedCa(client.certificatePem, now)).toMatchObject({ issue: { code: "ca_not_ca" } });
    expect(readTrustedCa(ca.certificatePem, new Date("2040-01-01T00:00:00Z"))).toMatchObject({ issue: { code: "ca_expired" } });
    expect(readTrustedCa(ca.certificatePem + " ".repeat(MAX_CA_PEM_BYTES), now)).toMatchObject({ issue: { code: "ca_too_large" } });
  });
});
