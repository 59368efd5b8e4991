import { z } from "zod";
import type { YearMonth } from "../volumes/volume-series.ts";
import { RECIPIENT_TYPES } from "./reach-curve.ts";

/**
 * What a forecast is made from, parsed at the edge: the API's flow and forecast routes, the forms and
 * the CSV import all use these rules, so a flow the forecast receives is already sound. Messages are
 * keys of the UI catalogue's `fieldErrors`; zod carries the field path.
 */

export const FLOW_STATUSES = ["identifierad", "prioriterad", "i_test", "i_produktion", "avvecklad"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

/** Twelve monthly shares of a year's volume, index 0 = January. */
export type Seasonality = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

export const EVEN_SEASONALITY: Seasonality = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1].map((n) => n / 12) as unknown as Seasonality;

const SEASONALITY_TOLERANCE = 0.001;
export const MAX_ANNUAL_VOLUME = 1_000_000_000;
export const MAX_FORECAST_MONTHS = 240;

export const yearMonth = z
  .string({ error: "month" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "month" })
  .transform((s) => s as YearMonth);

/** A real calendar day "YYYY-MM-DD" (30 February is refused). */
export const calendarDay = z.iso.date({ error: "date" });

export const seasonality = z
  .array(z.number({ error: "seasonality_share" }).min(0, { error: "seasonality_share" }), { error: "seasonality_length" })
  .length(12, { error: "seasonality_length" })
  .refine((shares) => Math.abs(shares.reduce((sum, s) => sum + s, 0) - 1) <= SEASONALITY_TOLERANCE, { error: "seasonality_sum" })
  .transform((shares) => shares as unknown as Seasonality);

export const annualVolume = z
  .number({ error: "whole_number" })
  .int({ error: "whole_number" })
  .min(0, { error: "annual_volume_range" })
  .max(MAX_ANNUAL_VOLUME, { error: "annual_volume_range" });

export const recipientType = z.enum(RECIPIENT_TYPES, { error: "invalid_choice" });
export const flowStatus = z.enum(FLOW_STATUSES, { error: "invalid_choice" });

/** A flow's fields the forecast reads, as a shape the flow routes can spread into their own objects. */
export const forecastFlowFields = {
  recipientType,
  annualVolume,
  seasonality: seasonality.default(EVEN_SEASONALITY),
  plannedTestDate: calendarDay.optional(),
  plannedProductionDate: calendarDay.optional(),
  status: flowStatus.default("identifierad"),
};

/**
 * A test date after the production date is refused on the test date's path. A production date
 * before the initiative existed is allowed: the flow may already be connected.
 */
export function testNotAfterProduction(
  flow: { plannedTestDate?: string | undefined; plannedProductionDate?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (flow.plannedTestDate && flow.plannedProductionDate && flow.plannedTestDate > flow.plannedProductionDate) {
    ctx.addIssue({ code: "custom", path: ["plannedTestDate"], message: "test_after_production" });
  }
}

export const forecastFlow = z.object({ id: z.string().min(1), ...forecastFlowFields }).superRefine(testNotAfterProduction);
export type ForecastFlow = z.output<typeof forecastFlow>;

export const forecastPeriod = z.object({
  from: yearMonth,
  months: z.coerce
    .number({ error: "forecast_months" })
    .int({ error: "forecast_months" })
    .min(1, { error: "forecast_months" })
    .max(MAX_FORECAST_MONTHS, { error: "forecast_months" }),
});

const reachShareValue = z.number({ error: "share_range" }).min(0, { error: "share_range" }).max(1, { error: "share_range" });

/** Per recipient type, a share per four-digit year: `{ "privatperson": { "2026": 0.85 } }`. */
export const reachOverrides = z.partialRecord(recipientType, z.record(z.string().regex(/^\d{4}$/, { error: "year" }), reachShareValue));

export const forecastInput = z.object({
  flows: z.array(forecastFlow),
  ...forecastPeriod.shape,
  reach: reachOverrides.default({}),
});
export type ForecastInput = z.output<typeof forecastInput>;
