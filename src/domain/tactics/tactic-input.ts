import { z } from "zod";
import { CONNECTION_TACTICS } from "../flows/flow-input.ts";
import { optionalText } from "../initiatives/initiative-input.ts";
import { requiredText } from "../shared/field-rules.ts";

/** The four connection tactics, and "inget": doing nothing, the baseline the others are compared with. */
export const TACTIC_KINDS = [...CONNECTION_TACTICS, "inget"] as const;
export type TacticKind = (typeof TACTIC_KINDS)[number];

/**
 * Room for a large kommun's five-year budget many times over, and the most numeric(14,2) holds:
 * twelve digits before the point (1 000 000 000 000 itself has thirteen and was a 500).
 */
export const MAX_COST_SEK = 999_999_999_999;
export const MAX_LEAD_TIME_MONTHS = 240;
/** More flows than any initiative has; a bound so a body cannot carry millions of ids. */
export const MAX_ALTERNATIVE_FLOWS = 1000;

const number = z.number({ error: "number" });
const cost = number
  .min(0, { error: "negative" })
  .max(MAX_COST_SEK, { error: "too_large" })
  .transform((sek) => Math.round(sek * 100) / 100)
  .default(0);

/**
 * A connection-tactic alternative as the API and forms take it, whole: PUT replaces every field.
 * Recommending it needs the reason why; that it is the only recommended one is the use case's work.
 */
export const TacticAlternativeInput = z
  .object({
    tactic: z.enum(TACTIC_KINDS, { error: "invalid_choice" }),
    name: requiredText(200),
    description: optionalText(5000),
    oneOffCostSek: cost,
    annualCostSek: cost,
    leadTimeMonths: number
      .int({ error: "whole_number" })
      .min(0, { error: "negative" })
      .max(MAX_LEAD_TIME_MONTHS, { error: "too_large" })
      .nullable()
      .default(null),
    risks: optionalText(5000),
    flowIds: z
      .array(z.uuid({ error: "invalid_id" }), { error: "invalid" })
      .max(MAX_ALTERNATIVE_FLOWS, { error: "too_long" })
      .transform((ids) => [...new Set(ids)])
      .default([]),
    recommended: z.boolean({ error: "invalid" }).default(false),
    recommendationReason: optionalText(2000),
  })
  .refine((a) => !a.recommended || a.recommendationReason !== "", {
    path: ["recommendationReason"],
    error: "required",
  });
export type TacticAlternativeInput = z.infer<typeof TacticAlternativeInput>;

/** Recommending an alternative on its own: the reason is what the decision-makers read. */
export const RecommendInput = z.object({ recommendationReason: requiredText(2000) });
export type RecommendInput = z.infer<typeof RecommendInput>;
