import { generateKeyPairSync, sign, X509Certificate } from "node:crypto";
import type { Signer } from "../sender/reference-delivery.ts";

/**
 * Throwaway self-signed RSA certificates for tests, made in memory with node:crypto: a minimal
 * X.509 v3 certificate (no extensions) whose subject carries serialNumber = 16 + orgnr, as
 * Mina meddelanden organisation certificates do. Nothing here is ever written to disk.
 */

const der = (tag: number, content: Buffer): Buffer => {
  const length = content.length;
  const header =
    length < 0x80
      ? Buffer.from([tag, length])
      : length < 0x100
        ? Buffer.from([tag, 0x81, length])
        : Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([header, content]);
};
const sequence = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const integer = (bytes: Buffer) => der(0x02, bytes[0] !== undefined && bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const nullValue = () => Buffer.from([0x05, 0x00]);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, "utf8"));
const printable = (s: string) => der(0x13, Buffer.from(s, "ascii"));
const utcTime = (d: Date) => der(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-:T]/g, "")}Z`, "ascii"));

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

const attribute = (type: string, value: Buffer) => set(sequence(oid(type), value));

export type TestIdentity = { organisationName: string; organisationNumber: string };

function name({ organisationName, organisationNumber }: TestIdentity) {
  return sequence(
    attribute("2.5.4.6", printable("SE")),
    attribute("2.5.4.10", utf8(organisationName)),
    attribute("2.5.4.3", utf8(organisationName)),
    attribute("2.5.4.5", printable(`16${organisationNumber}`)),
  );
}

export type TestCertificate = Signer;

export type TestCertificateOptions = {
  validity?: { from: Date; to: Date };
  /** Real organisation certificates are 2048 bits or more; tests may take less, since key generation is their slow part. */
  modulusLength?: number;
};

export function makeTestCertificate(identity: TestIdentity, options: TestCertificateOptions = {}): TestCertificate {
  const validity = options.validity ?? { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 365 * 86_400_000) };
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: options.modulusLength ?? 2048 });
  const sha256WithRsa = sequence(oid("1.2.840.113549.1.1.11"), nullValue());
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))),
    integer(Buffer.from(String(Date.now() % 1e9).padStart(8, "0"), "ascii")),
    sha256WithRsa,
    name(identity),
    sequence(utcTime(validity.from), utcTime(validity.to)),
    name(identity),
    publicKey.export({ type: "spki", format: "der" }),
  );
  const signatureValue = sign("sha256", tbs, privateKey);
  const certificateDer = sequence(tbs, sha256WithRsa, der(0x03, Buffer.concat([Buffer.from([0]), signatureValue])));
  const certificate = new X509Certificate(certificateDer);
  return {
    privateKey,
    certificatePem: certificate.toString(),
    certificate,
    subjectName: `CN=${identity.organisationName} + SERIALNUMBER=16${identity.organisationNumber}, O=${identity.organisationName}, C=SE`,
  };
}
