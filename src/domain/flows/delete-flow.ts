import { deleteFlowRow, findFlow } from "../../db/repositories/flow-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { flowView } from "./flow-view.ts";

/** Removes a flow from the initiative; the audit keeps what it was. */
export async function deleteFlow({ db, actor, now, flowId }: UseCaseContext & { flowId: string }) {
  const found = await findFlow(db, flowId);
  if (!found) throw notFound("flow");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  await db.transaction(async (tx) => {
    const removed = await deleteFlowRow(tx, initiative.id, flowId);
    if (!removed) throw notFound("flow");
    await recordAudit(
      tx,
      actor,
      {
        action: "message_flow.delete",
        entityType: "message_flow",
        entityId: flowId,
        organisationId: initiative.organisationId,
        before: flowView(removed),
      },
      now,
    );
  });
}
