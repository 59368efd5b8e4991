import { z } from "zod";
import { optionalText } from "../initiatives/initiative-input.ts";
import { requiredText, uuid } from "../shared/field-rules.ts";

/** What is out: the national mailbox service, or the organisation's own integration with it. */
export const RESERVE_OUTAGES = ["mina_meddelanden", "egen_integration"] as const;
export type ReserveOutage = (typeof RESERVE_OUTAGES)[number];

export const RESERVE_DURATIONS = ["kort", "lang"] as const;
export type ReserveDuration = (typeof RESERVE_DURATIONS)[number];

/** A year of hours: a fallback planned to start later than that is no plan for an outage. */
export const MAX_FALLBACK_HOURS = 8760;

/**
 * A reserve-operation plan as the API and forms take it, whole: PUT replaces every field. `flowId`
 * null is a plan for all the initiative's flows; a flow must be one of the initiative's (checked by
 * the use case, which knows the initiative).
 */
export const ReservePlanInput = z.object({
  flowId: uuid.nullish().transform((v) => v ?? null),
  outage: z.enum(RESERVE_OUTAGES, { error: "invalid_choice" }),
  duration: z.enum(RESERVE_DURATIONS, { error: "invalid_choice" }),
  fallbackAfterHours: z
    .number({ error: "whole_number" })
    .int({ error: "whole_number" })
    .min(0, { error: "hours_range" })
    .max(MAX_FALLBACK_HOURS, { error: "hours_range" })
    .nullish()
    .transform((v) => v ?? null),
  fallback: requiredText(2000),
  decidedBy: optionalText(300),
});
export type ReservePlanInput = z.output<typeof ReservePlanInput>;
