import { z } from "zod";
import { BENEFICIARIES, BENEFIT_CATEGORIES } from "../business-case/business-case-input.ts";
import { isoDate, optionalText } from "../initiatives/initiative-input.ts";
import type { FieldIssue } from "../shared/domain-error.ts";
import { requiredText, uuid } from "../shared/field-rules.ts";

/**
 * A benefit of the nyttorealiseringsplan and a measurement of it, as the API, forms and import take
 * them (issue 12; the seven questions of VNR, domain.md §1.3). Rules that compare two fields (the
 * target date against the baseline date) or a measurement against its benefit are plain functions
 * beside the schemas, so the use case reports them with their own codes and field paths.
 */

/** numeric(20,4) holds this many whole digits and more: a bound that keeps every value storable exactly enough. */
export const MAX_BENEFIT_VALUE = 1e15;
export const MAX_FREQUENCY_MONTHS = 60;
/** More flows than any initiative has; a bound so a body cannot carry millions of ids. */
export const MAX_DERIVED_FLOWS = 1000;

const value = z
  .number({ error: "number" })
  .min(-MAX_BENEFIT_VALUE, { error: "too_large" })
  .max(MAX_BENEFIT_VALUE, { error: "too_large" })
  .transform((v) => Math.round(v * 10_000) / 10_000);

const nullableChoice = <T extends readonly [string, ...string[]]>(choices: T) =>
  z
    .enum(choices, { error: "invalid_choice" })
    .nullish()
    .transform((v) => v ?? null);

/** A benefit as the API and forms take it, whole: PUT replaces every field, what is left out gets its default. */
export const BenefitInput = z.object({
  name: requiredText(300),
  description: optionalText(5000),
  category: nullableChoice(BENEFIT_CATEGORIES),
  beneficiary: nullableChoice(BENEFICIARIES),
  metric: requiredText(300),
  unit: requiredText(50),
  baselineValue: value,
  baselineDate: isoDate,
  targetValue: value,
  targetDate: isoDate,
  /** The nyttoägare: a name, or a member of the organisation (ownerUserId) whose name it then becomes. */
  owner: optionalText(200),
  ownerUserId: uuid.nullish().transform((v) => v ?? null),
  howRealised: optionalText(5000),
  /** Months between measurements. */
  frequency: z
    .number({ error: "number" })
    .int({ error: "whole_number" })
    .min(1, { error: "too_small" })
    .max(MAX_FREQUENCY_MONTHS, { error: "too_large" })
    .nullish()
    .transform((v) => v ?? null),
  measuredBy: optionalText(200),
  measuredByUserId: uuid.nullish().transform((v) => v ?? null),
  /** Flows of the same initiative whose actual digital messages are this benefit's measurements. */
  derivedFromFlowIds: z
    .array(uuid, { error: "invalid" })
    .max(MAX_DERIVED_FLOWS, { error: "too_many" })
    .transform((ids) => [...new Set(ids)])
    .default([]),
  gapCause: optionalText(5000),
  proposedActions: optionalText(5000),
  responsibleUnit: optionalText(200),
});
export type BenefitInput = z.output<typeof BenefitInput>;

/** A target reached before the baseline was measured says nothing: the target date is the baseline's or later. */
export function benefitDateIssues(input: Pick<BenefitInput, "baselineDate" | "targetDate">): FieldIssue[] {
  return input.targetDate < input.baselineDate
    ? [{ path: ["targetDate"], code: "target_before_baseline", message: "the target date is before the baseline date" }]
    : [];
}

/** A measurement of a benefit's metric, as the API and the form take it. */
export const MeasurementInput = z.object({
  date: isoDate,
  value,
  note: optionalText(2000),
});
export type MeasurementInput = z.output<typeof MeasurementInput>;

/** A measurement before the baseline was taken cannot show how far the benefit came from it. */
export function measurementIssues(
  benefit: { baselineDate: string },
  measurement: Pick<MeasurementInput, "date">,
  path: readonly (string | number)[] = [],
): FieldIssue[] {
  return measurement.date < benefit.baselineDate
    ? [{ path: [...path, "date"], code: "before_baseline", message: `the date is before the baseline date ${benefit.baselineDate}` }]
    : [];
}

/** Milestone VIII's gap analysis of a benefit on its own: the rest of the benefit stays as it is. */
export const GapAnalysisInput = BenefitInput.pick({ gapCause: true, proposedActions: true, responsibleUnit: true });
export type GapAnalysisInput = z.output<typeof GapAnalysisInput>;
