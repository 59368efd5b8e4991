import { z } from "zod";
import { CONNECTION_TACTICS, FLOW_STATUSES, RECIPIENT_TYPES } from "../../../domain/flows/flow-input.ts";
import { forecastPeriod } from "../../../domain/forecast/forecast-input.ts";

export const FlowParams = z.object({ flowId: z.uuid({ error: "invalid_id" }) });

const judgement = z.int().min(1).max(5).nullable();

const day = z.string().nullable().meta({ description: "YYYY-MM-DD, or null when not planned" });

export const Flow = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    name: z.string(),
    description: z.string(),
    businessProcess: z.string(),
    sourceSystem: z.string().meta({ description: "The verksamhetssystem the letters come from" }),
    recipientType: z.enum(RECIPIENT_TYPES),
    annualVolume: z.number().int().meta({ description: "Letters per year" }),
    seasonality: z.array(z.number()).length(12).meta({ description: "Each month's share of the annual volume, January first; sums to 1" }),
    currentChannel: z.string(),
    costPerLetterSek: z.number().meta({ description: "Cost of one paper letter in SEK; 15 (porto only) unless the team set it" }),
    informationSecurityClass: z.string().nullable(),
    legalConstraints: z.string(),
    needsReplies: z.boolean(),
    needsReceipts: z.boolean(),
    tactic: z.enum(CONNECTION_TACTICS).nullable().meta({ description: "The chosen connection tactic, or null while undecided" }),
    plannedTestDate: day,
    plannedProductionDate: day,
    status: z.enum(FLOW_STATUSES),
    processChange: judgement.meta({
      description: "How much the business process must change, 1 (hardly at all) … 5 (redone); null until judged",
    }),
    serviceImprovement: judgement.meta({
      description: "How much better the service to the recipients gets, 1 (not at all) … 5 (much); null until judged",
    }),
    priorityOverride: z
      .number()
      .nullable()
      .meta({ description: "The team's own priority score 0–100 replacing the computed one; null when the computed score stands" }),
    priorityMotivation: z.string().meta({ description: "Why the team overrides the computed score (required with an override)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ description: "A meddelandeflöde: a recurring kind of outgoing letter the initiative will connect" });

export const FlowList = z.object({
  flows: z.array(Flow),
  canManage: z.boolean().meta({ description: "Whether the caller may register, change and remove flows (the initiative's team)" }),
});

/** `?from=YYYY-MM&months=N`: by default this month and 60 months; at most 240. */
export const ForecastQuery = forecastPeriod.partial();

const counts = {
  volume: z.int().meta({ description: "Messages that month: the annual volume times the calendar month's seasonality share" }),
  digital: z.int().meta({ description: "Of those, sent digitally: 0 before the production month, volume × reachShare from it" }),
  paper: z.int().meta({ description: "volume − digital" }),
};

export const ForecastBody = z
  .object({
    from: z.string(),
    months: z
      .array(z.object({ month: z.string(), ...counts }))
      .meta({ description: "Totals per month: sums of the flows' rounded counts" }),
    flows: z.array(
      z.object({
        flowId: z.string(),
        months: z.array(
          z.object({
            month: z.string(),
            volume: counts.volume,
            reachShare: z.number().meta({ description: "Share of the flow's recipients with a digital mailbox that month" }),
            digital: counts.digital,
            paper: counts.paper,
          }),
        ),
      }),
    ),
  })
  .meta({ description: "The volume forecast: totals per month and each flow's months" });
