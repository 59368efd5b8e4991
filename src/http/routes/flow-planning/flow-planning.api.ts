import { getFlowSettings, updateFlowSettings } from "../../../domain/flows/flow-settings.ts";
import { FlowSettingsInput } from "../../../domain/flows/flow-settings-input.ts";
import { flowPriorities } from "../../../domain/prioritisation/flow-priorities.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { FlowPriorities, FlowSettings } from "./flow-planning.schema.ts";

/** Planning the initiative's flows: its reach overrides and priority weights, and the flows in priority order. */
export function flowPlanningApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/flow-settings",
    summary: "The initiative's reach overrides and priority weights (the defaults until the team sets its own)",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: FlowSettings },
    handler: async ({ actor, params }) => {
      const { reachOverrides, priorityWeights, updatedAt } = await getFlowSettings({ db, actor, initiativeId: params.initiativeId });
      return { reachOverrides, priorityWeights, updatedAt };
    },
  });

  api({
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/flow-settings",
    summary: "Replace the initiative's reach overrides and priority weights (the initiative's team)",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    body: FlowSettingsInput,
    response: { status: 200, schema: FlowSettings },
    handler: async ({ actor, params, body, now }) =>
      updateFlowSettings({ db, actor, now, initiativeId: params.initiativeId, change: () => body }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/flows/priorities",
    summary: "The initiative's flows in priority order, each with how its score was reached",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: FlowPriorities },
    handler: async ({ actor, params }) => {
      const { weights, flows, canManage } = await flowPriorities({ db, actor, initiativeId: params.initiativeId });
      return {
        weights,
        canManage,
        flows: flows.map((f) => ({
          flowId: f.flowId,
          name: f.name,
          rank: f.rank,
          effectiveScore: f.effectiveScore,
          computedScore: f.computedScore,
          override: f.override,
          motivation: f.motivation,
          criteria: [...f.criteria],
        })),
      };
    },
  });
}
