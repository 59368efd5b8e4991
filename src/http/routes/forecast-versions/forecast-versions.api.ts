import { ActualsInput } from "../../../domain/actuals/actuals-input.ts";
import { getFlowActuals, getInitiativeActuals, putFlowActuals } from "../../../domain/actuals/flow-actuals.ts";
import { CompareQuery, ReforecastInput } from "../../../domain/forecast-versions/forecast-version-input.ts";
import {
  compareForecastVersions,
  getForecastVersion,
  listForecastVersions,
} from "../../../domain/forecast-versions/read-forecast-versions.ts";
import { saveReforecast } from "../../../domain/forecast-versions/save-reforecast.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import {
  Comparison,
  FlowActuals,
  FlowParams,
  ForecastVersion,
  ForecastVersionList,
  FrozenForecast,
  InitiativeActuals,
  VersionParams,
} from "./forecast-versions.schema.ts";

/**
 * Forecast versions (baselines frozen by decisions, re-forecasts saved by the team) and their
 * comparison, and the actual volumes per flow measured against the latest baseline (issue 11).
 */
export function forecastVersionsApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/forecast/versions",
    summary: "The initiative's frozen forecast versions, newest first",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: ForecastVersionList },
    handler: async ({ actor, params }) => listForecastVersions({ db, actor, initiativeId: params.initiativeId }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/forecast/versions",
    summary: "Save the current forecast (this month, 60 months) and plan as a re-forecast, with the reason (the initiative's team)",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    body: ReforecastInput,
    response: { status: 201, schema: ForecastVersion },
    handler: async ({ actor, params, body, now }) => saveReforecast({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/forecast/versions/:versionId",
    summary: "One frozen forecast version, in the shape of the live forecast",
    tag: "flows",
    access: "authenticated",
    params: VersionParams,
    response: { status: 200, schema: FrozenForecast },
    handler: async ({ actor, params }) => getForecastVersion({ db, actor, initiativeId: params.initiativeId, versionId: params.versionId }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/forecast/compare",
    summary: "Two forecast versions month by month with the difference b − a; b=current is the live forecast over a's months",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    query: CompareQuery,
    response: { status: 200, schema: Comparison },
    handler: async ({ actor, params, query, now }) =>
      compareForecastVersions({ db, actor, now, initiativeId: params.initiativeId, a: query.a, b: query.b }),
  });

  api({
    method: "GET",
    url: "/api/v1/flows/:flowId/actuals",
    summary: "A flow's actual volumes per month against the latest baseline, with the variance",
    tag: "flows",
    access: "authenticated",
    params: FlowParams,
    response: { status: 200, schema: FlowActuals },
    handler: async ({ actor, params }) => getFlowActuals({ db, actor, flowId: params.flowId }),
  });

  api({
    method: "PUT",
    url: "/api/v1/flows/:flowId/actuals",
    summary: "Write a flow's actual volumes for the given months (the initiative's team); other months stay as they are",
    tag: "flows",
    access: "authenticated",
    params: FlowParams,
    body: ActualsInput,
    response: { status: 200, schema: FlowActuals },
    handler: async ({ actor, params, body, now }) => putFlowActuals({ db, actor, now, flowId: params.flowId, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/actuals",
    summary: "The initiative's actual volumes per month (all flows added up) against the latest baseline's totals",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: InitiativeActuals },
    handler: async ({ actor, params }) => getInitiativeActuals({ db, actor, initiativeId: params.initiativeId }),
  });
}
