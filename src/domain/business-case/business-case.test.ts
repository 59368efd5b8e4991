import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecast } from "../forecast/forecast.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { type BusinessCaseFigures, evaluateBusinessCase, SCENARIOS } from "./business-case.ts";
import { type BenefitLine, BusinessCaseInput, type CostLine } from "./business-case-input.ts";
import { type ComputedBenefitFlow, type ComputedBenefitYear, computedBenefits } from "./computed-benefits.ts";

/** The issue's worked example: 12,000 letters a year at 11.50 kr from January 2027, 75 % reach. */
function exampleComputed(): ComputedBenefitYear[] {
  const reach = { privatperson: { 2027: 0.75, 2028: 0.75, 2029: 0.75 } };
  const f = forecast({
    flows: [
      {
        id: "bygglov",
        recipientType: "privatperson",
        annualVolume: 12_000,
        seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1].map((n) => n / 12) as never,
        status: "i_produktion",
        plannedProductionDate: "2027-01-01",
      },
    ],
    from: "2027-01" as YearMonth,
    months: 36,
    reach,
  });
  const flow: ComputedBenefitFlow = {
    flowId: "bygglov",
    name: "Beslut om bygglov",
    costPerLetterSek: 11.5,
    productionMonth: "2027-01" as YearMonth,
    months: f.flows[0]?.months ?? [],
  };
  return computedBenefits([flow], [2027, 2028, 2029]);
}

const line = (low: number, expected: number, high: number) => ({ low, expected, high, note: null });

describe("computed benefits", () => {
  it("gives the issue's worked example: 103,500 kr in the first full year", () => {
    const [first] = exampleComputed();
    expect(first?.amount.expected).toBe(103_500);
    expect(first?.flows[0]?.digital.expected).toBe(9_000);
    // The reach curve 10 points down and up: 65 % and 85 % of 12,000 letters at 11.50 kr.
    expect(first?.amount.low).toBe(89_700);
    expect(first?.amount.high).toBe(117_300);
  });
});

describe("the business case", () => {
  const costs: CostLine[] = [
    { category: "utveckling", year: 2027, ...line(80_000, 100_000, 150_000) },
    { category: "drift", year: 2028, ...line(15_000, 20_000, 30_000) },
    { category: "drift", year: 2029, ...line(15_000, 20_000, 30_000) },
  ];
  const benefits: BenefitLine[] = [
    { category: "omfordelad_tid", beneficiary: "organisation", year: 2028, ...line(30_000, 50_000, 60_000) },
  ];
  const figures: BusinessCaseFigures = {
    startYear: 2027,
    horizonYears: 3,
    discountRate: 0.03,
    costs,
    benefits,
    computed: exampleComputed(),
  };

  it("computes the expected years, NPV and payback as worked by hand", () => {
    const result = evaluateBusinessCase(figures);
    expect(result.years).toEqual([
      { year: 2027, costs: 100_000, benefits: 0, computedBenefits: 103_500, net: 3_500 },
      { year: 2028, costs: 20_000, benefits: 50_000, computedBenefits: 103_500, net: 133_500 },
      { year: 2029, costs: 20_000, benefits: 0, computedBenefits: 103_500, net: 83_500 },
    ]);
    // 3 500 + 133 500 / 1.03 + 83 500 / 1.03²
    expect(result.scenarios.expected.npv).toBe(211_818.41);
    expect(result.scenarios.expected.paybackYear).toBe(2027);
  });

  it("takes costs high and benefits low in the pessimistic scenario", () => {
    const low = evaluateBusinessCase(figures).scenarios.low;
    expect(low.years.map((y) => y.net)).toEqual([-60_300, 89_700, 59_700]);
    // −60 300 + 89 700 / 1.03 + 59 700 / 1.03²
    expect(low.npv).toBe(83_060.35);
    expect(low.paybackYear).toBe(2028);
  });

  it("has no payback year when the cumulative net never reaches zero", () => {
    const result = evaluateBusinessCase({ ...figures, computed: [], benefits: [] });
    expect(result.scenarios.expected.paybackYear).toBeNull();
  });

  it("refuses estimates out of order, years outside the horizon and rates out of range, each on its path", () => {
    const parsed = BusinessCaseInput.safeParse({
      startYear: 2027,
      horizonYears: 3,
      discountRate: 1.5,
      costs: [{ category: "drift", year: 2031, low: 10, expected: 5, high: 20 }],
      benefits: [{ category: "miljo", beneficiary: "samhallet", year: 2027, low: 1, expected: 2, high: 1 }],
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];
    expect(issues).toEqual(
      expect.arrayContaining(["discountRate:discount_rate_range", "costs.0.low:low_above_expected", "benefits.0.high:high_below_expected"]),
    );
    const horizon = BusinessCaseInput.safeParse({
      startYear: 2027,
      horizonYears: 3,
      discountRate: 0.03,
      costs: [{ category: "drift", year: 2031, low: 1, expected: 1, high: 1 }],
    });
    expect(horizon.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual(["costs.0.year:year_outside_horizon"]);
  });
});

const START = 2027;
const arbitraryRange = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }))
  .map((xs) => xs.sort((a, b) => a - b))
  .map(([low, expected, high]) => ({ low: low ?? 0, expected: expected ?? 0, high: high ?? 0 }));

const arbitraryFigures: fc.Arbitrary<BusinessCaseFigures> = fc.integer({ min: 1, max: 15 }).chain((horizonYears) => {
  const year = fc.integer({ min: START, max: START + horizonYears - 1 });
  return fc.record({
    startYear: fc.constant(START),
    horizonYears: fc.constant(horizonYears),
    discountRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
    costs: fc
      .array(
        fc.record({
          category: fc.constantFrom("utveckling", "drift", "forvaltning", "ovrigt") as fc.Arbitrary<CostLine["category"]>,
          year,
          range: arbitraryRange,
        }),
        { maxLength: 12 },
      )
      .map((ls) => ls.map(({ range, ...l }): CostLine => ({ ...l, ...range, note: null }))),
    benefits: fc
      .array(
        fc.record({
          category: fc.constantFrom("finansiell", "kvalitet") as fc.Arbitrary<BenefitLine["category"]>,
          year,
          range: arbitraryRange,
        }),
        { maxLength: 12 },
      )
      .map((ls) => ls.map(({ range, ...l }): BenefitLine => ({ ...l, beneficiary: "organisation", ...range, note: null }))),
    computed: fc
      .array(arbitraryRange, { minLength: horizonYears, maxLength: horizonYears })
      .map((ranges) => ranges.map((amount, i): ComputedBenefitYear => ({ year: START + i, amount, flows: [] }))),
  });
});

describe("the business case's properties", () => {
  it("at a discount rate of 0, NPV is the sum of the nets", () => {
    fc.assert(
      fc.property(arbitraryFigures, (figures) => {
        const result = evaluateBusinessCase({ ...figures, discountRate: 0 });
        for (const s of SCENARIOS) {
          const sum = result.scenarios[s].years.reduce((acc, y) => acc + y.net, 0);
          expect(result.scenarios[s].npv).toBeCloseTo(sum, 1);
        }
      }),
    );
  });

  it("orders the scenarios: low ≤ expected ≤ high", () => {
    fc.assert(
      fc.property(arbitraryFigures, (figures) => {
        const { low, expected, high } = evaluateBusinessCase(figures).scenarios;
        expect(low.npv).toBeLessThanOrEqual(expected.npv);
        expect(expected.npv).toBeLessThanOrEqual(high.npv);
      }),
    );
  });

  it("never raises the NPV when a cost is raised", () => {
    fc.assert(
      fc.property(arbitraryFigures, fc.nat(), fc.integer({ min: 1, max: 500_000 }), (figures, pick, extra) => {
        fc.pre(figures.costs.length > 0);
        const i = pick % figures.costs.length;
        const raised = figures.costs.map((l, k) =>
          k === i ? { ...l, low: l.low + extra, expected: l.expected + extra, high: l.high + extra } : l,
        );
        const before = evaluateBusinessCase(figures).scenarios;
        const after = evaluateBusinessCase({ ...figures, costs: raised }).scenarios;
        for (const s of SCENARIOS) expect(after[s].npv).toBeLessThanOrEqual(before[s].npv);
      }),
    );
  });
});
