import { z } from "zod";
import { PRIORITY_CRITERIA } from "../../../domain/prioritisation/priority-score.ts";

const weights = z
  .object({ volume: z.number(), processChange: z.number(), serviceImprovement: z.number() })
  .meta({ description: "Each criterion's weight, 0–100, not all zero" });

const yearShares = z.record(z.string(), z.number()).meta({ description: 'A share 0–1 per calendar year, e.g. { "2027": 0.8 }' });

export const FlowSettings = z
  .object({
    reachOverrides: z
      .object({ privatperson: yearShares.optional(), foretag: yearShares.optional(), blandat: yearShares.optional() })
      .meta({ description: "Per recipient type, the years whose reach replaces the default curve" }),
    priorityWeights: weights,
    updatedAt: z.string().nullable().meta({ description: "When the team last changed them; null while the defaults stand" }),
  })
  .meta({ description: "The initiative's settings for all its flows: reach overrides and the prioritisation's weights" });

export const FlowPriorities = z.object({
  weights,
  flows: z
    .array(
      z.object({
        flowId: z.string(),
        name: z.string(),
        rank: z.int().meta({ description: "1 for the flow to connect first" }),
        effectiveScore: z.number().meta({ description: "The override where there is one, otherwise the computed score" }),
        computedScore: z.number().meta({ description: "Σ weight × points ÷ Σ weights, to one decimal" }),
        override: z.number().nullable(),
        motivation: z.string(),
        criteria: z.array(
          z.object({
            key: z.enum(PRIORITY_CRITERIA),
            value: z.number().nullable().meta({ description: "Letters per year for volume; the judgement 1–5 (or null) for the others" }),
            points: z.number().meta({ description: "0–100; an unjudged criterion counts as 50" }),
            weight: z.number(),
            contribution: z.number().meta({ description: "weight × points ÷ Σ weights" }),
            judged: z.boolean(),
          }),
        ),
      }),
    )
    .meta({ description: "The flows in the order to connect them: effective score, then annual volume, then name" }),
  canManage: z.boolean(),
});
