import { findTrustedCaByFingerprint, insertTrustedCa } from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { readTrustedCa } from "./trusted-ca-certificate.ts";
import { trustedCaView } from "./trusted-ca-view.ts";

/**
 * Trusts an organisation's own test CA in its test environments: client certificates it issued
 * are accepted there (never in another organisation's). The same CA twice is a conflict.
 */
export async function addTrustedCa({
  db,
  actor,
  now,
  organisationId,
  certificatePem,
}: UseCaseContext & { organisationId: string; certificatePem: string }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  const read = readTrustedCa(certificatePem, now);
  if (!read.ok) throw new DomainError("VALIDATION_FAILED", "the test CA cannot be used", { fields: [read.issue] });
  const { ca } = read;
  const row = await db.transaction(async (tx) => {
    if (await findTrustedCaByFingerprint(tx, organisationId, ca.fingerprint256)) {
      throw new DomainError("ALREADY_EXISTS", "this test CA is already uploaded", {
        fields: [{ path: ["certificatePem"], code: "ca_duplicate", message: "this CA certificate is already uploaded" }],
      });
    }
    const created = await insertTrustedCa(tx, { organisationId, ...ca, createdAt: now, createdBy: actor.userId });
    await recordAudit(
      tx,
      actor,
      {
        action: "sandbox.trusted_ca.add",
        entityType: "sandbox_trusted_ca",
        entityId: created.id,
        organisationId,
        after: trustedCaView(created),
      },
      now,
    );
    return created;
  });
  return trustedCaView(row);
}
