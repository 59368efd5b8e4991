import { z } from "zod";
import { BENEFICIARIES, BENEFIT_CATEGORIES } from "../../../domain/business-case/business-case-input.ts";
import { ImportProblem } from "../flows/flow-import.schema.ts";

export const BenefitParams = z.object({ benefitId: z.uuid({ error: "invalid_id" }) });
export const MeasurementParams = BenefitParams.extend({ measurementId: z.uuid({ error: "invalid_id" }) });

const REALISATIONS = ["realiserad", "delvis", "ej_realiserad", "ej_matt"] as const;

export const Benefit = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.enum(BENEFIT_CATEGORIES).nullable(),
    beneficiary: z.enum(BENEFICIARIES).nullable(),
    metric: z.string().meta({ description: "The mätetal" }),
    unit: z.string(),
    baselineValue: z.number(),
    baselineDate: z.string(),
    targetValue: z.number(),
    targetDate: z.string(),
    owner: z.string().meta({ description: "The nyttoägare; a member's name when ownerUserId is set" }),
    ownerUserId: z.string().nullable(),
    howRealised: z.string(),
    frequency: z.int().nullable().meta({ description: "Months between measurements, 1–60" }),
    measuredBy: z.string(),
    measuredByUserId: z.string().nullable(),
    derivedFromFlowIds: z
      .array(z.string())
      .meta({ description: "Flows whose actual digital messages, month by month, are measurements of this benefit" }),
    gapCause: z.string(),
    proposedActions: z.string(),
    responsibleUnit: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ description: "A benefit of the nyttorealiseringsplan" });

const EvaluationFields = {
  target: z.number(),
  actual: z.number().nullable().meta({ description: "The latest measurement's value, null when none" }),
  actualDate: z.string().nullable(),
  gap: z.number().nullable().meta({ description: "actual − target, null when not measured" }),
  gapShare: z.number().nullable().meta({ description: "gap / |target|, null when the target is 0 or not measured" }),
  progress: z.number().nullable().meta({ description: "How much of the way from baseline to target the actual has come (1 = reached)" }),
  realisation: z.enum(REALISATIONS),
};

export const BenefitSummary = Benefit.extend({
  evaluation: z.object(EvaluationFields),
  measurementCount: z.int(),
});

export const BenefitList = z.object({
  benefits: z.array(BenefitSummary).meta({ description: "In the order they were added" }),
  canManage: z.boolean(),
});

export const Measurement = z
  .object({
    id: z.string().nullable().meta({ description: "null for a measurement derived from the flows' actuals (not stored)" }),
    date: z.string(),
    value: z.number(),
    note: z.string(),
    source: z.enum(["manual", "import", "actuals"]),
    flowIds: z.array(z.string()).nullable().meta({ description: "The flows a derived measurement adds up" }),
  })
  .meta({ description: "A measurement of a benefit's metric" });

export const BenefitDetail = z.object({
  benefit: BenefitSummary,
  measurements: z.array(Measurement).meta({ description: "Stored and derived, in date order" }),
  canManage: z.boolean(),
});

export const BenefitEvaluationList = z.object({
  benefits: z.array(
    z.object({
      benefitId: z.string(),
      name: z.string(),
      unit: z.string(),
      baseline: z.number(),
      ...EvaluationFields,
    }),
  ),
});

export const MeasurementImportPreview = z
  .object({
    format: z.enum(["csv", "xlsx"]).meta({ description: "How the file was read: told by its bytes (a ZIP is XLSX), not by Content-Type" }),
    rows: z.array(
      z.object({
        row: z.int().meta({ description: "The spreadsheet's row (the header is row 1)" }),
        date: z.string(),
        value: z.number(),
        note: z.string(),
      }),
    ),
    errors: z.array(ImportProblem).meta({
      description:
        "Every problem by row and column: encoding, empty_file, unreadable_file, too_many_rows, xlsx_too_large, import_timeout, import_too_costly, missing_header, duplicate_header, no_rows, required, not_a_date, before_baseline, not_a_number, too_large, too_long",
    }),
    ignoredColumns: z.array(z.string()).meta({ description: "Headers no column of the import takes; they are not read" }),
    committed: z.literal(false),
  })
  .meta({
    description:
      "A measurement import read and checked: the measurements it would save and every error. Nothing is saved while there is one",
  });

export const MeasurementImportCommitted = z.object({ committed: z.literal(true), measurements: z.int() });
