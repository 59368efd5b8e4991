import { z } from "zod";
import { yearMonth } from "../forecast/forecast-input.ts";

/** The most one flow's month may hold, as the table's check allows. */
export const MAX_MONTHLY_COUNT = 1_000_000_000;
/** Twenty years of months in one request. */
export const MAX_ACTUAL_MONTHS = 240;

const count = z
  .number({ error: "number" })
  .int({ error: "whole_number" })
  .min(0, { error: "negative" })
  .max(MAX_MONTHLY_COUNT, { error: "too_large" });

export const ActualEntry = z.object({ month: yearMonth, digital: count, paper: count });

/**
 * A flow's actual volumes for some months, as the API and the form send them: each month once.
 * Whether a month lies in the future depends on the clock, so the use case checks that (actualsIssues).
 */
export const ActualsInput = z
  .array(ActualEntry, { error: "invalid" })
  .max(MAX_ACTUAL_MONTHS, { error: "too_many" })
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.month)) ctx.addIssue({ code: "custom", path: [i, "month"], message: "duplicate" });
      seen.add(e.month);
    });
  });
export type ActualsInput = z.infer<typeof ActualsInput>;

/** Months after `current` ("YYYY-MM", this month in Stockholm) have not happened yet. */
export function futureMonthIssues(entries: ActualsInput, current: string) {
  return entries.flatMap((e, i) =>
    e.month > current ? [{ path: [i, "month"], code: "future_month", message: "a month that has not begun cannot have actuals" }] : [],
  );
}
