import { BusinessCaseInput } from "../../../domain/business-case/business-case-input.ts";
import { EffectChain } from "../../../domain/business-case/effect-chain.ts";
import { getBusinessCase, saveBusinessCase, saveEffectChain } from "../../../domain/business-case/initiative-business-case.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { BusinessCaseBody } from "./business-case.schema.ts";

/** The pages name the initiative; the API's caller named it in the path. */
const withoutInitiative = <T extends { initiative: unknown }>({ initiative: _initiative, ...rest }: T) => rest;

/** The initiative's business case: read by every member, stated by its team. */
export function businessCaseApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/business-case",
    summary: "The business case with its results: NPV and payback in three scenarios, computed benefits, sensitivity",
    tag: "business-case",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: BusinessCaseBody },
    handler: async ({ actor, params, now }) =>
      withoutInitiative(await getBusinessCase({ db, actor, now, initiativeId: params.initiativeId })),
  });

  api({
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/business-case",
    summary: "Replace the business case's horizon, rate, costs and benefits (the initiative's team); answers with the results",
    tag: "business-case",
    access: "authenticated",
    params: InitiativeParams,
    body: BusinessCaseInput,
    response: { status: 200, schema: BusinessCaseBody },
    handler: async ({ actor, params, body, now }) =>
      withoutInitiative(await saveBusinessCase({ db, actor, now, initiativeId: params.initiativeId, input: body })),
  });

  api({
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/business-case/effect-chain",
    summary: "Replace the effektkedja (the initiative's team): nodes by level and links one level up; answers with the business case",
    tag: "business-case",
    access: "authenticated",
    params: InitiativeParams,
    body: EffectChain,
    response: { status: 200, schema: BusinessCaseBody },
    handler: async ({ actor, params, body, now }) =>
      withoutInitiative(await saveEffectChain({ db, actor, now, initiativeId: params.initiativeId, input: body })),
  });
}
