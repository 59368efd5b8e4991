import { deleteTrustedCa, findTrustedCa } from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { trustedCaView } from "./trusted-ca-view.ts";

/** Stops trusting an uploaded test CA: its client certificates are refused from then on. */
export async function removeTrustedCa({ db, actor, now, organisationId, caId }: UseCaseContext & { organisationId: string; caId: string }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  await db.transaction(async (tx) => {
    const row = await findTrustedCa(tx, organisationId, caId);
    if (!row) throw notFound("trusted CA");
    await deleteTrustedCa(tx, row.id);
    await recordAudit(
      tx,
      actor,
      {
        action: "sandbox.trusted_ca.remove",
        entityType: "sandbox_trusted_ca",
        entityId: row.id,
        organisationId,
        before: trustedCaView(row),
      },
      now,
    );
  });
}
