import { insertFlow } from "../../db/repositories/flow-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { FlowInput } from "./flow-input.ts";
import { flowView } from "./flow-view.ts";

/** Registers a meddelandeflöde of the initiative: the team's work. */
export async function createFlow({ db, actor, now, initiativeId, input }: UseCaseContext & { initiativeId: string; input: FlowInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  return db.transaction(async (tx) => {
    const row = await insertFlow(tx, { ...input, initiativeId: initiative.id, createdAt: now, updatedAt: now, createdBy: actor.userId });
    const view = flowView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "message_flow.create",
        entityType: "message_flow",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: view,
      },
      now,
    );
    return view;
  });
}
