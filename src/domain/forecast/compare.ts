import type { YearMonth } from "../volumes/volume-series.ts";
import type { Counts, MonthTotal } from "./forecast.ts";

/**
 * Two forecasts (a baseline and a re-forecast, or any two versions) side by side, month by month.
 * The months are the union of both, in order; a month one of them lacks counts as zero there, so a
 * longer or later forecast shows as a difference rather than disappearing. The difference is b − a:
 * how much the later version (b) moved from the earlier (a).
 */

export type ComparedMonth = { month: YearMonth; a: Counts; b: Counts; difference: Counts };
export type Comparison = { months: ComparedMonth[] };

const NONE: Counts = { volume: 0, digital: 0, paper: 0 };

const countsOf = ({ volume, digital, paper }: Counts): Counts => ({ volume, digital, paper });

export function compare(a: { months: readonly MonthTotal[] }, b: { months: readonly MonthTotal[] }): Comparison {
  const inA = new Map(a.months.map((m) => [m.month, countsOf(m)]));
  const inB = new Map(b.months.map((m) => [m.month, countsOf(m)]));
  // "YYYY-MM" strings sort as the months they name.
  const months = [...new Set([...inA.keys(), ...inB.keys()])].sort();
  return {
    months: months.map((month) => {
      const left = inA.get(month) ?? NONE;
      const right = inB.get(month) ?? NONE;
      return {
        month,
        a: left,
        b: right,
        difference: { volume: right.volume - left.volume, digital: right.digital - left.digital, paper: right.paper - left.paper },
      };
    }),
  };
}
