import type { SandboxTrustedCaRow } from "../../db/repositories/sandbox-setup-repository.ts";

/** An uploaded test CA as the API and the pages show it. */
export const trustedCaView = (row: SandboxTrustedCaRow) => ({
  id: row.id,
  subject: row.subject,
  fingerprint256: row.fingerprint256,
  validTo: row.validTo.toISOString(),
  certificatePem: row.certificatePem,
  createdAt: row.createdAt.toISOString(),
});
export type TrustedCaView = ReturnType<typeof trustedCaView>;
