import type { X509Certificate } from "node:crypto";
import { type ClientIdentification, identifyClient, readCertificates } from "../tls/test-ca.ts";
import type { EmulatorEnvironment } from "./environment.ts";

/**
 * Who may call a test environment: a client certificate issued by the installation's CA or by one
 * of the test CAs the environment's organisation uploaded, for the organisation itself or for the
 * förmedlare it named. Another organisation's valid certificate is refused, so nobody can fill an
 * environment that is not theirs with calls, and an uploaded CA counts only in its own
 * organisation's environments.
 */

/** The CAs an environment trusts, parsed once per version; a PEM that does not parse is left out rather than breaking the environment. */
export function trustedCertificates(installationCa: X509Certificate, uploaded: readonly string[]): X509Certificate[] {
  return [
    installationCa,
    ...uploaded.flatMap((pem) => {
      try {
        return readCertificates([pem]);
      } catch {
        return [];
      }
    }),
  ];
}

export function identifyEnvironmentClient(
  certificate: X509Certificate | null,
  environment: Pick<EmulatorEnvironment, "orgnr" | "intermediaryOrgNr" | "slug">,
  trusted: readonly X509Certificate[],
  now: Date,
): ClientIdentification {
  const client = identifyClient(certificate, trusted, now);
  if (!client.ok) return client;
  const allowed = [`16${environment.orgnr}`, ...(environment.intermediaryOrgNr ? [`16${environment.intermediaryOrgNr}`] : [])];
  if (allowed.includes(client.organisationId)) return client;
  return {
    ok: false,
    code: "other-organisation",
    reason:
      `the client certificate is for ${client.organisationId}, but test environment ${environment.slug} belongs to 16${environment.orgnr}` +
      (environment.intermediaryOrgNr ? ` (förmedlare 16${environment.intermediaryOrgNr})` : " (no förmedlare named)") +
      ": use a certificate for that organisation, or name your organisation as its förmedlare",
    subject: client.subject,
    issuer: client.issuer,
  };
}
