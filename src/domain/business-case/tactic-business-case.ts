import type { TacticKind } from "../tactics/tactic-input.ts";
import { netPresentValue, paybackYear } from "./business-case.ts";
import { horizonYearsOf } from "./business-case-input.ts";
import type { ComputedBenefitYear } from "./computed-benefits.ts";

/**
 * The business case of each connection-tactic alternative (issue 12), over the business case's own
 * horizon and discount rate: the alternative's one-off cost in the first year and its annual cost in
 * every year, against the computed benefits (expected) of the flows it serves — nothing else, so the
 * alternatives are compared on what differs between them. net, NPV and payback as in business-case.ts.
 */

export type TacticCaseAlternative = {
  readonly id: string;
  readonly name: string;
  readonly tactic: TacticKind;
  readonly oneOffCostSek: number;
  readonly annualCostSek: number;
  readonly flowIds: readonly string[];
};

export type TacticCaseYear = { year: number; costs: number; computedBenefits: number; net: number };

export type TacticBusinessCase = {
  alternativeId: string;
  name: string;
  kind: TacticKind;
  npv: number;
  paybackYear: number | null;
  years: TacticCaseYear[];
};

const sek = (n: number) => Math.round(n * 100) / 100;

export function tacticBusinessCases({
  startYear,
  horizonYears,
  discountRate,
  computed,
  alternatives,
}: {
  startYear: number;
  horizonYears: number;
  discountRate: number;
  computed: readonly ComputedBenefitYear[];
  alternatives: readonly TacticCaseAlternative[];
}): TacticBusinessCase[] {
  return alternatives.map((a) => {
    const served = new Set(a.flowIds);
    const years = horizonYearsOf({ startYear, horizonYears }).map((year): TacticCaseYear => {
      const costs = sek((year === startYear ? a.oneOffCostSek : 0) + a.annualCostSek);
      const flows = computed.find((y) => y.year === year)?.flows ?? [];
      const computedBenefits = sek(flows.filter((f) => served.has(f.flowId)).reduce((sum, f) => sum + f.amount.expected, 0));
      return { year, costs, computedBenefits, net: sek(computedBenefits - costs) };
    });
    return {
      alternativeId: a.id,
      name: a.name,
      kind: a.tactic,
      npv: netPresentValue(years, startYear, discountRate),
      paybackYear: paybackYear(years),
      years,
    };
  });
}
