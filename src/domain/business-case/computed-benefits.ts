import type { YearMonth } from "../volumes/volume-series.ts";

/**
 * Benefits that follow from volumes are computed, never typed (issue 12): for each flow and calendar
 * year, the digital messages of the forecast × the flow's cost per letter — the letter no longer
 * printed, enveloped and posted (domain.md §3.2: porto 15 kr bulk, plus what the team adds). They are a
 * financial benefit to the organisation.
 *
 * The low and high estimates move the reach curve by REACH_UNCERTAINTY (10 percentage points) down and
 * up in every month the flow is in production, clamped to [0, 1], rounding each month's digital
 * messages as the forecast does. Rounding half up is monotone, so low ≤ expected ≤ high always holds.
 */

export const REACH_UNCERTAINTY = 0.1;

export type ForecastMonthOfFlow = { month: YearMonth; volume: number; reachShare: number; digital: number };

export type ComputedBenefitFlow = {
  flowId: string;
  name: string;
  costPerLetterSek: number;
  /** "YYYY-MM" of the planned production date; null when the flow has none (it never goes digital). */
  productionMonth: YearMonth | null;
  months: readonly ForecastMonthOfFlow[];
};

export type Range = { low: number; expected: number; high: number };

export type FlowYearBenefit = {
  flowId: string;
  name: string;
  costPerLetterSek: number;
  /** Digital messages that year: the forecast's, and at the reach curve ∓ 10 points. */
  digital: Range;
  /** SEK: digital × cost per letter. */
  amount: Range;
};

export type ComputedBenefitYear = { year: number; amount: Range; flows: FlowYearBenefit[] };

const sek = (n: number) => Math.round(n * 100) / 100;
const clamp = (share: number) => Math.min(1, Math.max(0, share));

/** A flow's digital messages per calendar year, in one pass over its months. */
function digitalByYear(flow: ComputedBenefitFlow): Map<number, Range> {
  const byYear = new Map<number, Range>();
  for (const m of flow.months) {
    const year = Number(m.month.slice(0, 4));
    let range = byYear.get(year);
    if (!range) {
      range = { low: 0, expected: 0, high: 0 };
      byYear.set(year, range);
    }
    range.expected += m.digital;
    if (flow.productionMonth === null || m.month < flow.productionMonth) continue;
    range.low += Math.round(m.volume * clamp(m.reachShare - REACH_UNCERTAINTY));
    range.high += Math.round(m.volume * clamp(m.reachShare + REACH_UNCERTAINTY));
  }
  return byYear;
}

const NONE: Range = { low: 0, expected: 0, high: 0 };

/** Per year of the horizon, the computed benefit and the flows it comes from (flows with no digital message that year left out). */
export function computedBenefits(flows: readonly ComputedBenefitFlow[], years: readonly number[]): ComputedBenefitYear[] {
  const digitalOfFlow = flows.map(digitalByYear);
  return years.map((year) => {
    const perFlow = flows
      .map((flow, i): FlowYearBenefit => {
        const digital = { ...(digitalOfFlow[i]?.get(year) ?? NONE) };
        const price = flow.costPerLetterSek;
        return {
          flowId: flow.flowId,
          name: flow.name,
          costPerLetterSek: price,
          digital,
          amount: { low: sek(digital.low * price), expected: sek(digital.expected * price), high: sek(digital.high * price) },
        };
      })
      .filter((f) => f.digital.high > 0);
    const amount = perFlow.reduce(
      (sum, f) => ({
        low: sek(sum.low + f.amount.low),
        expected: sek(sum.expected + f.amount.expected),
        high: sek(sum.high + f.amount.high),
      }),
      { low: 0, expected: 0, high: 0 },
    );
    return { year, amount, flows: perFlow };
  });
}

/** A flow's year as the export shows what the computed benefit was made of: letters, the reach used, digital messages. */
export type FlowYearInput = { year: number; volume: number; reachShare: number; digital: number };

/**
 * Per year, a flow's letters, the mean reach share of the months it is in production (0 before it
 * is, or without a production date) and its digital messages: the inputs behind its computed benefit.
 */
export function flowYearInputs(flow: ComputedBenefitFlow, years: readonly number[]): FlowYearInput[] {
  return years.map((year) => {
    const months = flow.months.filter((m) => Number(m.month.slice(0, 4)) === year);
    const producing = months.filter((m) => flow.productionMonth !== null && m.month >= flow.productionMonth);
    const reach = producing.length ? producing.reduce((sum, m) => sum + m.reachShare, 0) / producing.length : 0;
    return {
      year,
      volume: months.reduce((sum, m) => sum + m.volume, 0),
      reachShare: Math.round(reach * 10_000) / 10_000,
      digital: months.reduce((sum, m) => sum + m.digital, 0),
    };
  });
}
