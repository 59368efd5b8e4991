import { BenefitInput, MeasurementInput } from "../../../domain/benefits/benefit-input.ts";
import {
  createBenefit,
  deleteBenefit,
  deleteMeasurement,
  evaluateBenefits,
  getBenefit,
  listBenefits,
  recordMeasurement,
  updateBenefit,
} from "../../../domain/benefits/benefit-plan.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import {
  Benefit,
  BenefitDetail,
  BenefitEvaluationList,
  BenefitList,
  BenefitParams,
  Measurement,
  MeasurementParams,
} from "./benefits.schema.ts";

/** The initiative's nyttorealiseringsplan: read by every member, kept and measured by its team. */
export function benefitsApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/benefits",
    summary: "The initiative's benefits, each evaluated against its target with its latest measurement",
    tag: "benefits",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: BenefitList },
    handler: async ({ actor, params }) => {
      const { benefits, canManage } = await listBenefits({ db, actor, initiativeId: params.initiativeId });
      return { benefits, canManage };
    },
  });
  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/benefits",
    summary: "Add a benefit to the nyttorealiseringsplan (the initiative's team); the target date is the baseline date or later",
    tag: "benefits",
    access: "authenticated",
    params: InitiativeParams,
    body: BenefitInput,
    response: { status: 201, schema: Benefit },
    handler: async ({ actor, params, body, now }) => createBenefit({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/benefits/evaluation",
    summary:
      "Expected against actual per benefit: target, the latest measurement (stored or derived from actuals) and gap = actual − target",
    tag: "benefits",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: BenefitEvaluationList },
    handler: async ({ actor, params }) => evaluateBenefits({ db, actor, initiativeId: params.initiativeId }),
  });
  api({
    method: "GET",
    url: "/api/v1/benefits/:benefitId",
    summary: "One benefit with its measurements, stored and derived from its flows' actuals",
    tag: "benefits",
    access: "authenticated",
    params: BenefitParams,
    response: { status: 200, schema: BenefitDetail },
    handler: async ({ actor, params }) => {
      const { benefit, measurements, canManage } = await getBenefit({ db, actor, benefitId: params.benefitId });
      return { benefit, measurements, canManage };
    },
  });
  api({
    method: "PUT",
    url: "/api/v1/benefits/:benefitId",
    summary: "Replace a benefit's fields (the initiative's team); left-out fields get their defaults again",
    tag: "benefits",
    access: "authenticated",
    params: BenefitParams,
    body: BenefitInput,
    response: { status: 200, schema: Benefit },
    handler: async ({ actor, params, body, now }) => updateBenefit({ db, actor, now, benefitId: params.benefitId, input: body }),
  });
  api({
    method: "DELETE",
    url: "/api/v1/benefits/:benefitId",
    summary: "Remove a benefit and its measurements (the initiative's team)",
    tag: "benefits",
    access: "authenticated",
    params: BenefitParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await deleteBenefit({ db, actor, now, benefitId: params.benefitId });
    },
  });
  api({
    method: "POST",
    url: "/api/v1/benefits/:benefitId/measurements",
    summary: "Record a measurement (the initiative's team); a date before the benefit's baseline date is refused",
    tag: "benefits",
    access: "authenticated",
    params: BenefitParams,
    body: MeasurementInput,
    response: { status: 201, schema: Measurement },
    handler: async ({ actor, params, body, now }) => recordMeasurement({ db, actor, now, benefitId: params.benefitId, input: body }),
  });
  api({
    method: "DELETE",
    url: "/api/v1/benefits/:benefitId/measurements/:measurementId",
    summary: "Remove a stored measurement (the initiative's team); derived ones follow the actuals",
    tag: "benefits",
    access: "authenticated",
    params: MeasurementParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await deleteMeasurement({ db, actor, now, benefitId: params.benefitId, measurementId: params.measurementId });
    },
  });
}
