import { deleteOwnRecipient, findOwnRecipient } from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** Removes an own synthetic recipient: the organisation's environments no longer know the number. */
export async function removeOwnRecipient({
  db,
  actor,
  now,
  organisationId,
  recipientRowId,
}: UseCaseContext & { organisationId: string; recipientRowId: string }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  await db.transaction(async (tx) => {
    const row = await findOwnRecipient(tx, organisationId, recipientRowId);
    if (!row) throw notFound("recipient");
    await deleteOwnRecipient(tx, row.id);
    await recordAudit(
      tx,
      actor,
      { action: "sandbox.recipient.remove", entityType: "sandbox_recipient", entityId: row.id, organisationId, before: row },
      now,
    );
  });
}
