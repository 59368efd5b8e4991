import { lockPublishable, updatePublishable } from "../../db/repositories/initiative-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { readableInitiative } from "./read-initiatives.ts";

/**
 * Marks the initiative publishable or not in the open-data export: its projektledare, verksamhetsägare
 * or the organisation's administratör. Under the row's lock, audited with before and after; sending
 * what it already is changes and records nothing.
 */
export async function setPublishable({
  db,
  actor,
  now,
  initiativeId,
  publishable,
}: UseCaseContext & { initiativeId: string; publishable: boolean }): Promise<{ initiativeId: string; publishable: boolean }> {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "initiative:publish", organisationId: initiative.organisationId });
  return db.transaction(async (tx) => {
    const before = await lockPublishable(tx, initiativeId);
    if (before === undefined || before === publishable) return { initiativeId, publishable };
    await updatePublishable(tx, initiativeId, publishable);
    await recordAudit(
      tx,
      actor,
      {
        action: "initiative.publishable",
        entityType: "initiative",
        entityId: initiativeId,
        organisationId: initiative.organisationId,
        before: { publishable: before },
        after: { publishable },
      },
      now,
    );
    return { initiativeId, publishable };
  });
}
