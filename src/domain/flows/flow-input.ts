import { z } from "zod";
import { FLOW_STATUSES, type FlowStatus } from "../forecast/forecast-input.ts";
import { RECIPIENT_TYPES, type RecipientType } from "../forecast/reach-curve.ts";
import { isoDate, optionalText } from "../initiatives/initiative-input.ts";
import type { Judgement } from "../prioritisation/priority-score.ts";
import { requiredText } from "../shared/field-rules.ts";

// One definition of the recipient types and statuses, where the forecast that reads them lives.
export { FLOW_STATUSES, type FlowStatus, RECIPIENT_TYPES, type RecipientType };

/**
 * How a flow reaches Mina meddelanden. The method names three main alternatives, "från att bygga hela
 * IT-lösningen själv till att låta en privat aktör ta hand om meddelanden direkt från
 * verksamhetssystemen" (§4.2); issue 11 splits them as: the organisation's own integration, a
 * shared connection service or förmedlare, an external party handling the whole flow, and direct
 * integration from the business system. "Do nothing" is the comparison's baseline, not a tactic.
 */
export const CONNECTION_TACTICS = ["egen_integration", "formedlare", "extern_part", "verksamhetssystem"] as const;
export type ConnectionTactic = (typeof CONNECTION_TACTICS)[number];

export const MAX_ANNUAL_VOLUME = 1_000_000_000;

/** Every month the same share: what a flow has until the team knows its seasons. */
export const EVEN_SEASONALITY: readonly number[] = Array.from({ length: 12 }, () => 1 / 12);

/**
 * Porto only: the 15 kr bulk rate Göteborgs Stad saved per letter in 2024 (domain.md §3.2; the
 * single-piece stamp was 22 kr in 2025). Print, envelope and handling have no sourced figure, so
 * the team adds them to the flow's cost.
 */
export const DEFAULT_COST_PER_LETTER_SEK = 15;

/** How far the twelve shares may miss 1 in sum: room for shares typed with three decimals. */
const SEASONALITY_TOLERANCE = 0.001;

const number = z.number({ error: "number" });

/**
 * The team's judgement of a prioritisation criterion on 1–5 (priority-score.ts), null until judged.
 * Typed as the literal scale so the prioritisation receives it without a cast.
 */
const judgement = number
  .int({ error: "whole_number" })
  .min(1, { error: "invalid_choice" })
  .max(5, { error: "invalid_choice" })
  .transform((v) => v as Judgement)
  .nullable()
  .default(null);

export const MAX_PRIORITY_MOTIVATION = 2000;

/** The prioritisation's fields (priority-score.ts): the two judgements and the team's override. */
const priorityFields = {
  processChange: judgement,
  serviceImprovement: judgement,
  priorityOverride: number
    .min(0, { error: "negative" })
    .max(100, { error: "too_large" })
    .transform((score) => Math.round(score * 100) / 100)
    .nullable()
    .default(null),
  priorityMotivation: optionalText(MAX_PRIORITY_MOTIVATION),
};

/** The team may replace the computed score only with a written motivation. */
const overrideHasMotivation = (f: { priorityOverride: number | null; priorityMotivation: string }) =>
  f.priorityOverride === null || f.priorityMotivation !== "";
const motivationRequired = { path: ["priorityMotivation"], error: "required" };

const seasonality = z
  .array(number.min(0, { error: "negative" }), { error: "seasonality_months" })
  .length(12, { error: "seasonality_months" })
  .refine((shares) => Math.abs(shares.reduce((sum, s) => sum + s, 0) - 1) <= SEASONALITY_TOLERANCE, { error: "seasonality_sum" });

/**
 * A meddelandeflöde as the API and forms take it, whole: PUT replaces every field, and what is left
 * out gets its default again. A production date before the initiative existed is allowed (a flow
 * already connected); a test after production is not.
 */
export const FlowInput = z
  .object({
    name: requiredText(200),
    description: optionalText(5000),
    businessProcess: optionalText(200),
    sourceSystem: optionalText(200),
    recipientType: z.enum(RECIPIENT_TYPES, { error: "invalid_choice" }),
    annualVolume: number.int({ error: "whole_number" }).min(0, { error: "negative" }).max(MAX_ANNUAL_VOLUME, { error: "too_large" }),
    seasonality: seasonality.default(() => [...EVEN_SEASONALITY]),
    currentChannel: optionalText(200),
    costPerLetterSek: number
      .min(0, { error: "negative" })
      .max(10_000, { error: "too_large" })
      .transform((sek) => Math.round(sek * 100) / 100)
      .default(DEFAULT_COST_PER_LETTER_SEK),
    informationSecurityClass: z
      .string({ error: "invalid" })
      .trim()
      .max(100, { error: "too_long" })
      .transform((s) => s || null)
      .nullable()
      .default(null),
    legalConstraints: optionalText(5000),
    needsReplies: z.boolean({ error: "invalid" }).default(false),
    needsReceipts: z.boolean({ error: "invalid" }).default(false),
    tactic: z.enum(CONNECTION_TACTICS, { error: "invalid_choice" }).nullable().default(null),
    plannedTestDate: isoDate.nullable().default(null),
    plannedProductionDate: isoDate.nullable().default(null),
    status: z.enum(FLOW_STATUSES, { error: "invalid_choice" }).default("identifierad"),
    ...priorityFields,
  })
  .refine((f) => !f.plannedTestDate || !f.plannedProductionDate || f.plannedTestDate <= f.plannedProductionDate, {
    path: ["plannedTestDate"],
    error: "test_after_production",
  })
  .refine(overrideHasMotivation, motivationRequired);
export type FlowInput = z.infer<typeof FlowInput>;

/** A flow's prioritisation alone (the priorities page), with the same rules as in the whole flow. */
export const FlowPriorityInput = z.object(priorityFields).refine(overrideHasMotivation, motivationRequired);
export type FlowPriorityInput = z.infer<typeof FlowPriorityInput>;
