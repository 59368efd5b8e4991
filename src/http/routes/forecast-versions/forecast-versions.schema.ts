import { z } from "zod";
import { MILESTONE_NUMERALS } from "../../../method/types.ts";
import { FlowParams, ForecastBody } from "../flows/flows.schema.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";

export const VersionParams = InitiativeParams.extend({ versionId: z.uuid({ error: "invalid_id" }) });
export { FlowParams };

export const ForecastVersion = z
  .object({
    id: z.string(),
    kind: z.enum(["baseline", "reforecast"]).meta({
      description: "baseline: frozen by a decision on milestone II–V; reforecast: saved by the team with a reason",
    }),
    milestone: z.enum(MILESTONE_NUMERALS).optional().meta({ description: "The milestone whose decision froze a baseline" }),
    decisionId: z.string().optional().meta({ description: "The decision that froze a baseline" }),
    reason: z.string().optional().meta({ description: "Why the re-forecast was saved" }),
    createdAt: z.string(),
    createdBy: z.string().nullable().meta({ description: "The user who froze it (null when the account is gone)" }),
    createdByName: z.string().meta({ description: "Their name as it was then" }),
    from: z.string().meta({ description: "The forecast's first month, YYYY-MM" }),
  })
  .meta({ description: "A frozen forecast version" });

export const ForecastVersionList = z.object({
  versions: z.array(ForecastVersion).meta({ description: "Newest first" }),
  canSave: z.boolean().meta({ description: "Whether the caller may save a re-forecast (the initiative's team)" }),
});

const planFlow = z.object({
  id: z.string(),
  name: z.string(),
  recipientType: z.string(),
  annualVolume: z.int(),
  seasonality: z.array(z.number()),
  costPerLetterSek: z.number(),
  tactic: z.string().nullable(),
  status: z.string(),
  plannedTestDate: z.string().nullable(),
  plannedProductionDate: z.string().nullable(),
});

export const FrozenForecast = ForecastBody.extend({
  ...ForecastVersion.shape,
  plan: z.array(planFlow).meta({ description: "The flows as they were when the version was frozen" }),
  reach: z.record(z.string(), z.record(z.string(), z.number())).meta({ description: "The reach overrides it was computed with" }),
}).meta({ description: "A frozen forecast in the shape of GET …/forecast, with the version's metadata and plan" });

const counts = z.object({ volume: z.int(), digital: z.int(), paper: z.int() });

export const Comparison = z
  .object({
    a: ForecastVersion,
    b: z.union([ForecastVersion, z.object({ id: z.literal("current"), kind: z.literal("current"), from: z.string() })]),
    months: z.array(z.object({ month: z.string(), a: counts, b: counts, difference: counts.meta({ description: "b − a" }) })),
  })
  .meta({ description: "Two forecast versions month by month; a month one of them lacks counts as zero there" });

const actualCounts = z.object({ digital: z.int(), paper: z.int() });

const varianceMonth = z.object({
  month: z.string(),
  digital: z.int(),
  paper: z.int(),
  baseline: counts.nullable().meta({ description: "The latest baseline's figures for the month, or null when it has none" }),
  variance: actualCounts.nullable().meta({ description: "Actual − baseline, or null without a baseline figure" }),
});

export const FlowActuals = z.object({
  flowId: z.string(),
  baselineId: z.string().nullable().meta({ description: "The latest baseline version, or null before any" }),
  months: z.array(varianceMonth).meta({ description: "Months with actuals, oldest first" }),
  canEdit: z.boolean().optional().meta({ description: "Whether the caller may enter actuals (the initiative's team)" }),
});

export const InitiativeActuals = z.object({
  initiativeId: z.string(),
  baselineId: z.string().nullable(),
  months: z
    .array(varianceMonth)
    .meta({ description: "All flows' actuals added up per month, against the latest baseline's totals for the month" }),
});
