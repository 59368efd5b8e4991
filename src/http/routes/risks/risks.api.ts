import { RiskInput } from "../../../domain/risks/risk-input.ts";
import { createRisk, deleteRisk, getRisk, listRisks, updateRisk } from "../../../domain/risks/risk-register.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { Risk, RiskList, RiskParams } from "./risks.schema.ts";

/** The initiative's risk register: read by every member, kept by its team. */
export function risksApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/risks",
    summary: "The initiative's risk register, highest score first",
    tag: "risks",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: RiskList },
    handler: async ({ actor, params, now }) => listRisks({ db, actor, now, initiativeId: params.initiativeId }),
  });
  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/risks",
    summary: "Register a risk (the initiative's team); answers with its score",
    tag: "risks",
    access: "authenticated",
    params: InitiativeParams,
    body: RiskInput,
    response: { status: 201, schema: Risk },
    handler: async ({ actor, params, body, now }) => createRisk({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });
  api({
    method: "GET",
    url: "/api/v1/risks/:riskId",
    summary: "One risk",
    tag: "risks",
    access: "authenticated",
    params: RiskParams,
    response: { status: 200, schema: Risk },
    handler: async ({ actor, params, now }) => getRisk({ db, actor, now, riskId: params.riskId }),
  });
  api({
    method: "PUT",
    url: "/api/v1/risks/:riskId",
    summary: "Replace a risk's fields (the initiative's team); left-out fields get their defaults again",
    tag: "risks",
    access: "authenticated",
    params: RiskParams,
    body: RiskInput,
    response: { status: 200, schema: Risk },
    handler: async ({ actor, params, body, now }) => updateRisk({ db, actor, now, riskId: params.riskId, input: body }),
  });
  api({
    method: "DELETE",
    url: "/api/v1/risks/:riskId",
    summary: "Remove a risk (the initiative's team)",
    tag: "risks",
    access: "authenticated",
    params: RiskParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await deleteRisk({ db, actor, now, riskId: params.riskId });
    },
  });
}
