import { z } from "zod";
import { TACTIC_KINDS } from "../../../domain/tactics/tactic-input.ts";

export const AlternativeParams = z.object({ alternativeId: z.uuid({ error: "invalid_id" }) });

export const TacticAlternative = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    tactic: z.enum(TACTIC_KINDS).meta({
      description:
        "egen_integration (own integration), formedlare (a shared connection service or förmedlare), extern_part (an external party handling the whole flow), verksamhetssystem (direct from the business system), inget (do nothing: the baseline)",
    }),
    name: z.string(),
    description: z.string(),
    oneOffCostSek: z.number(),
    annualCostSek: z.number(),
    fiveYearCostSek: z.number().meta({ description: "oneOffCostSek + 5 × annualCostSek" }),
    leadTimeMonths: z.int().nullable(),
    risks: z.string(),
    flowIds: z.array(z.string()).meta({ description: "The initiative's meddelandeflöden this alternative would serve" }),
    recommended: z.boolean().meta({ description: "At most one alternative of an initiative is recommended" }),
    recommendationReason: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ description: "A connection-tactic alternative the initiative compares" });

const difference = z
  .object({
    fiveYearCostSek: z.number(),
    digitalMessages: z.int(),
    leadTimeMonths: z.int().nullable(),
    costPerAdditionalDigitalMessageSek: z
      .number()
      .nullable()
      .meta({ description: "Extra cost ÷ extra digital messages; null when none extra" }),
  })
  .nullable()
  .meta({ description: "Against the baseline (inget); null for the baseline itself or when there is none" });

export const TacticComparison = z.object({
  from: z.string().meta({ description: "The forecast's first month (YYYY-MM): this month in Stockholm" }),
  months: z.int().meta({ description: "How many months the digital messages are counted over (60)" }),
  baselineId: z.string().nullable(),
  alternatives: z.array(
    z.object({
      alternativeId: z.string(),
      fiveYearCostSek: z.number(),
      leadTimeMonths: z.int().nullable(),
      flows: z.array(z.object({ flowId: z.string(), name: z.string(), annualVolume: z.int(), digitalMessages: z.int() })),
      annualVolume: z.int(),
      digitalMessages: z.int().meta({ description: "The flows' digital messages over the forecast's five years" }),
      costPerDigitalMessageSek: z.number().nullable(),
      difference,
    }),
  ),
});

export const TacticAlternativeList = z.object({
  alternatives: z.array(TacticAlternative),
  comparison: TacticComparison,
  canManage: z
    .boolean()
    .meta({ description: "Whether the caller may add, change, recommend and remove alternatives (the initiative's team)" }),
});
