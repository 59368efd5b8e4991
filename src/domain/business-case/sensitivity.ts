import { type BusinessCaseFigures, netPresentValue, scenarioYears } from "./business-case.ts";
import { BENEFIT_CATEGORIES, type BenefitCategory, COST_CATEGORIES, type CostCategory } from "./business-case-input.ts";
import type { ComputedBenefitYear } from "./computed-benefits.ts";

/**
 * Which input moves the NPV most (issue 12): each input in turn 20 % down and 20 % up, everything else
 * at its expected value, sorted by how far the NPV swings — the rows of a tornado chart. The inputs are
 * each cost category, each benefit category, each flow's computed benefit, and the discount rate.
 * Inputs the business case does not have (nothing in that category) are left out.
 */

export const SENSITIVITY_STEP = 0.2;

/**
 * Bars a tornado chart draws at most: the inputs that move the NPV most. A 50-flow case has some 60
 * inputs; past the first fifteen the bars are slivers nobody compares, and the table lists them all.
 */
export const TORNADO_MAX_BARS = 15;

export type SensitivityInput =
  | { kind: "cost"; category: CostCategory }
  | { kind: "benefit"; category: BenefitCategory }
  | { kind: "flow"; flowId: string; name: string }
  | { kind: "discountRate" };

export type SensitivityRow = {
  input: SensitivityInput;
  /** NPV with the input 20 % lower, and 20 % higher. */
  npvDown: number;
  npvUp: number;
  /** |npvUp − npvDown|: the bar's length. */
  swing: number;
};

export type Sensitivity = { baseNpv: number; rows: SensitivityRow[] };

/** Each flow's expected computed benefit per year, found once: scaling a flow touches only its own years. */
type FlowAmounts = ReadonlyMap<string, ReadonlyMap<number, number>>;

function flowAmountsOf(computed: readonly ComputedBenefitYear[]): FlowAmounts {
  const amounts = new Map<string, Map<number, number>>();
  for (const y of computed)
    for (const f of y.flows) {
      let years = amounts.get(f.flowId);
      if (!years) {
        years = new Map();
        amounts.set(f.flowId, years);
      }
      years.set(y.year, f.amount.expected);
    }
  return amounts;
}

const scaleComputed = (
  computed: readonly ComputedBenefitYear[],
  amounts: FlowAmounts,
  flowId: string,
  factor: number,
): ComputedBenefitYear[] => {
  const years = amounts.get(flowId);
  return computed.map((y) => {
    const amount = years?.get(y.year);
    if (amount === undefined) return y;
    return { ...y, amount: { ...y.amount, expected: y.amount.expected + amount * (factor - 1) } };
  });
};

function scaled(figures: BusinessCaseFigures, amounts: FlowAmounts, input: SensitivityInput, factor: number): BusinessCaseFigures {
  switch (input.kind) {
    case "cost":
      return {
        ...figures,
        costs: figures.costs.map((l) => (l.category === input.category ? { ...l, expected: l.expected * factor } : l)),
      };
    case "benefit":
      return {
        ...figures,
        benefits: figures.benefits.map((l) => (l.category === input.category ? { ...l, expected: l.expected * factor } : l)),
      };
    case "flow":
      return { ...figures, computed: scaleComputed(figures.computed, amounts, input.flowId, factor) };
    case "discountRate":
      return { ...figures, discountRate: figures.discountRate * factor };
  }
}

const npvOf = (figures: BusinessCaseFigures) =>
  netPresentValue(scenarioYears(figures, "expected"), figures.startYear, figures.discountRate);

function inputsOf(figures: BusinessCaseFigures): SensitivityInput[] {
  const flows = new Map<string, string>();
  for (const y of figures.computed) for (const f of y.flows) if (f.amount.expected > 0) flows.set(f.flowId, f.name);
  return [
    ...COST_CATEGORIES.filter((c) => figures.costs.some((l) => l.category === c && l.expected > 0)).map(
      (category): SensitivityInput => ({ kind: "cost", category }),
    ),
    ...BENEFIT_CATEGORIES.filter((c) => figures.benefits.some((l) => l.category === c && l.expected > 0)).map(
      (category): SensitivityInput => ({ kind: "benefit", category }),
    ),
    ...[...flows].map(([flowId, name]): SensitivityInput => ({ kind: "flow", flowId, name })),
    ...(figures.discountRate > 0 ? [{ kind: "discountRate" } as const] : []),
  ];
}

export function sensitivity(figures: BusinessCaseFigures): Sensitivity {
  const amounts = flowAmountsOf(figures.computed);
  const rows = inputsOf(figures).map((input): SensitivityRow => {
    const npvDown = npvOf(scaled(figures, amounts, input, 1 - SENSITIVITY_STEP));
    const npvUp = npvOf(scaled(figures, amounts, input, 1 + SENSITIVITY_STEP));
    return { input, npvDown, npvUp, swing: Math.round(Math.abs(npvUp - npvDown) * 100) / 100 };
  });
  // Largest swing first; equal swings keep the inputs' order (costs, benefits, flows, rate), so the chart is stable.
  return { baseNpv: npvOf(figures), rows: rows.sort((a, b) => b.swing - a.swing) };
}
