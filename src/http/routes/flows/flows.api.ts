import { createFlow } from "../../../domain/flows/create-flow.ts";
import { deleteFlow } from "../../../domain/flows/delete-flow.ts";
import { FlowInput } from "../../../domain/flows/flow-input.ts";
import { initiativeForecast } from "../../../domain/flows/initiative-forecast.ts";
import { getFlow, listFlows } from "../../../domain/flows/list-flows.ts";
import { updateFlow } from "../../../domain/flows/update-flow.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { Flow, FlowList, FlowParams, ForecastBody, ForecastQuery } from "./flows.schema.ts";

/** An initiative's meddelandeflöden: read by every member, registered and changed by its team. */
export function flowsApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/flows",
    summary: "The initiative's meddelandeflöden, oldest first",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: FlowList },
    handler: async ({ actor, params }) => listFlows({ db, actor, initiativeId: params.initiativeId }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/flows",
    summary: "Register a meddelandeflöde (the initiative's team); left-out fields get their defaults",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    body: FlowInput,
    response: { status: 201, schema: Flow },
    handler: async ({ actor, params, body, now }) => createFlow({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/forecast",
    summary: "The volume forecast over the initiative's flows: per month and per flow, volume, digital and paper",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    query: ForecastQuery,
    response: { status: 200, schema: ForecastBody },
    handler: async ({ actor, params, query, now }) =>
      initiativeForecast({ db, actor, now, initiativeId: params.initiativeId, from: query.from, months: query.months }),
  });

  api({
    method: "GET",
    url: "/api/v1/flows/:flowId",
    summary: "One meddelandeflöde",
    tag: "flows",
    access: "authenticated",
    params: FlowParams,
    response: { status: 200, schema: Flow },
    handler: async ({ actor, params }) => getFlow({ db, actor, flowId: params.flowId }),
  });

  api({
    method: "PUT",
    url: "/api/v1/flows/:flowId",
    summary: "Replace a meddelandeflöde's fields (the initiative's team); left-out fields get their defaults again",
    tag: "flows",
    access: "authenticated",
    params: FlowParams,
    body: FlowInput,
    response: { status: 200, schema: Flow },
    handler: async ({ actor, params, body, now }) => updateFlow({ db, actor, now, flowId: params.flowId, input: body }),
  });

  api({
    method: "DELETE",
    url: "/api/v1/flows/:flowId",
    summary: "Remove a meddelandeflöde (the initiative's team)",
    tag: "flows",
    access: "authenticated",
    params: FlowParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await deleteFlow({ db, actor, now, flowId: params.flowId });
    },
  });
}
