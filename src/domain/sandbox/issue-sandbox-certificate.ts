import { X509Certificate } from "node:crypto";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import { issueClientCertificate } from "../../sandbox/tls/test-ca.ts";
import type { SecretBox } from "../../secrets/secret-box.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { readSandboxAuthority } from "./sandbox-authority.ts";

export type IssuedSandboxCertificate = {
  certificatePem: string;
  /** Handed out once: Ansluta keeps no copy, so a lost key means issuing a new certificate. */
  privateKeyPem: string;
  caCertificatePem: string;
  subject: string;
  serialNumber: string;
  fingerprint256: string;
  validTo: string;
};

/**
 * A test client certificate for the organisation's own system to call the emulator with (mutual
 * TLS and XML signing): subject serialNumber 16 + organisationsnummer, issued by the
 * installation's test CA. The audit entry names the certificate, never its key.
 */
export async function issueSandboxCertificate({
  db,
  actor,
  now,
  secrets,
  organisationId,
}: UseCaseContext & { secrets: SecretBox; organisationId: string }): Promise<IssuedSandboxCertificate> {
  authorize(actor, { action: "sandbox:use", organisationId });
  const organisation = await findOrganisationById(db, organisationId);
  if (!organisation) throw new DomainError("NOT_FOUND", "organisation not found");
  const authority = await readSandboxAuthority(db, secrets);
  const issued = await issueClientCertificate(
    { certificatePem: authority.caCertificatePem, privateKeyPem: authority.caPrivateKeyPem },
    { organisationNumber: organisation.number, organisationName: organisation.name },
    { now },
  );
  const certificate = new X509Certificate(issued.certificatePem);
  const description = {
    subject: certificate.subject.replace(/\n/g, ", "),
    serialNumber: certificate.serialNumber,
    fingerprint256: certificate.fingerprint256,
    validTo: new Date(certificate.validTo).toISOString(),
  };
  await db.transaction(async (tx) =>
    recordAudit(
      tx,
      actor,
      {
        action: "sandbox.certificate.issue",
        entityType: "sandbox_certificate",
        entityId: description.serialNumber,
        organisationId,
        after: { ...description, certificatePem: issued.certificatePem },
      },
      now,
    ),
  );
  return { ...issued, caCertificatePem: authority.caCertificatePem, ...description };
}
