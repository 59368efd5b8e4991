import { findFlow, updateFlowRow } from "../../db/repositories/flow-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { FlowInput } from "./flow-input.ts";
import { flowView } from "./flow-view.ts";

/**
 * Replaces a flow's fields with the input (PUT: what is left out gets its default again). Under the
 * flow's row lock, so of two changes at once each is audited against what it replaced.
 */
export async function updateFlow({ db, actor, now, flowId, input }: UseCaseContext & { flowId: string; input: FlowInput }) {
  const found = await findFlow(db, flowId);
  if (!found) throw notFound("flow");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  return db.transaction(async (tx) => {
    const before = await findFlow(tx, flowId, { lock: true });
    const row = before && (await updateFlowRow(tx, initiative.id, flowId, { ...input, updatedAt: now }));
    if (!before || !row) throw notFound("flow");
    const view = flowView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "message_flow.update",
        entityType: "message_flow",
        entityId: flowId,
        organisationId: initiative.organisationId,
        before: flowView(before),
        after: view,
      },
      now,
    );
    return view;
  });
}
