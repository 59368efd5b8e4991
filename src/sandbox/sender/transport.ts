import { createPrivateKey, X509Certificate } from "node:crypto";
import { request } from "node:https";
import { NS } from "../soap/namespaces.ts";
import { escapeText } from "../soap/xml-serialize.ts";
import type { OrganisationIdentity, PemCertificate } from "../tls/test-ca.ts";
import { type Signer, soapEnvelope } from "./reference-delivery.ts";

/** The sender's side of the wire: SOAP 1.1 POSTs over mutual TLS, the isReachable request, and a client certificate as signer. */

export type SoapReply =
  | { kind: "answer"; status: number; contentType: string; body: string }
  /** The server closed the call without an answer, or the sender's own timeout ran out. */
  | { kind: "no-answer"; error: string };

export type CallOptions = {
  /** The CA that issued the emulator's server certificate: the sender verifies the server too. */
  ca: string;
  /** null: no client certificate at all. */
  certificate: PemCertificate | null;
  timeoutMs?: number;
  /** Default "text/xml; charset=utf-8", SOAP 1.1's; a test may send another to see it refused. */
  contentType?: string;
  /** Default '""', the empty action SOAP 1.1 senders commonly send. */
  soapAction?: string;
};

/** One SOAP 1.1 POST over HTTPS with the given client certificate, on a connection of its own. */
export function postSoap(url: string, body: string | Buffer, options: CallOptions): Promise<SoapReply> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        ca: options.ca,
        ...(options.certificate ? { cert: options.certificate.certificatePem, key: options.certificate.privateKeyPem } : {}),
        agent: false,
        headers: { "content-type": options.contentType ?? "text/xml; charset=utf-8", soapaction: options.soapAction ?? '""' },
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            kind: "answer",
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", (error) => resolve({ kind: "no-answer", error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("the sender's own timeout ran out")));
    req.on("error", (error) => resolve({ kind: "no-answer", error: error.message }));
    req.end(body);
  });
}

export function isReachableRequest(senderOrgNr: string, recipientIds: readonly string[]): string {
  return soapEnvelope(
    `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${escapeText(senderOrgNr)}</rcp3:senderOrgNr>${recipientIds
      .map((id) => `<rcp3:recipientId>${escapeText(id)}</rcp3:recipientId>`)
      .join("")}</rcp3:isReachable>`,
  );
}

/** A CA-issued client certificate as a signer too, as senders commonly use one certificate for both. */
export function signerOf(pem: PemCertificate, identity: OrganisationIdentity): Signer {
  const id = `16${identity.organisationNumber}`;
  return {
    privateKey: createPrivateKey(pem.privateKeyPem),
    certificatePem: pem.certificatePem,
    certificate: new X509Certificate(pem.certificatePem),
    subjectName: `CN=${identity.organisationName} + SERIALNUMBER=${id}, O=${identity.organisationName}, C=SE`,
  };
}
