import { findPlanSettings } from "../../db/repositories/flow-plan-settings-repository.ts";
import { type FlowRow, findFlow, flowsOf, updateFlowRow } from "../../db/repositories/flow-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { FlowPriorityInput } from "../flows/flow-input.ts";
import { flowView } from "../flows/flow-view.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { DEFAULT_PRIORITY_WEIGHTS, type Judgement, type PriorityFlow, prioritise } from "./priority-score.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** A stored flow as the prioritisation reads it: the table's checks hold the judgements to 1–5. */
export const priorityFlowOf = (f: FlowRow): PriorityFlow => ({
  id: f.id,
  name: f.name,
  annualVolume: f.annualVolume,
  processChange: f.processChange as Judgement | null,
  serviceImprovement: f.serviceImprovement as Judgement | null,
  priorityOverride: f.priorityOverride === null ? null : Number(f.priorityOverride),
  priorityMotivation: f.priorityMotivation,
});

/**
 * The initiative's flows in the order to connect them, each with how its score was reached, under
 * the initiative's weights (the defaults until the team sets its own); for every member.
 */
export async function flowPriorities({ db, actor, initiativeId }: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const flows = await flowsOf(db, initiative.id);
  const settings = await findPlanSettings(db, initiative.id);
  const weights = { ...(settings?.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS) };
  return {
    initiative,
    weights,
    flows: prioritise(flows.map(priorityFlowOf), weights),
    canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}

/**
 * Sets a flow's prioritisation only (its judgements and the team's override with motivation),
 * leaving its other fields as they are: under the flow's row lock, audited as a change of the flow.
 */
export async function setFlowPriority({ db, actor, now, flowId, input }: UseCaseContext & { flowId: string; input: FlowPriorityInput }) {
  const found = await findFlow(db, flowId);
  if (!found) throw notFound("flow");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  return db.transaction(async (tx) => {
    const before = await findFlow(tx, flowId, { lock: true });
    if (!before) throw notFound("flow");
    const { id: _id, initiativeId: _initiative, createdAt: _created, createdBy: _by, ...kept } = before;
    const row = await updateFlowRow(tx, initiative.id, flowId, { ...kept, ...input, updatedAt: now });
    if (!row) throw notFound("flow");
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
