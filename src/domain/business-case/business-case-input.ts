import { z } from "zod";

/**
 * A business case as the team states it (issue 12): costs and benefits per year, each with a low, an
 * expected and a high estimate (Inera's practice of showing uncertainty, domain.md §1.5), over a horizon
 * of 1–15 years discounted at a rate of 0–20 % (default 3 %, Inera's template). Benefits carry the
 * Swedish public-sector benefit model's category and who benefits (domain.md §1.5, §1.7). Amounts are
 * SEK at one price level. Parsed at the edge: API, forms and import share these rules.
 */

export const COST_CATEGORIES = ["utveckling", "drift", "forvaltning", "ovrigt"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const BENEFIT_CATEGORIES = ["finansiell", "omfordelad_tid", "kvalitet", "miljo"] as const;
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];

export const BENEFICIARIES = ["organisation", "privatpersoner", "foretag", "samhallet"] as const;
export type Beneficiary = (typeof BENEFICIARIES)[number];

export const DEFAULT_DISCOUNT_RATE = 0.03;
export const DEFAULT_HORIZON_YEARS = 5;
export const MAX_HORIZON_YEARS = 15;
export const MAX_DISCOUNT_RATE = 0.2;
/** Far more lines than any real business case has (15 years × a few dozen items), few enough to answer fast. */
export const MAX_LINES = 1000;
const MAX_AMOUNT = 1e12;

const amount = z
  .number({ error: "number" })
  .min(0, { error: "negative" })
  .max(MAX_AMOUNT, { error: "too_large" })
  .transform((sek) => Math.round(sek * 100) / 100);

const note = z
  .string({ error: "invalid" })
  .trim()
  .max(2000, { error: "too_long" })
  .nullish()
  .transform((s) => s || null);

const year = z.number({ error: "whole_number" }).int({ error: "whole_number" }).min(2000, { error: "year_range" }).max(2100, {
  error: "year_range",
});

const estimate = { year, low: amount, expected: amount, high: amount, note };

/** low ≤ expected ≤ high, refused on the estimate that breaks the order. */
function ordered(line: { low: number; expected: number; high: number }, ctx: z.RefinementCtx) {
  if (line.low > line.expected) ctx.addIssue({ code: "custom", path: ["low"], message: "low_above_expected" });
  if (line.expected > line.high) ctx.addIssue({ code: "custom", path: ["high"], message: "high_below_expected" });
}

export const CostLine = z.object({ category: z.enum(COST_CATEGORIES, { error: "invalid_choice" }), ...estimate }).superRefine(ordered);
export type CostLine = z.output<typeof CostLine>;

export const BenefitLine = z
  .object({
    category: z.enum(BENEFIT_CATEGORIES, { error: "invalid_choice" }),
    beneficiary: z.enum(BENEFICIARIES, { error: "invalid_choice" }),
    ...estimate,
  })
  .superRefine(ordered);
export type BenefitLine = z.output<typeof BenefitLine>;

export const BusinessCaseInput = z
  .object({
    startYear: year,
    horizonYears: z
      .number({ error: "whole_number" })
      .int({ error: "whole_number" })
      .min(1, { error: "horizon_range" })
      .max(MAX_HORIZON_YEARS, { error: "horizon_range" }),
    discountRate: z
      .number({ error: "number" })
      .min(0, { error: "discount_rate_range" })
      .max(MAX_DISCOUNT_RATE, { error: "discount_rate_range" }),
    costs: z.array(CostLine, { error: "invalid" }).max(MAX_LINES, { error: "too_many_lines" }).default([]),
    benefits: z.array(BenefitLine, { error: "invalid" }).max(MAX_LINES, { error: "too_many_lines" }).default([]),
  })
  .superRefine((input, ctx) => {
    const last = input.startYear + input.horizonYears - 1;
    for (const list of ["costs", "benefits"] as const) {
      input[list].forEach((line, i) => {
        if (line.year < input.startYear || line.year > last)
          ctx.addIssue({ code: "custom", path: [list, i, "year"], message: "year_outside_horizon" });
      });
    }
  });
export type BusinessCaseInput = z.output<typeof BusinessCaseInput>;

/** The years a business case covers, first to last. */
export const horizonYearsOf = ({ startYear, horizonYears }: { startYear: number; horizonYears: number }) =>
  Array.from({ length: horizonYears }, (_, i) => startYear + i);
