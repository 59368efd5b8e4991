import { findPlanSettings } from "../../db/repositories/flow-plan-settings-repository.ts";
import { type FlowRow, flowsOf } from "../../db/repositories/flow-repository.ts";
import { can } from "../access/policy.ts";
import type { FlowPriorityInput } from "../flows/flow-input.ts";
import { changeFlow } from "../flows/update-flow.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
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
export async function setFlowPriority({ input, ...ctx }: UseCaseContext & { flowId: string; input: FlowPriorityInput }) {
  return changeFlow({
    ...ctx,
    change: ({ id: _id, initiativeId: _initiative, createdAt: _created, createdBy: _by, ...kept }) => ({ ...kept, ...input }),
  });
}
