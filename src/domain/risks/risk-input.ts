import { z } from "zod";
import { isoDate, optionalText } from "../initiatives/initiative-input.ts";
import { requiredText, uuid } from "../shared/field-rules.ts";
import { RISK_CATEGORIES, RISK_STATUSES } from "./risk-score.ts";

const scale = z.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "scale_range" }).max(5, {
  error: "scale_range",
});

/** A risk as the API and forms take it, whole: PUT replaces every field, what is left out gets its default. */
export const RiskInput = z.object({
  title: requiredText(300),
  description: optionalText(5000),
  category: z.enum(RISK_CATEGORIES, { error: "invalid_choice" }),
  probability: scale,
  consequence: scale,
  owner: optionalText(200),
  /** A member of the organisation who owns the risk; their overdue reviews reach their task list. */
  ownerUserId: uuid.nullish().transform((v) => v ?? null),
  mitigation: optionalText(5000),
  status: z.enum(RISK_STATUSES, { error: "invalid_choice" }).default("identifierad"),
  reviewDate: isoDate.nullish().transform((v) => v ?? null),
});
export type RiskInput = z.output<typeof RiskInput>;
