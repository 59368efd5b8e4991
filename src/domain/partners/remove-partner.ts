import { deletePartner, partnersOf } from "../../db/repositories/communication-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { partnerView } from "./partner-view.ts";

/** Removes a samverkanspart; messages already sent to it keep it as their recipient. */
export async function removePartner({
  db,
  actor,
  now,
  initiativeId,
  partnerId,
}: UseCaseContext & { initiativeId: string; partnerId: string }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  await db.transaction(async (tx) => {
    const before = (await partnersOf(tx, initiative.id)).find((p) => p.id === partnerId);
    const removed = before && (await deletePartner(tx, initiative.id, partnerId));
    if (!before || !removed) throw notFound("partner");
    await recordAudit(
      tx,
      actor,
      {
        action: "initiative.partner.remove",
        entityType: "initiative_partner",
        entityId: partnerId,
        organisationId: initiative.organisationId,
        before: partnerView(before),
      },
      now,
    );
  });
}
