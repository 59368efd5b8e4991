import { reserveCoverage } from "../../../domain/risks/reserve-coverage.ts";
import { ReservePlanInput } from "../../../domain/risks/reserve-plan-input.ts";
import {
  createReservePlan,
  deleteReservePlan,
  getReservePlan,
  listReservePlans,
  updateReservePlan,
} from "../../../domain/risks/reserve-plans.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { ReservePlan, ReservePlanItem, ReservePlanList, ReservePlanParams } from "./reserve-plans.schema.ts";

/** The initiative's reserve-operation plans: read by every member, kept by its team. */
export function reservePlansApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/reserve-plans",
    summary: "The initiative's reserve-operation plans, with the flows that have none",
    tag: "risks",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: ReservePlanList },
    handler: async ({ actor, params }) => {
      const { plans, flows, canManage } = await listReservePlans({ db, actor, initiativeId: params.initiativeId });
      return { plans, flows, missingFlowIds: reserveCoverage(flows, plans).missing.map((f) => f.id), canManage };
    },
  });
  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/reserve-plans",
    summary: "Add a reserve-operation plan for a flow or all flows (the initiative's team)",
    tag: "risks",
    access: "authenticated",
    params: InitiativeParams,
    body: ReservePlanInput,
    response: { status: 201, schema: ReservePlan },
    handler: async ({ actor, params, body, now }) => createReservePlan({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });
  api({
    method: "GET",
    url: "/api/v1/reserve-plans/:planId",
    summary: "One reserve-operation plan",
    tag: "risks",
    access: "authenticated",
    params: ReservePlanParams,
    response: { status: 200, schema: ReservePlanItem },
    handler: async ({ actor, params }) => {
      const { plan, canManage } = await getReservePlan({ db, actor, planId: params.planId });
      return { ...plan, canManage };
    },
  });
  api({
    method: "PUT",
    url: "/api/v1/reserve-plans/:planId",
    summary: "Replace a reserve-operation plan's fields (the initiative's team)",
    tag: "risks",
    access: "authenticated",
    params: ReservePlanParams,
    body: ReservePlanInput,
    response: { status: 200, schema: ReservePlan },
    handler: async ({ actor, params, body, now }) => updateReservePlan({ db, actor, now, planId: params.planId, input: body }),
  });
  api({
    method: "DELETE",
    url: "/api/v1/reserve-plans/:planId",
    summary: "Remove a reserve-operation plan (the initiative's team)",
    tag: "risks",
    access: "authenticated",
    params: ReservePlanParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await deleteReservePlan({ db, actor, now, planId: params.planId });
    },
  });
}
