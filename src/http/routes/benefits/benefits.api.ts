import { BenefitInput, MeasurementInput } from "../../../domain/benefits/benefit-input.ts";
import {
  createBenefit,
  deleteBenefit,
  deleteMeasurement,
  evaluateBenefits,
  getBenefit,
  listBenefits,
  measurementImportContext,
  recordMeasurement,
  recordMeasurements,
  updateBenefit,
} from "../../../domain/benefits/benefit-plan.ts";
import type { AppScope } from "../../app-scope.ts";
import { IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES, MEASUREMENT_IMPORT_URL, unsupported } from "../flows/flow-import.api.ts";
import { ImportQuery } from "../flows/flow-import.schema.ts";
import { readMeasurementImport } from "../flows/flow-import-runner.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import {
  Benefit,
  BenefitDetail,
  BenefitEvaluationList,
  BenefitList,
  BenefitParams,
  Measurement,
  MeasurementImportPreview,
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
  api({
    method: "POST",
    url: MEASUREMENT_IMPORT_URL,
    summary:
      "Import a benefit's measurements from a spreadsheet (the initiative's team): columns Datum/Date (YYYY-MM-DD or an Excel date cell, not before the baseline date), Värde/Value (a number, Swedish or English) and Anteckning/Note (optional). The file itself is the body (text/csv, XLSX or application/octet-stream, at most 5 MB and 5,000 rows). Answers 200 with the rows and every error by row and column, nothing saved; with ?commit=true and no error, stores every measurement in one transaction and answers 201 { committed: true, measurements }; with ?commit=true and errors, 400 with the preview and nothing saved",
    tag: "benefits",
    access: "authenticated",
    params: BenefitParams,
    query: ImportQuery,
    rawBody: { mediaTypes: IMPORT_MEDIA_TYPES, maxBytes: MAX_IMPORT_BYTES },
    response: { status: 200, schema: MeasurementImportPreview },
    handler: async ({ actor, params, query, request, reply, now }) => {
      const { context } = await measurementImportContext({ db, actor }, params.benefitId);
      if (!Buffer.isBuffer(request.body)) throw unsupported(request);
      const read = await readMeasurementImport(new Uint8Array(request.body), context);
      const preview = { ...read, committed: false as const };
      if (!query.commit) return preview;
      if (read.errors.length) return reply.code(400).send(preview);
      const saved = await recordMeasurements({
        db,
        actor,
        now,
        benefitId: params.benefitId,
        measurements: read.rows,
        source: "import",
        issuePath: (i) => ["rows", i],
      });
      return reply.code(201).send({ committed: true, measurements: saved.measurements.length });
    },
  });
}
