import { describe, expect, it } from "vitest";
import type { ComputedBenefitYear, FlowYearBenefit } from "./computed-benefits.ts";
import { tacticBusinessCases } from "./tactic-business-case.ts";

const flow = (flowId: string, expected: number): FlowYearBenefit => ({
  flowId,
  name: flowId,
  costPerLetterSek: 11.5,
  digital: { low: 0, expected: 0, high: 0 },
  amount: { low: expected, expected, high: expected },
});

/** Bygglov brings 103,500 kr a year (the worked example), faktura 10,000 kr. */
const computed: ComputedBenefitYear[] = [2027, 2028, 2029].map((year) => ({
  year,
  amount: { low: 113_500, expected: 113_500, high: 113_500 },
  flows: [flow("bygglov", 103_500), flow("faktura", 10_000)],
}));

describe("the business case of each connection-tactic alternative", () => {
  const cases = tacticBusinessCases({
    startYear: 2027,
    horizonYears: 3,
    discountRate: 0.03,
    computed,
    alternatives: [
      { id: "a", name: "Via förmedlare", tactic: "formedlare", oneOffCostSek: 50_000, annualCostSek: 20_000, flowIds: ["bygglov"] },
      {
        id: "b",
        name: "Egen integration",
        tactic: "egen_integration",
        oneOffCostSek: 400_000,
        annualCostSek: 10_000,
        flowIds: ["bygglov", "faktura"],
      },
      { id: "c", name: "Gör ingenting", tactic: "inget", oneOffCostSek: 0, annualCostSek: 0, flowIds: [] },
    ],
  });

  it("sets the one-off cost in the first year and the annual cost in every year against the served flows' benefits", () => {
    expect(cases[0]?.years).toEqual([
      { year: 2027, costs: 70_000, computedBenefits: 103_500, net: 33_500 },
      { year: 2028, costs: 20_000, computedBenefits: 103_500, net: 83_500 },
      { year: 2029, costs: 20_000, computedBenefits: 103_500, net: 83_500 },
    ]);
  });

  it("gives NPV and payback as worked by hand", () => {
    // 33 500 + 83 500 / 1.03 + 83 500 / 1.03² = 33 500 + 81 067.96 + 78 706.76
    expect(cases[0]).toMatchObject({ alternativeId: "a", kind: "formedlare", npv: 193_274.72, paybackYear: 2027 });
    // −296 500 + 103 500 / 1.03 + 103 500 / 1.03²; cumulative −296 500, −193 000, −89 500: never paid back
    expect(cases[1]).toMatchObject({ alternativeId: "b", npv: -98_455.89, paybackYear: null });
    // Doing nothing costs nothing and brings nothing.
    expect(cases[2]).toMatchObject({ alternativeId: "c", npv: 0, paybackYear: 2027 });
  });

  it("counts a flow once however often the alternative lists it, and a flow outside the horizon's benefits as none", () => {
    const [twice] = tacticBusinessCases({
      startYear: 2027,
      horizonYears: 1,
      discountRate: 0,
      computed,
      alternatives: [
        { id: "d", name: "Två gånger", tactic: "formedlare", oneOffCostSek: 0, annualCostSek: 0, flowIds: ["bygglov", "bygglov", "okänt"] },
      ],
    });
    expect(twice?.npv).toBe(103_500);
  });
});
