import { z } from "zod";
import { recipientType } from "../forecast/forecast-input.ts";
import type { RecipientType } from "../forecast/reach-curve.ts";
import { DEFAULT_PRIORITY_WEIGHTS, MAX_WEIGHT, PRIORITY_CRITERIA, type PriorityWeights } from "../prioritisation/priority-score.ts";
import { DomainError, type FieldIssue } from "../shared/domain-error.ts";

/** The years an initiative may set its own reach for: wide enough for any plan, narrow enough to mean something. */
export const FIRST_OVERRIDE_YEAR = 2000;
export const LAST_OVERRIDE_YEAR = 2100;

const share = z.number({ error: "share_range" }).min(0, { error: "share_range" }).max(1, { error: "share_range" });
const weight = z.number({ error: "number" }).min(0, { error: "negative" }).max(MAX_WEIGHT, { error: "too_large" });

/** Per recipient type, a share per four-digit year ("2027": 0.8), replacing the default curve for that year. */
export type StoredReachOverrides = Partial<Record<RecipientType, Record<string, number>>>;

/**
 * The initiative's settings for all its flows, whole (PUT replaces both): its reach overrides and the
 * prioritisation's weights. The year range and "not all weights zero" are checked by
 * `checkFlowSettings`, so their codes reach the form as their own.
 */
export const FlowSettingsInput = z.object({
  reachOverrides: z.partialRecord(recipientType, z.record(z.string().regex(/^\d{4}$/, { error: "year" }), share)).default({}),
  priorityWeights: z.object({ volume: weight, processChange: weight, serviceImprovement: weight }).default({ ...DEFAULT_PRIORITY_WEIGHTS }),
});
export type FlowSettingsInput = { reachOverrides: StoredReachOverrides; priorityWeights: PriorityWeights };

/** What the shape cannot say: every year within 2000–2100, and some weight above zero. */
export function flowSettingsIssues(settings: FlowSettingsInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [type, years] of Object.entries(settings.reachOverrides)) {
    for (const year of Object.keys(years ?? {})) {
      const y = Number(year);
      if (!(y >= FIRST_OVERRIDE_YEAR && y <= LAST_OVERRIDE_YEAR)) {
        issues.push({ path: ["reachOverrides", type, year], code: "year_range", message: "the year must be 2000–2100" });
      }
    }
  }
  if (PRIORITY_CRITERIA.every((key) => settings.priorityWeights[key] === 0)) {
    issues.push({ path: ["priorityWeights"], code: "weights_all_zero", message: "at least one weight must be above zero" });
  }
  return issues;
}

export function checkFlowSettings(settings: FlowSettingsInput): void {
  const issues = flowSettingsIssues(settings);
  if (issues.length) throw new DomainError("VALIDATION_FAILED", "the flow settings are not valid", { fields: issues });
}

/** The prioritisation's weights alone (the priorities page's form). */
export const PriorityWeightsInput = z.object({ volume: weight, processChange: weight, serviceImprovement: weight });

/** How many years, from this one, the reach form offers: the forecast's five years and the one it starts in. */
export const REACH_FORM_YEARS = 6;
