import type { BenefitCategory, BenefitLine, BusinessCaseInput, CostCategory, CostLine } from "./business-case-input.ts";
import { horizonYearsOf } from "./business-case-input.ts";
import type { ComputedBenefitYear, Range } from "./computed-benefits.ts";

/**
 * The business case's arithmetic (issue 12), plain functions over plain data.
 *
 * - A year's `net` = typed benefits + computed benefits − costs.
 * - NPV = Σ net / (1 + discountRate)^(year − startYear) over the horizon: the first year is not
 *   discounted (Inera's template, domain.md §1.5).
 * - The payback year is the first whose cumulative undiscounted net is ≥ 0; null when none is.
 * - Three scenarios: `expected` takes every expected estimate; `low`, the pessimistic one, every cost at
 *   its high estimate and every benefit at its low one; `high` the other way round. So
 *   low.npv ≤ expected.npv ≤ high.npv for any input (a property test pins it).
 */

export type Scenario = "low" | "expected" | "high";
export const SCENARIOS: readonly Scenario[] = ["low", "expected", "high"];

export type BusinessCaseYear = { year: number; costs: number; benefits: number; computedBenefits: number; net: number };
export type ScenarioResult = { npv: number; paybackYear: number | null; years: BusinessCaseYear[] };
export type BusinessCaseResult = {
  startYear: number;
  horizonYears: number;
  discountRate: number;
  /** The expected scenario, year by year. */
  years: BusinessCaseYear[];
  scenarios: Record<Scenario, ScenarioResult>;
};

const sek = (n: number) => Math.round(n * 100) / 100;

/** Which estimate a scenario takes: costs move against benefits. */
const costEstimate: Record<Scenario, keyof Range> = { low: "high", expected: "expected", high: "low" };
const benefitEstimate: Record<Scenario, keyof Range> = { low: "low", expected: "expected", high: "high" };

export type BusinessCaseFigures = Pick<BusinessCaseInput, "startYear" | "horizonYears" | "discountRate"> & {
  costs: readonly CostLine[];
  benefits: readonly BenefitLine[];
  computed: readonly ComputedBenefitYear[];
};

export function netPresentValue(nets: readonly { year: number; net: number }[], startYear: number, discountRate: number): number {
  return sek(nets.reduce((sum, { year, net }) => sum + net / (1 + discountRate) ** (year - startYear), 0));
}

export function paybackYear(nets: readonly { year: number; net: number }[]): number | null {
  let cumulative = 0;
  for (const { year, net } of nets) {
    cumulative += net;
    // Cents, so that sums of amounts rounded to öre do not miss zero by a float's last bit.
    if (Math.round(cumulative * 100) >= 0) return year;
  }
  return null;
}

export function scenarioYears(figures: BusinessCaseFigures, scenario: Scenario): BusinessCaseYear[] {
  const c = costEstimate[scenario];
  const b = benefitEstimate[scenario];
  return horizonYearsOf(figures).map((year) => {
    const costs = sek(figures.costs.filter((l) => l.year === year).reduce((sum, l) => sum + l[c], 0));
    const benefits = sek(figures.benefits.filter((l) => l.year === year).reduce((sum, l) => sum + l[b], 0));
    const computedBenefits = sek(figures.computed.find((y) => y.year === year)?.amount[b] ?? 0);
    return { year, costs, benefits, computedBenefits, net: sek(benefits + computedBenefits - costs) };
  });
}

function scenarioResult(figures: BusinessCaseFigures, scenario: Scenario): ScenarioResult {
  const years = scenarioYears(figures, scenario);
  return { npv: netPresentValue(years, figures.startYear, figures.discountRate), paybackYear: paybackYear(years), years };
}

export function evaluateBusinessCase(figures: BusinessCaseFigures): BusinessCaseResult {
  const scenarios = {
    low: scenarioResult(figures, "low"),
    expected: scenarioResult(figures, "expected"),
    high: scenarioResult(figures, "high"),
  };
  return {
    startYear: figures.startYear,
    horizonYears: figures.horizonYears,
    discountRate: figures.discountRate,
    years: scenarios.expected.years,
    scenarios,
  };
}

/** Sums of the expected estimates per category over the horizon: the page's "where the money is". */
export function totalsByCategory(figures: BusinessCaseFigures): {
  costs: Record<CostCategory, number>;
  benefits: Record<BenefitCategory, number>;
  computed: number;
} {
  const costs = { utveckling: 0, drift: 0, forvaltning: 0, ovrigt: 0 };
  const benefits = { finansiell: 0, omfordelad_tid: 0, kvalitet: 0, miljo: 0 };
  for (const l of figures.costs) costs[l.category] = sek(costs[l.category] + l.expected);
  for (const l of figures.benefits) benefits[l.category] = sek(benefits[l.category] + l.expected);
  return { costs, benefits, computed: sek(figures.computed.reduce((sum, y) => sum + y.amount.expected, 0)) };
}
