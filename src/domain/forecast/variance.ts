import type { YearMonth } from "../volumes/volume-series.ts";
import type { Counts } from "./forecast.ts";

/**
 * Actual volumes against a baseline (issue 11): for each month with an actual, the baseline's
 * figures for that month and the variance actual − baseline, digital and paper. A month the baseline
 * does not cover (before it starts or after it ends), or no baseline at all, has no variance: a
 * missing forecast is not a forecast of zero.
 */

export type ActualCounts = { digital: number; paper: number };
export type ActualMonth = ActualCounts & { month: YearMonth };
export type VarianceMonth = ActualMonth & { baseline: Counts | null; variance: ActualCounts | null };

export function variance(actuals: readonly ActualMonth[], baseline: readonly (Counts & { month: string })[] | null): VarianceMonth[] {
  const planned = new Map((baseline ?? []).map((m) => [m.month, m]));
  // "YYYY-MM" strings sort as the months they name.
  return [...actuals]
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .map(({ month, digital, paper }) => {
      const b = planned.get(month);
      return {
        month,
        digital,
        paper,
        baseline: b ? { volume: b.volume, digital: b.digital, paper: b.paper } : null,
        variance: b ? { digital: digital - b.digital, paper: paper - b.paper } : null,
      };
    });
}

/** Several flows' actuals added up per month: an initiative's totals. */
export function sumByMonth(actuals: readonly ActualMonth[]): ActualMonth[] {
  const totals = new Map<YearMonth, ActualMonth>();
  for (const a of actuals) {
    const total = totals.get(a.month) ?? { month: a.month, digital: 0, paper: 0 };
    total.digital += a.digital;
    total.paper += a.paper;
    totals.set(a.month, total);
  }
  return [...totals.values()];
}
